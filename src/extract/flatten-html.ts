/**
 * @module HTML to visible text, one line per block element (what a reader sees, without markup):
 * scripts, styles, forms' hidden parts and `hidden` elements are skipped; inline text is joined
 * with collapsed whitespace; `<br>` and block boundaries start a new line; `<pre>` keeps its lines.
 */
import { ELEMENT_NODE, TEXT_NODE, parseDocument } from './html-document.js';
import type { DomElement, DomNode } from './html-document.js';

/** Elements whose content is never visible text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'select', 'option', 'datalist', 'textarea', 'input', 'button', 'audio', 'video', 'map',
  'link', 'meta', 'title',
]);

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'img',
]);

/** Elements whose content is raw text (never elements) in a well-formed tree. */
const RAW_TEXT = new Set(['script', 'style']);

function hasElementChild(node: DomNode): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) return true;
  return false;
}

/** Table cells: separate by a space on the row's line. */
const CELLS = new Set(['td', 'th']);

export interface FlattenOptions {
  /** Drop elements with aria-hidden="true" or inline display:none (default true). */
  skipHidden?: boolean;
}

/**
 * Flatten a page or fragment to lines of visible text joined by "\n". The whole document is read,
 * not only `document.body`: on pages with markup before `<body>` (a script after `</head>`, a
 * style before `<html>`) the parser may leave that body empty and put the content in a second one.
 */
export function flattenHtml(html: string, options: FlattenOptions = {}): string {
  return flattenNode(parseDocument(html) as unknown as DomNode, options);
}

/**
 * Flatten an already-parsed node (e.g. the article element Readability chose). Pages that hide
 * their whole content until a script shows it would flatten to nothing; for those, hidden
 * elements are read after all.
 */
export function flattenNode(root: DomNode, options: FlattenOptions = {}): string {
  const skipHidden = options.skipHidden ?? true;
  const text = flattenWith(root, skipHidden);
  if (!skipHidden || text.length >= 1000) return text;
  const all = flattenWith(root, false);
  return all.length > 500 && text.length < all.length * 0.2 ? all : text;
}

function flattenWith(root: DomNode, skipHidden: boolean): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\f\v\u00a0\u200b\r\n]+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };

  const visit = (node: DomNode, inPre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      if (inPre) {
        const parts = value.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) flush();
          current += part;
        });
      } else {
        current += value;
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = (node.localName ?? node.nodeName).toLowerCase();
    // A script or style holding elements is the parser nesting the page in it: read those.
    if (SKIPPED.has(name) && !(RAW_TEXT.has(name) && hasElementChild(node))) return;
    if (node.nodeType === ELEMENT_NODE && skipHidden && isHidden(node as DomElement)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    else if (CELLS.has(name)) current += ' ';
    const pre = inPre || name === 'pre';
    if (node.nodeType === ELEMENT_NODE) {
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child, pre);
    } else {
      // A document's doctype has no next sibling in linkedom: its children are read as a list.
      const children = node.childNodes;
      for (let i = 0; i < children.length; i++) visit(children[i] as DomNode, pre);
    }
    if (block) flush();
    else if (CELLS.has(name)) current += ' ';
  };

  visit(root, false);
  flush();
  return lines.join('\n');
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
