/**
 * @module The article's author(s): the people its JSON-LD names, a meta tag's name, then the bylines
 * the page shows (an author link, a byline or author element), and only after those an
 * organisation or an account handle declared as author ("Cleveland Clinic", "kffnirmitap"), which
 * pages often declare while they show the writer's name. Bylines are read as a reader sees them:
 * "Written byAnna Ruiz", "Dec 17, 2025Julian Arni" or "By Sam Oduya on 04-08-2021 · 5 min read"
 * all give the name alone.
 */
import type { DomDocument, DomElement, DomNode } from './html-document.js';
import { WEEKDAY, WRITTEN_DATE } from './parse-date.js';

export interface AuthorSources {
  /** People the JSON-LD declares as the article's author, in its order. */
  declaredPeople: string[];
  /** Organisations the JSON-LD declares as its author. */
  declaredOrganisations: string[];
  /** The first author meta tag's value. */
  metaAuthor: string | null;
  /** Byline texts the page shows, best first (readBylines); read only when nothing declared names a person. */
  bylines: () => string[];
}

/** Longest name worth keeping, in characters. */
const NAME_MAX_CHARS = 100;
/** More words than this without a comma is a sentence, not a list of names. */
const NAME_MAX_WORDS = 8;

const LEADING_DATE = new RegExp(`^(?:(?:published|posted|updated|last updated)(?:\\s+on)?\\s*:?\\s*)?${WRITTEN_DATE}\\s*[·|,•-]?\\s*`, 'iu');
const ONLY_A_DATE = new RegExp(`^${WRITTEN_DATE}$`, 'iu');
/** Where a name ends in a byline: a date, a reading time, an update note, a separator, "on <date>", "on Friday", "on behalf of". */
const NAME_END = new RegExp(
  `\\s*(?:\\bon\\s+(?:${WRITTEN_DATE}|${WEEKDAY}\\b)|\\bon behalf of\\b|${WRITTEN_DATE}|\\b(?:last\\s+)?updated\\b|\\bpublished\\b|\\d+\\s*(?:min(?:ute)?s?)\\b|\\d+\\s+comments?\\b|[|·•]|\\s[–—-]\\s|\\n).*$`,
  'isu',
);
/** What opens a byline before the name: "By", "Written by", "Text by", "Author:", and "Von", "Par", "Por", "Door", "Di". */
const BYLINE_OPENER =
  /^(?:(?:[Ww]ritten|[Pp]osted|[Tt]ext|[Aa]rticle|[Ww]ords|[Ss]tory|[Rr]eporting|[Rr]eported|[Ee]dited)\s+)?(?:[Bb]y|BY)(?:\s*:?\s*(?=[\p{Lu}\d]|the\s)|\s*:?\s+)|^(?:[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i)\s*:?\s+(?=\p{Lu})|^(?:[Aa]uthors?|AUTHORS?|[Aa]utor(?:in)?|[Aa]uteur)(?:\s*:\s*|\s+(?=\p{Lu}))/u;
/** Whether a line opens as a byline does ("By Anna Berg", "Von Klara Vogt", "Author: ..."). */
export const opensAsByline = (line: string): boolean => BYLINE_OPENER.test(line);
/** Labels and links that stand where a byline would, and are none. */
const NOT_A_NAME = /^(?:by|author|authors|name\s*\*?|staff|our (?:people|team|staff)|learn more|read more|more|view (?:all|profile)|all (?:posts|articles)|staff directory|contributors?|about(?: the author)?)$/i;

/** "By Jane Doe | Reporter" -> "Jane Doe"; null when what is left is no name. */
export function cleanAuthor(value: string): string | null {
  let text = value.replace(/\s+/g, ' ').trim();
  // "September 1st, 2023 By Emily Norwood": the name follows the first "By" that opens one and is
  // not an address ("By ops@site.com on ... By Arlene Marturano").
  const by = [...text.matchAll(/(?:^|[\s\d,·|])(?:[Bb]y|BY)\s*:?\s*(?=\p{Lu})/gu)].map((m) => m.index! + m[0].length);
  if (by.length > 0 && !BYLINE_OPENER.test(text)) text = text.slice(by.find((at) => !/^\S+@/.test(text.slice(at))) ?? by[0]!);
  text = text.replace(LEADING_DATE, '').replace(BYLINE_OPENER, '').replace(LEADING_DATE, '');
  text = text.replace(NAME_END, '').replace(/[\s,;:–—-]+$/, '').trim();
  if (!text || text.length > NAME_MAX_CHARS || /^\d/.test(text) || /^(?:https?:)?\/\/|@\S+\./i.test(text)) return null;
  if (!text.includes(',') && text.split(' ').length > NAME_MAX_WORDS) return null;
  if (!/\p{L}/u.test(text) || NOT_A_NAME.test(text) || ONLY_A_DATE.test(text)) return null;
  return text;
}

/** A declared name that is an account, not a person's name: one lower-case word ("kffnirmitap", "brandon-peaktwo"). */
function isHandle(name: string): boolean {
  return !/\s/.test(name.trim()) && name === name.toLowerCase();
}

/** The author(s) to show, or null. */
export function chooseAuthor({ declaredPeople, declaredOrganisations, metaAuthor, bylines }: AuthorSources): string | null {
  const people = [...new Set(declaredPeople.map((n) => cleanAuthor(n) ?? '').filter((n) => n && !isHandle(n)))];
  if (people.length > 0) return people.join(', ');
  const meta = metaAuthor && !/^(?:https?:)?\/\//i.test(metaAuthor) && !metaAuthor.startsWith('@') ? cleanAuthor(metaAuthor) : null;
  if (meta && !isHandle(meta)) return meta;
  let shownHandle: string | null = null;
  for (const byline of bylines()) {
    const name = cleanAuthor(byline);
    if (name && !isHandle(name)) return name;
    shownHandle ??= name;
  }
  const organisations = [...new Set(declaredOrganisations.map((n) => n.trim()).filter(Boolean))];
  if (organisations.length > 0) return organisations.join(', ');
  return meta ?? shownHandle ?? declaredPeople.find((n) => n.trim())?.trim() ?? null;
}

/** Elements that hold a byline, best first: declared authorship, links to an author's page, byline and author boxes. */
const BYLINE_SELECTORS = [
  '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]',
  'a[href*="/author/" i], a[href*="/authors/" i], a[href*="/contributor" i], a[href*="/byline/" i], a[href*="/people/" i], a[href*="/person/" i], a[href*="/staff/" i], a[href*="/writers/" i], a[href*="/producers/" i]',
  '[class*="byline" i] [class*="author" i], [class*="author-name" i], [class*="authorname" i], [class*="author__name" i], [class*="byline" i]',
  '[class*="author" i]',
];
/** A byline is short; a longer element is an author's biography or a whole header. */
const BYLINE_MAX_CHARS = 160;
/** At most this many elements are read per selector. */
const BYLINE_MAX_ELEMENTS = 12;
/** Where a link to people or an author field is no byline: menus, footers, comment forms. */
const OUTSIDE_ARTICLE = 'nav, footer, form, [role="navigation"], [class*="menu" i], [id*="menu" i], [class*="comment" i], #respond';
/** Containers whose classes say what the page holds ("menu_sidebar_slide_left" on a body), not what they are. */
const PAGE_CONTAINERS = new Set(['html', 'body', 'main', 'article']);

function outsideArticle(node: DomElement): boolean {
  const container = node.closest(OUTSIDE_ARTICLE);
  return container !== null && !PAGE_CONTAINERS.has(container.localName);
}

/** Text as it reads on the page: a space where one element ends and the next begins. */
export function spacedText(node: DomNode): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const name = (node as DomElement).localName;
  if (name === 'script' || name === 'style' || name === 'noscript' || name === 'svg') return '';
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const text = spacedText(child);
    if (!text) continue;
    out += child.nodeType === 1 && out && !/\s$/.test(out) ? ` ${text}` : text;
  }
  return out;
}

/** A line of the page that opens as a byline does: "By Amy Wilhelm", "Written byEdzel Tabing", "Author: Ana Ruiz". */
const BYLINE_LINE = /^(?:(?:[Ww]ritten|[Pp]osted|[Tt]ext|[Aa]rticle|[Ww]ords|[Ss]tory|[Rr]eporting)\s+by|By|BY|[Aa]uthor\s*:)\s*:?\s*\p{Lu}/u;
/** Lines read from the page's text for bylines, at most. */
const BYLINE_LINES_MAX = 3;

/** Lower-case words a list of names holds: particles and joiners ("Erik van Vulpen", "the Lavazza Team"). */
const NAME_PARTICLES = new Set(['van', 'der', 'den', 'de', 'da', 'del', 'di', 'du', 'la', 'le', 'von', 'bin', 'al', 'the', 'and', 'of']);

/** Whether a text reads as names: every word capitalised or a particle, no full stop at its end ("Monday, it was over."). */
function readsAsNames(text: string): boolean {
  if (/[.!?]$/.test(text) && !/\b\p{Lu}\.$/u.test(text)) return false;
  return text.split(/[\s,&]+/).every((word) => !word || /^[\p{Lu}\d"'“(]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
}

/**
 * Bylines among the page's lines (its visible text, one line per block), for pages that mark theirs
 * with no class or link: short lines that open as a byline and leave a name of a few capitalised words.
 */
export function bylineLines(pageText: string): string[] {
  const out: string[] = [];
  for (const line of pageText.split('\n')) {
    const text = line.trim();
    if (text.length > BYLINE_MAX_CHARS || !BYLINE_LINE.test(text.replace(LEADING_DATE, ''))) continue;
    const name = cleanAuthor(text);
    if (name && name.split(' ').length <= 6 && readsAsNames(name)) out.push(text);
    if (out.length === BYLINE_LINES_MAX) break;
  }
  return out;
}

/** The byline texts the page shows, best first. */
export function readBylines(document: DomDocument): string[] {
  const out: string[] = [];
  for (const selector of BYLINE_SELECTORS) {
    const nodes = document.querySelectorAll(selector);
    for (let i = 0, read = 0; i < nodes.length && read < BYLINE_MAX_ELEMENTS; i++) {
      const node = nodes[i] as DomElement;
      const raw = node.textContent ?? '';
      if (raw.length > BYLINE_MAX_CHARS * 4 || outsideArticle(node)) continue;
      const text = spacedText(node).replace(/\s+/g, ' ').trim();
      if (!text || text.length > BYLINE_MAX_CHARS) continue;
      read++;
      out.push(text);
    }
  }
  return out;
}
