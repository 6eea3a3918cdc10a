/**
 * @module Safe XML parsing for feeds and OPML.
 *
 * Feeds come from the web and are hostile until proven otherwise: a document that declares its own
 * entities (the "billion laughs" expansion bomb, external entities) is refused outright rather than
 * expanded. Only the five XML entities, numeric references and HTML named entities are decoded.
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError } from './source-item.js';

const ENTITY_DECLARATION = /<!ENTITY/i;
const DOCTYPE_SUBSET = /<!DOCTYPE[^>[]*\[/i;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'outline', 'link', 'category', 'author'].includes(name),
});

export type XmlNode = Record<string, unknown>;

/** An Atom text construct of type "xhtml": its markup is the value, not child elements to parse. */
const XHTML_CONSTRUCT = /<((?:atom:)?(?:content|summary|title|subtitle))(\s[^>]*\btype\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1\s*>/g;

/** Atom's inline XHTML kept as markup text (in a CDATA section), so the item's text keeps its order. */
function xhtmlAsText(xml: string): string {
  if (!/type\s*=\s*["']xhtml["']/.test(xml)) return xml;
  return xml.replace(XHTML_CONSTRUCT, (_, name: string, attributes: string, inner: string) => `<${name}${attributes}><![CDATA[${inner.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`);
}

/** Refuses XML that declares its own entities (an expansion bomb, external entities) before any parser sees it. */
export function refuseDeclaredEntities(xml: string): void {
  const head = xml.slice(0, 64 * 1024);
  if (ENTITY_DECLARATION.test(head) || DOCTYPE_SUBSET.test(head)) {
    throw new InputError('XML declares its own entities (possible entity-expansion attack); refused');
  }
}

export function parseXml(xml: string): XmlNode {
  refuseDeclaredEntities(xml);
  try {
    return parser.parse(xhtmlAsText(xml), true) as XmlNode;
  } catch (error) {
    throw new InputError(`malformed XML (${(error as Error).message.split('\n')[0]})`);
  }
}

/** The text of a node that may be a string, an object with #text, or a list of either. */
export function textOf(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object') return textOf((node as XmlNode)['#text']);
  return null;
}

export function attributeOf(node: unknown, name: string): string | null {
  if (Array.isArray(node)) return attributeOf(node[0], name);
  if (node && typeof node === 'object') {
    const value = (node as XmlNode)[`@_${name}`];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  }
  return null;
}

export function listOf(node: unknown): XmlNode[] {
  if (node === undefined || node === null) return [];
  return (Array.isArray(node) ? node : [node]).filter((item): item is XmlNode => typeof item === 'object' && item !== null);
}
