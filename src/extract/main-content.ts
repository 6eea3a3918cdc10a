/**
 * @module The article body of an HTML page as clean paragraphs. Cascade, in order:
 *   1. Mozilla Readability on the page (when it finds less than half the page's paragraph
 *      prose, the element holding most of that prose instead);
 *   2. furniture removed from that element by its markup: fixed furniture tags, captions, blocks
 *      named as furniture, link lists, cards and lists pointing to the site's other articles,
 *      labels left with nothing under them, a short box after the main text;
 *   3. the element flattened block by block (a line per paragraph, so words of adjacent
 *      paragraphs never run together) and the flattened-text cleaner over its lines (captions,
 *      "Advertisement", calls to action), then the lines the markup marks as the article's own
 *      (section headings, block quotations) put back where the cleaner dropped them;
 *   4. fallbacks when Readability finds nothing or too little: the JSON-LD articleBody, else the
 *      whole page flattened and cleaned line by line.
 */
import { Readability } from '@mozilla/readability';
import { cleanFlattenedText, isHeadlineLine } from '../clean/clean-text.js';
import { describeLine, isProse } from '../clean/line-features.js';
import { flattenNode } from './flatten-html.js';
import type { DomDocument, DomElement, DomNode } from './html-document.js';
import { ELEMENT_NODE } from './html-document.js';

export interface MainContentOptions {
  /** JSON-LD articleBody, used when the page itself yields less. */
  articleBody?: string | null;
  /** Lines seen across the same outlet's pages, dropped by the cleaner. */
  outletLines?: ReadonlySet<string>;
  /** The whole page already flattened (one line per block), for the line-based fallback. */
  pageText?: string;
  /** A fresh parse of the page (Readability alters the one it reads), for the prose fallback. */
  reparse?: () => DomDocument;
  /** The page's address: links to the same site are how lists of its other articles are told. */
  url?: string | null;
  /** Names the outlet goes by (its site name, its domain's name): its blurb closing a body is dropped. */
  outletNames?: readonly string[];
  /** The article's headline: a closing line linking back to the article under it is dropped. */
  headline?: string | null;
}

export interface MainContent {
  /** Paragraphs separated by "\n\n". */
  text: string;
  /** Readability's title and byline, when it found an article. */
  title: string | null;
  byline: string | null;
  /** Which step of the cascade produced the text. */
  method: 'readability' | 'json-ld' | 'page-lines' | 'none';
}

/** Elements that are page furniture wherever they appear. */
const FURNITURE_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'select', 'input', 'textarea',
  'nav', 'dialog', '[hidden]', '[aria-hidden="true"]', '[role="navigation"]', '[role="banner"]',
  '[role="contentinfo"]', '[role="complementary"]', '[role="dialog"]', '[role="alert"]',
].join(', ');

/** class/id words of blocks that hold other things than the article (matched as whole tokens). */
const FURNITURE_MARKER =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|subscription|signup|related|recommended|recirc|popular|trending|most-read|mostread|read-more|readmore|more-stories|outbrain|taboola|advert|advertisement|ad-container|ad-slot|adslot|banner|promo|sponsored|cookie|consent|paywall|breadcrumbs?|comments?|disqus|author-bio|tags|tag-list|print|toolbar|disclosure|copyright|modal|popup|cta|bio|author-details|author-info|about-author)(?:$|[\s_-])/i;

const MIN_TEXT = 200;

/**
 * When Readability's text holds less than this share of the page's paragraph prose, it most likely
 * settled on a notice or a teaser (its "unlikely candidate" filter drops any container whose class
 * says e.g. "sidebar"): the page is parsed again and the element holding most of the prose is read.
 */
const PROSE_SHARE = 0.5;
/** A paragraph of at least this many characters counts as prose (shorter ones are labels, teasers). */
const PROSE_MIN = 100;

const OUTSIDE_TAGS = new Set(['aside', 'footer', 'nav']);

/** Inside an aside, footer, nav or comment thread: prose there is not the article's. */
function isOutsideArticle(element: DomElement, known: Map<DomElement, boolean>): boolean {
  const path: DomElement[] = [];
  let outside = false;
  for (let node = element.parentNode as DomElement | null; node && node.nodeType === ELEMENT_NODE; node = node.parentNode as DomElement | null) {
    const seen = known.get(node);
    if (seen !== undefined) {
      outside = seen;
      break;
    }
    path.push(node);
    const marker = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (OUTSIDE_TAGS.has(node.localName) || /comment/i.test(marker)) {
      outside = true;
      break;
    }
  }
  // Every element on the path lies inside (or is) the one that decided: remember the answer for
  // the page's other paragraphs, which share most of their ancestors.
  for (const node of path) known.set(node, outside);
  return outside;
}

/**
 * The page's paragraphs of prose (<p> elements of a sentence or more outside asides and comment
 * threads) and the lines of its block quotations (quoted posts, letters, statements), read in one
 * pass over the page.
 */
function readBlocks(document: DomDocument): { prose: Array<{ element: DomElement; length: number }>; quoted: Set<string> } {
  const blocks = document.body?.querySelectorAll('p, blockquote') ?? [];
  const prose: Array<{ element: DomElement; length: number }> = [];
  const quoted = new Set<string>();
  const outside = new Map<DomElement, boolean>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as DomElement;
    if (block.localName === 'blockquote') {
      for (const line of flattenNode(block).split('\n')) if (line.trim()) quoted.add(normalise(line));
      continue;
    }
    const length = textLength(block);
    if (length >= PROSE_MIN && !isOutsideArticle(block, outside)) prose.push({ element: block, length });
  }
  return { prose, quoted };
}

/** Share of the page's prose the fallback container must hold. */
const CONTAINER_SHARE = 0.6;

/** The deepest element holding most of the page's paragraph prose, or null. */
function proseContainer(document: DomDocument): DomElement | null {
  const { prose } = readBlocks(document);
  const total = prose.reduce((sum, p) => sum + p.length, 0);
  if (total === 0) return null;
  const sums = new Map<DomElement, number>();
  for (const { element, length } of prose) {
    for (let node = element.parentNode as DomElement | null; node && node.nodeType === ELEMENT_NODE; node = node.parentNode as DomElement | null) {
      sums.set(node, (sums.get(node) ?? 0) + length);
    }
  }
  let best: DomElement | null = null;
  let bestSum = Infinity;
  for (const [element, sum] of sums) {
    if (sum >= total * CONTAINER_SHARE && sum < bestSum) {
      best = element;
      bestSum = sum;
    }
  }
  return best;
}

export function extractMainContent(document: DomDocument, options: MainContentOptions = {}): MainContent {
  const clean = (text: string, scope: 'page' | 'article'): string =>
    cleanFlattenedText(text, { outletLines: options.outletLines, outletNames: options.outletNames, headline: options.headline, scope });

  let title: string | null = null;
  let byline: string | null = null;
  let readable = '';
  try {
    // Read before Readability, which alters the page (a block quotation it moves into the article
    // becomes a <div>).
    const blocks = readBlocks(document);
    const prose = blocks.prose.reduce((sum, p) => sum + p.length, 0);
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 400,
      keepClasses: true,
      serializer: (node: unknown) => node,
    });
    const result = reader.parse();
    const site = hostOf(options.url);
    const articleText = (content: DomElement): string => {
      removeFurniture(content, site);
      const flat = flattenNode(content);
      const headings = articleHeadings(content, options.headline);
      const out = restoreMarkedLines(flat, restoreHeadings(flat, clean(flat, 'article'), headings.all), blocks.quoted, headings.plain);
      return out;
    };
    let found = 0;
    if (result?.content) {
      const content = result.content as unknown as DomElement;
      found = textLength(content);
      readable = articleText(content);
      title = result.title?.trim() || null;
      byline = result.byline?.trim() || null;
    }
    if (options.reparse && found < prose * PROSE_SHARE) {
      const container = proseContainer(options.reparse());
      const fromContainer = container ? articleText(container) : '';
      if (fromContainer.length > readable.length * 1.5) readable = fromContainer;
    }
  } catch {
    // Readability can trip over odd trees; the fallbacks below still give the best text we can.
  }

  const fromJsonLd = options.articleBody ? clean(options.articleBody, 'article') : '';
  const candidates: Array<{ text: string; method: MainContent['method'] }> = [
    { text: readable, method: 'readability' },
    { text: fromJsonLd, method: 'json-ld' },
  ];
  const best = candidates.reduce((a, b) => (b.text.length > a.text.length * 1.3 ? b : a));
  if (best.text.length >= MIN_TEXT) return { text: best.text, title, byline, method: best.method };

  const pageLines = options.pageText ?? (document.body ? flattenNode(document.body) : '');
  const fromPage = clean(pageLines, 'page');
  if (fromPage.length > best.text.length) return { text: fromPage, title, byline, method: 'page-lines' };
  if (best.text) return { text: best.text, title, byline, method: best.method };
  return { text: '', title, byline, method: 'none' };
}


const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The text of the section headings (h2-h6) inside the article element: all of them, and the plain
 * ones - headings of the article's own sections: not links to elsewhere, not shouted labels
 * ("WHERE TO BUY"), more than a word. The article's own headline repeated as a heading is neither:
 * it is the title.
 */
function articleHeadings(root: DomElement, headline: string | null | undefined): { all: Set<string>; plain: Set<string> } {
  const headings = root.querySelectorAll('h2, h3, h4, h5, h6');
  const all = new Set<string>();
  const plain = new Set<string>();
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i] as DomElement;
    const text = normalise(heading.textContent ?? '');
    if (isHeadlineLine(text, headline)) continue;
    all.add(text);
    const links = heading.querySelectorAll('a');
    let linked = 0;
    for (let j = 0; j < links.length; j++) linked += textLength(links[j] as DomElement);
    if (linked >= text.length * 0.5) continue;
    const line = describeLine(text);
    if (line.words >= 2 && !line.allCaps && !line.navigation) plain.add(text);
  }
  return { all, plain };
}

/**
 * Put back the section headings the line cleaner took for furniture ("Q: Where did you grow up?",
 * "Our verdict"): a heading of the article's own markup that opens a kept paragraph of prose is
 * part of the text. Headings that are calls to action or navigation stay out.
 */
function restoreHeadings(flat: string, cleaned: string, headings: ReadonlySet<string>): string {
  if (headings.size === 0 || !cleaned) return cleaned;
  const kept = cleaned.split('\n\n');
  const keptSet = new Set(kept);
  const lines = flat.split('\n').map(normalise).filter(Boolean);
  const before = new Map<string, string>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1] as string;
    if (!headings.has(line) || keptSet.has(line) || !keptSet.has(next) || before.has(next)) continue;
    const heading = describeLine(line);
    if (heading.navigation || heading.words === 0) continue;
    if (isProse(describeLine(next))) before.set(next, line);
  }
  if (before.size === 0) return cleaned;
  return kept.flatMap((paragraph) => (before.has(paragraph) ? [before.get(paragraph) as string, paragraph] : [paragraph])).join('\n\n');
}

/**
 * Put back lines the markup marks as the article's own that the line cleaner took for furniture,
 * when they sit between kept paragraphs: block quotations (an embedded post's "— Name (@handle)
 * date" signature) and section headings repeated in every part of a plan or a guide ("Meal 1"),
 * which the cleaner's rule against share bars repeated after each section drops.
 */
function restoreMarkedLines(flat: string, cleaned: string, quoted: ReadonlySet<string>, headings: ReadonlySet<string>): string {
  if ((quoted.size === 0 && headings.size === 0) || !cleaned) return cleaned;
  const kept = cleaned.split('\n\n');
  const lines = flat.split('\n').map(normalise).filter(Boolean);
  if (lines.length === kept.length) return cleaned;
  const out: string[] = [];
  let next = 0;
  let restored = false;
  for (const line of lines) {
    if (next < kept.length && line === kept[next]) {
      out.push(line);
      next++;
    } else if (next > 0 && next < kept.length && (quoted.has(line) || headings.has(line)) && line !== out[out.length - 1]) {
      out.push(line);
      restored = true;
    }
  }
  // Kept lines the flattened text does not hold in order (headings put back, joined lines): leave as is.
  return restored && next === kept.length ? out.join('\n\n') : cleaned;
}

/** Captions and credits of images: the benchmarks and readers treat them as apart from the text. */
const CAPTION_SELECTOR = 'figure, figcaption, [class*="caption" i], [class*="credit" i], [class*="photo-desc" i]';

/**
 * Remove furniture inside the chosen article element: fixed furniture tags and roles, captions,
 * blocks whose class or id names them as furniture, and blocks made of links (lists of other
 * articles) - unless such a block carries a large share of the text.
 */
function removeFurniture(root: DomElement, site: string | null): void {
  const fixed = root.querySelectorAll(FURNITURE_SELECTOR);
  for (let i = fixed.length - 1; i >= 0; i--) (fixed[i] as DomElement).remove();
  const total = textLength(root);
  removeTeaserCards(root, site, total);
  removeTrailingLinkLists(root, site, total);
  removeClosingHeadings(root);
  removeEdgeBoxes(root);
  const removeIfSmall = (element: DomElement, share: number): void => {
    if (textLength(element) <= total * share) element.remove();
  };
  const captions = root.querySelectorAll(CAPTION_SELECTOR);
  for (let i = captions.length - 1; i >= 0; i--) removeIfSmall(captions[i] as DomElement, 0.2);
  const marked = root.querySelectorAll('[class], [id]');
  for (let i = marked.length - 1; i >= 0; i--) {
    const element = marked[i] as DomElement;
    const marker = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (FURNITURE_MARKER.test(marker)) removeIfSmall(element, 0.25);
  }
  const blocks = root.querySelectorAll('ul, ol, dl, p, div, section, table');
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i] as DomElement;
    if (!block.parentNode) continue;
    if (isLinkList(block)) removeIfSmall(block, 0.3);
  }
  // Hover cards inside a sentence: a span holding a person's other articles, shown on mouse-over.
  const paragraphs = root.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as DomElement;
    if (paragraph.querySelectorAll('a').length < 3) continue;
    const cards = paragraph.querySelectorAll('span');
    for (let j = cards.length - 1; j >= 0; j--) {
      const card = cards[j] as DomElement;
      if (card.parentNode && card.querySelectorAll('a').length >= 3 && isLinkList(card)) card.remove();
    }
  }
}

/** "https://www.example.com/a" -> "example.com"; null when there is no usable address. */
function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A link to another page of the same site: relative, or absolute on the page's own host. */
function isSiteLink(href: string | null, site: string | null): boolean {
  if (!href || /^(?:#|javascript:|mailto:|tel:)/i.test(href)) return false;
  if (!/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(href)) return !href.startsWith('?') && href.replace(/[?#].*$/, '').length > 1;
  if (!site) return false;
  try {
    const url = new URL(href);
    return url.hostname.toLowerCase().replace(/^www\./, '') === site && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** A paragraph of the article's prose: a sentence or more of text, most of it not link text. */
function isProseParagraph(paragraph: DomElement): boolean {
  const length = textLength(paragraph);
  if (length < PROSE_MIN) return false;
  const links = paragraph.querySelectorAll('a');
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += textLength(links[i] as DomElement);
  return linked < length * 0.5;
}

/** Share of a pointer list's words that are link text at least. */
const ITEM_LINK_SHARE = 0.4;

/** Words a list's label has at most ("More from us", "You may also like:"). */
const LABEL_WORDS = 8;

/**
 * Lists after the article's last paragraph whose every item links to another page of the same
 * site ("More stories", "You may also like"), with the short label above them: the template's
 * pointers to other articles, not the article's own list.
 */
function removeTrailingLinkLists(root: DomElement, site: string | null, total: number): void {
  const blocks = root.querySelectorAll('p, ul, ol');
  let lastProse = blocks.length - 1;
  let lists = 0;
  for (; lastProse >= 0; lastProse--) {
    const block = blocks[lastProse] as DomElement;
    if (block.localName !== 'p') lists++;
    else if (isProseParagraph(block)) break;
  }
  if (lastProse < 0 || lists === 0) return;
  for (let i = blocks.length - 1; i > lastProse; i--) {
    const list = blocks[i] as DomElement;
    if (list.localName === 'p' || !list.parentNode) continue;
    const items = list.children;
    let pointers = 0;
    let linkedChars = 0;
    for (let j = 0; j < items.length; j++) {
      const item = items[j] as DomElement;
      const links = item.querySelectorAll('a');
      let own = false;
      for (let k = 0; k < links.length; k++) {
        const link = links[k] as DomElement;
        linkedChars += textLength(link);
        own ||= isSiteLink(link.getAttribute('href'), site);
      }
      if (own) pointers++;
    }
    // Every item points to the site, and the pointers are much of the words (a checklist whose
    // items link a word each is the article's).
    const length = textLength(list);
    if (items.length < 2 || pointers < items.length || linkedChars < length * ITEM_LINK_SHARE || length > total * 0.3) continue;
    const label = previousElement(list);
    list.remove();
    if (label && isLabel(label)) label.remove();
  }
}

/** Characters the blocks before or after the article's main text may hold at most to be dropped. */
const EDGE_MAX = 500;
/** ... and their share of the main text's prose at most. */
const EDGE_SHARE = 0.15;

/**
 * Short blocks around the element holding most of the article's prose, outside it: after its last
 * paragraph an author's blurb, a source line, a company boilerplate in a box of its own; before its
 * first one a teaser deck, a date, a quoted claim - unless they hold a paragraph of prose (an
 * introduction set apart). The article's opening and closing paragraphs sit with the others.
 */
function removeEdgeBoxes(root: DomElement): void {
  const paragraphs = root.querySelectorAll('p');
  const byParent = new Map<DomElement, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as DomElement;
    if (!isProseParagraph(paragraph)) continue;
    const parent = paragraph.parentNode as DomElement;
    byParent.set(parent, (byParent.get(parent) ?? 0) + textLength(paragraph));
  }
  let main: DomElement | null = null;
  let most = 0;
  for (const [parent, chars] of byParent) if (chars > most) [main, most] = [parent, chars];
  if (!main || main === root) return;
  // Climb from the main element: the siblings on the way are before or after the main text.
  const before: DomElement[] = [];
  const after: DomElement[] = [];
  for (let node: DomElement = main; node !== root && node.parentNode; node = node.parentNode as DomElement) {
    const siblings = (node.parentNode as DomElement).children;
    let seen = false;
    for (let i = 0; i < siblings.length; i++) {
      const sibling = siblings[i] as DomElement;
      if (sibling === node) seen = true;
      else (seen ? after : before).push(sibling);
    }
  }
  const small = (blocks: DomElement[]): boolean => {
    const chars = blocks.reduce((sum, element) => sum + textLength(element), 0);
    return chars > 0 && chars <= EDGE_MAX && chars <= most * EDGE_SHARE;
  };
  if (small(before) && !before.some(holdsProse)) for (const element of before) element.remove();
  if (small(after)) for (const element of after) element.remove();
}

/** Whether the element is or holds a paragraph of prose. */
function holdsProse(element: DomElement): boolean {
  if (element.localName === 'p') return isProseParagraph(element);
  const inner = element.querySelectorAll('p');
  for (let i = 0; i < inner.length; i++) if (isProseParagraph(inner[i] as DomElement)) return true;
  return false;
}

/** Whether any text follows the element inside root (in its later siblings or theirs up the tree). */
function hasTextAfter(element: DomElement, root: DomElement): boolean {
  for (let node: DomNode = element; node !== root && node.parentNode; node = node.parentNode) {
    const siblings = node.parentNode.childNodes;
    let after = false;
    for (let i = 0; i < siblings.length; i++) {
      const sibling = siblings[i] as DomNode;
      if (after && (sibling.textContent ?? '').trim()) return true;
      if (sibling === node) after = true;
    }
  }
  return false;
}

/**
 * Headings with nothing after them close no section of the article: the labels of boxes that were
 * removed ("Related news", "You may also like") or that the template left empty.
 */
function removeClosingHeadings(root: DomElement): void {
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i] as DomElement;
    if (hasTextAfter(heading, root) || !isLabel(heading)) return;
    heading.remove();
  }
}

function previousElement(node: DomElement): DomElement | null {
  const siblings = (node.parentNode as DomElement | null)?.children;
  if (!siblings) return null;
  for (let i = 0; i < siblings.length; i++) if (siblings[i] === node) return i > 0 ? (siblings[i - 1] as DomElement) : null;
  return null;
}

/** A short line of its own above a list: a heading or a label, not a sentence. */
function isLabel(element: DomElement): boolean {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 0 && text.split(' ').length <= LABEL_WORDS && !/[.!?]$/.test(text) && element.querySelectorAll('p, ul, ol, img').length === 0;
}

/** Characters a teaser card holds besides its headline at most (a summary, a label, a source). */
const CARD_EXTRA = 300;

/**
 * Cards of other articles of the same site (a headline linking there, a summary, a label), two or
 * more of them: the grid or the "More:" lists a template puts after or inside the story. A heading
 * of the article's own is not in a card of its own: its section's text follows it in the flow.
 */
function removeTeaserCards(root: DomElement, site: string | null, total: number): void {
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
  const headlines: DomElement[] = [];
  let ownSite = 0;
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i] as DomElement;
    const links = heading.querySelectorAll('a');
    if (links.length === 0) continue;
    const length = textLength(heading);
    let linked = 0;
    let own = 0;
    for (let j = 0; j < links.length; j++) {
      const link = links[j] as DomElement;
      const href = link.getAttribute('href');
      if (!href || /^(?:#|javascript:)/i.test(href)) continue;
      const chars = textLength(link);
      linked += chars;
      if (isSiteLink(href, site)) own += chars;
    }
    if (length === 0 || linked < length * 0.8 || (heading.textContent ?? '').trim().split(/\s+/).length < 3) continue;
    headlines.push(heading);
    if (own >= linked * 0.5) ownSite++;
  }
  // Headlines that all lead elsewhere are a list of outside things (events, places, products).
  if (headlines.length < 2 || ownSite < 2) return;
  const headlineSet = new Set(headlines);
  const holdsOther = (element: DomElement, own: DomElement): boolean => {
    const inner = element.querySelectorAll('h1, h2, h3, h4, h5, h6');
    for (let i = 0; i < inner.length; i++) if (inner[i] !== own && headlineSet.has(inner[i] as DomElement)) return true;
    return false;
  };
  const cards: DomElement[] = [];
  for (const headline of headlines) {
    const limit = textLength(headline) + CARD_EXTRA;
    let card: DomElement | null = null;
    for (let node = headline.parentNode as DomElement | null; node && node !== root && node.nodeType === ELEMENT_NODE; node = node.parentNode as DomElement | null) {
      if (textLength(node) > limit || holdsOther(node, headline)) break;
      card = node;
    }
    if (card) cards.push(card);
  }
  if (cards.length < 2) return;
  const removed = cards.reduce((sum, card) => sum + textLength(card), 0);
  if (removed > total * 0.3) return;
  for (const card of cards) card.remove();
}

/** Length of the element's text with whitespace collapsed and trimmed, counted without copying it. */
function textLength(node: DomElement): number {
  const text = node.textContent ?? '';
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      gap = length > 0;
    } else {
      if (gap) length++;
      gap = false;
      length++;
    }
  }
  return length;
}

/** The characters `\s` matches. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A block whose words are nearly all link text: a list of other articles, tags or a pager. */
function isLinkList(block: DomElement): boolean {
  const links = block.querySelectorAll('a');
  if (links.length === 0) return false;
  const text = textLength(block);
  if (text === 0) return false;
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += textLength(links[i] as DomElement);
  const share = linked / text;
  if (links.length === 1) {
    // "Related: Another story" / "READ MORE: ..." - one link with at most a short label before it.
    return share >= 0.6 && text - linked <= 20 && /^[^.!?]{0,20}:/.test((block.textContent ?? '').trim());
  }
  return share >= 0.8;
}
