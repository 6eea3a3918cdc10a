/**
 * @module The outlet a web page names for itself when its metadata declares none: the site's name
 * after (or before) the headline in the page title ("Headline | The Harbour Times"), and the logo
 * that links to the site's home page in its header ("Marren Courier", or the logo image's
 * alternative text). A saved page, a page from a small site or an old CMS often has only these.
 */
import type { DomDocument, DomElement } from './html-document.js';

/** What separates a headline from the site's name in a page title. */
const TITLE_SEPARATOR = /\s+[|–—·•»:~-]\s+|\s+::\s+|\s*\|\s*/;
/** A name: at most six words and 48 characters, opening with a capital or a digit. */
const NAME_MAX_WORDS = 6;
const NAME_MAX_CHARS = 48;
/** Words that stand for a page, a section or a link, never for an outlet. */
const NOT_A_NAME =
  /^(?:home(?:page)?|go to (?:the )?home ?page|back to home|logo|site logo|main menu|menu|skip to (?:main )?content|news|latest news|breaking news|opinion|politics|business|sport|sports|world|local|culture|lifestyle|blog|article|page \d+|video|videos|live|search|subscribe|sign in|log in|login|register|account|newsletter|newsletters|contact|about|about us|startseite|accueil|inicio|portada|home page)$/i;
/** What a link or a title part does rather than names: "Go to homepage", "Log out", "Powered by WordPress". */
const ACTION = /^(?:go to|back to|return to|visit|log ?(?:in|out)|sign (?:in|out|up)|skip to|open|close|toggle|search|powered by|by)\b/i;
const LOGO_MARKER = /logo|brand|masthead|site-?(?:title|name)|navbar-header/i;

/** The outlet the page names for itself, or null. */
export function outletOnPage(document: DomDocument, headline: string | null): string | null {
  // The title's name is the site's own spelling; the logo's stands when the title has none.
  return outletInTitle(document.title ?? '', headline) ?? outletOfLogo(document);
}

/**
 * The part of a page title that is not the headline: the last part ("Headline | Section | Outlet")
 * or, when the headline comes last, the first ("Outlet: Headline"). Null when the title is the
 * headline alone or what is left does not read as a name.
 */
export function outletInTitle(title: string, headline: string | null): string | null {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const head = headline ? words(headline) : null;
  // How much of a part is headline: most of its words are the headline's.
  const isHeadline = (part: string): boolean => {
    if (!head || head.size === 0) return false;
    const w = words(part);
    let shared = 0;
    for (const x of w) if (head.has(x)) shared++;
    return w.size > 0 && shared / w.size >= 0.6;
  };
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  const headlineAt = head ? parts.findIndex(isHeadline) : parts.indexOf(longest);
  if (headlineAt < 0) return null;
  const candidate = headlineAt === parts.length - 1 ? parts[0]! : parts[parts.length - 1]!;
  if (isHeadline(candidate)) return null;
  return asName(candidate);
}

/** The text of the header's link to the home page, or its logo image's alternative text. */
export function outletOfLogo(document: DomDocument): string | null {
  const links = document.querySelectorAll('a[href]');
  for (let i = 0; i < links.length && i < 60; i++) {
    const link = links[i] as DomElement;
    if (!isHomeLink(link)) continue;
    // A logo says so in its class, or is a picture in the page's header (a text link home there is
    // the menu's "Home").
    const pictured = link.querySelector('img, svg') !== null;
    if (!LOGO_MARKER.test(markers(link)) && !(pictured && insideHeader(link))) continue;
    const name = asName(linkName(link));
    if (name) return name;
  }
  return null;
}

function isHomeLink(link: DomElement): boolean {
  const href = (link.getAttribute('href') ?? '').trim();
  if (href === '/' || href === './' || /^\/(?:index\.html?)?$/i.test(href)) return true;
  // An absolute address of a site's root is as often another site's (a shop, a parent company).
  return (link.getAttribute('rel') ?? '').split(/\s+/).includes('home');
}

/** Class and id of the link, its parent and its grandparent. */
function markers(link: DomElement): string {
  const parts: string[] = [];
  let node: DomElement | null = link;
  for (let depth = 0; node && depth < 3; depth++) {
    parts.push(node.getAttribute?.('class') ?? '', node.getAttribute?.('id') ?? '');
    node = node.parentNode as DomElement | null;
  }
  return parts.join(' ');
}

function insideHeader(link: DomElement): boolean {
  let node = link.parentNode as DomElement | null;
  for (let depth = 0; node && depth < 8; depth++) {
    if (node.localName === 'header' || /^banner$/i.test(node.getAttribute?.('role') ?? '')) return true;
    node = node.parentNode as DomElement | null;
  }
  return false;
}

/** What the link says: its text, else its label or title, else its image's alternative text. */
function linkName(link: DomElement): string {
  const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text;
  const label = link.getAttribute('aria-label') ?? link.getAttribute('title');
  if (label?.trim()) return label;
  const image = link.querySelector('img[alt]');
  return image?.getAttribute('alt') ?? '';
}

/** The text as an outlet's name ("The Guardian logo" -> "The Guardian"), or null when it is none. */
function asName(text: string): string | null {
  const name = text
    .replace(/\s+/g, ' ')
    .replace(/[\s_-]*\b(?:logo|header)\b.*$/i, '')
    .replace(/\s*(?:\b(?:homepage|home page|home|site)\b)\s*$/i, '')
    .replace(/^(?:logo|home)\s*[-–|:]\s*/i, '')
    .trim();
  if (!name || name.length > NAME_MAX_CHARS || name.split(' ').length > NAME_MAX_WORDS) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(name) || NOT_A_NAME.test(name) || ACTION.test(name)) return null;
  // A date, a number or a code is no name.
  if ((name.match(/\p{L}/gu) ?? []).length < 2) return null;
  return name;
}
