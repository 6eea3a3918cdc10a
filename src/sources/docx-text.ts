/**
 * @module Word documents (.docx) as text: the paragraphs of the document's body, one a line, in
 * order (table cells' paragraphs included). Nexis Uni delivers a search's articles as one such
 * document by default; saved articles and press releases come as Word files too.
 *
 * A .docx is a zip: only `word/document.xml` is read, and only when the zip's directory declares
 * it at most `maxXmlBytes` (a zip bomb is refused by its declared size; a zip that under-declares is
 * cut at what it declared, never inflated past it). XML declaring its own entities is refused.
 */
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { InputError } from './source-item.js';
import { refuseDeclaredEntities } from './xml-document.js';

const BODY_XML = 'word/document.xml';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** One node of fast-xml-parser's ordered tree: `{ tag: children }` or `{ '#text': value }`. */
type OrderedNode = Record<string, unknown>;

/** The text of a Word document: its paragraphs, one a line. */
export function docxText(bytes: Uint8Array, maxXmlBytes: number): string {
  let declared = -1;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== BODY_XML) return false;
        declared = file.originalSize;
        return file.originalSize <= maxXmlBytes;
      },
    });
  } catch (error) {
    throw new InputError(`not a readable Word document (${(error as Error).message})`);
  }
  if (declared < 0) throw new InputError(`not a Word document (no ${BODY_XML} inside)`);
  if (declared > maxXmlBytes) throw new InputError(`its text is ${(declared / 1024 / 1024).toFixed(1)} MB of XML, over the ${(maxXmlBytes / 1024 / 1024).toFixed(1)} MB limit`);
  const xml = new TextDecoder('utf-8').decode(files[BODY_XML]);
  refuseDeclaredEntities(xml);
  let tree: OrderedNode[];
  try {
    tree = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    throw new InputError(`malformed Word XML (${(error as Error).message.split('\n')[0]})`);
  }
  const lines: string[] = [];
  collectParagraphs(tree, lines);
  return lines.join('\n');
}

/** Every paragraph (`w:p`) under the nodes, in document order, as one line of text each. */
function collectParagraphs(nodes: OrderedNode[], lines: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null) continue;
    if (tag === 'w:p') lines.push(paragraphText(node[tag] as OrderedNode[]).replace(/\s+/g, ' ').trim());
    else collectParagraphs(node[tag] as OrderedNode[], lines);
  }
}

/** What a paragraph says: its runs' text, tabs and breaks as spaces; deleted text and field codes left out. */
function paragraphText(nodes: OrderedNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null) continue;
    const children = node[tag] as OrderedNode[];
    if (tag === 'w:t') text += children.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
    else if (tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr') text += ' ';
    else if (tag !== 'w:delText' && tag !== 'w:instrText' && tag !== 'w:rPr' && tag !== 'w:pPr') text += paragraphText(children);
  }
  return text;
}

/** The element name of an ordered-tree node, or null for text and attribute entries. */
function tagOf(node: OrderedNode): string | null {
  for (const key in node) if (key !== '#text' && key !== ':@' && Array.isArray(node[key])) return key;
  return null;
}
