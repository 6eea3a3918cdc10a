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
  /** First child and next sibling: walking them allocates nothing (linkedom builds `childNodes` anew on each read). */
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
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

/**
 * Twice the deepest of the 824 benchmark pages (538, counting unclosed paragraphs as linkedom nests
 * them; browsers stop nesting at 512). Deeper markup is hostile or broken: Readability's cleaning
 * takes time that grows with the cube of the depth (3.5 s at 1,000, 78 s at 3,000), and linkedom's
 * parse with its square (half a minute at 200,000).
 */
export const MAX_NESTING = 1000;

/** Elements that never hold others: not counted as nesting (unclosed paragraphs are: linkedom nests them). */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  '!doctype',
]);

/** Whether open tags nest deeper than `limit` anywhere in the markup (a scan that stops once they do). */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  let at = html.indexOf('<');
  while (at !== -1) {
    const closing = html.charCodeAt(at + 1) === 47;
    let end = at + (closing ? 2 : 1);
    while (end < html.length && end - at < 40) {
      const code = html.charCodeAt(end) | 32;
      if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57 && end > at + 1) || code === 45 || code === 33)) break;
      end++;
    }
    const name = html.slice(at + (closing ? 2 : 1), end).toLowerCase();
    const gt = html.indexOf('>', end);
    if (name && !NOT_NESTING.has(name) && gt !== -1 && html.charCodeAt(gt - 1) !== 47) {
      if (closing) depth = Math.max(depth - 1, 0);
      else if (++depth > limit) return true;
    }
    at = html.indexOf('<', end);
  }
  return false;
}

/** Parse a whole page or a fragment; linkedom mangles fragments that lack `<html>`/`<body>`. */
export function parseDocument(html: string): DomDocument {
  if (html.length > 3 * MAX_NESTING && nestsDeeperThan(html, MAX_NESTING)) {
    throw new Error(`HTML nests elements more than ${MAX_NESTING.toLocaleString('en')} deep: not a page to read`);
  }
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
