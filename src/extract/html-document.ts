/**
 * @module Parse HTML into a linkedom document, wrapping fragments so linkedom builds a normal tree,
 * and the small structural DOM types the extract stage relies on.
 */
import { parseHTML } from 'linkedom';

/** The parts of a DOM node the extractor reads (linkedom nodes satisfy it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  innerHTML: string;
  outerHTML: string;
  children: ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const HAS_HTML = /<html[\s>]/i;
const HAS_BODY = /<body[\s>]/i;

/** Parse a whole page or a fragment; linkedom mangles fragments that lack `<html>`/`<body>`. */
export function parseDocument(html: string): DomDocument {
  const source = HAS_HTML.test(html)
    ? html
    : HAS_BODY.test(html)
      ? `<!DOCTYPE html><html>${html}</html>`
      : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source);
  return document as unknown as DomDocument;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
