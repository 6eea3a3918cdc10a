/**
 * @module Credit lines in flattened text ("With AFP", "AFP" alone, "Additional reporting by
 * Reuters"): furniture to keep out of the article text, but a signal for folding, since a credited
 * copy points at the original agency report.
 */

/** News agencies that outlets credit on a line of their own. */
const AGENCIES = [
  'AFP', 'AP', 'Associated Press', 'Agence France-Presse', 'Reuters', 'dpa', 'DPA', 'ANSA', 'EFE',
  'Xinhua', 'TASS', 'Kyodo', 'Yonhap', 'UPI', 'AAP', 'PA', 'PA Media', 'Bloomberg', 'Ukrinform',
  'Interfax', 'Anadolu', 'KNA', 'epd', 'APA', 'Belga', 'ANP', 'NTB', 'TT', 'Lusa', 'CNA', 'PTI', 'IANS',
  'ANI', 'The Canadian Press', 'CP', 'SDA', 'Keystone-SDA', 'RIA Novosti', 'Europa Press',
];
const AGENCY_BY_KEY = new Map(AGENCIES.map((a) => [a.toLowerCase(), a]));

/** Is this name a news agency's ("AFP", "Reuters", "Associated Press")? */
export const isAgency = (name: string): boolean => AGENCY_BY_KEY.has(name.trim().toLowerCase());

const AGENCY_ALTERNATION = AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
  .sort((a, b) => b.length - a.length)
  .join('|');
/** "With AFP", "With AFP and Reuters", "(With AFP)", "- AFP", "AFP", "Source: AFP". */
const CREDIT_LINE = new RegExp(
  `^[(\\[—–-]?\\s*(?:(?:with|source|sources|via|by|from|additional reporting by|reporting by)\\s*:?\\s+)?` +
    `((?:${AGENCY_ALTERNATION})(?:\\s*(?:,|and|&|/)\\s*(?:${AGENCY_ALTERNATION}))*)` +
    `\\s*(?:contributed(?: to this report)?)?[.)\\]]?$`,
  'i',
);
/** A dateline credit at the start of a paragraph: "PARIS (AFP) -", "KYIV, March 6 (Reuters) -". */
const DATELINE = new RegExp(`^[A-Z][A-Za-z .,'-]{1,60}\\((${AGENCY_ALTERNATION})\\)\\s*[—–-]`);

/** "With Nordwire", "(With CPA)": any agency-like name (capitalised words or initials) after "with". */
const WITH_NAME = /^[([]?\s*(?:[Ww]ith|[Aa]dditional reporting by)\s+((?:[A-Z][\p{L}.&'-]*)(?:\s+[A-Z][\p{L}.&'-]*){0,3})[.)\]]?$/u;
/** A dateline naming an agency by its initials: "OSTWICK, April 13 (CPA) -". */
const DATELINE_INITIALS = /^[A-Z][A-Za-z0-9 .,'-]{1,60}\(([A-Z]{2,6})\)\s*[—–-]/;

/**
 * The newsroom's own credit lines: "(Reporting by Ana Ruiz; Editing by Tom Hale)", "Ana Ruiz in Lima
 * contributed to this report.", "Filed under: Europe, Energy". They name staff, not an agency, so they
 * say nothing about folding; they are furniture all the same.
 */
const STAFF_CREDIT = /^[([]?\s*(?:additional\s+)?(?:reporting|editing|writing|research|compiled|produced|edited|written|graphics)(?:\s+and\s+\w+)?\s+by\s+(\S)/i;
const CONTRIBUTED = /\bcontributed(?:\s+(?:additional\s+)?reporting|\s+to\s+this\s+(?:report|story|article))(?:\s+from\s+[^.;]{1,60})?\s*[.)\]]?$/i;
const FILED_UNDER = /^filed\s+under\b/i;
/** "Ana Ruiz in Lima contributed reports, Tom Hale from Rome and Mei Tanaka of Tokyo.": names, then the verb, then only more names and places. */
const CONTRIBUTED_LEAD = /^(?:\p{Lu}[\p{L}'.-]*\s+){1,4}(?:(?:in|from|of)\s+(?:\p{Lu}[\p{L}'.-]*\s+){1,3})?contributed\s+(?:additional\s+)?(?:reporting|reports?|research)\b(.*)$/u;
const NAME_LIST_WORD = /^(?:\p{Lu}[\p{L}'.-]*|and|from|of|in|to|this|report|story)$/u;

function isContributorList(text: string): boolean {
  const tail = CONTRIBUTED_LEAD.exec(text)?.[1];
  if (tail === undefined) return false;
  return tail.split(/[\s,;.]+/).filter(Boolean).every((word) => NAME_LIST_WORD.test(word));
}

export function isStaffCredit(line: string): boolean {
  const text = line.trim();
  if (text.length > 300) return false;
  const staff = STAFF_CREDIT.exec(text)?.[1];
  // The patterns first: most lines fail them, and counting words splits the line.
  return (staff !== undefined && staff !== staff.toLowerCase()) || (CONTRIBUTED.test(text) && text.split(/\s+/).length <= 30) || (text.length <= 160 && FILED_UNDER.test(text)) || (isContributorList(text) && text.split(/\s+/).length <= 40);
}

/** An outlet's name (capitalised words, "of" or "and" between them) or its domain. */
const OUTLET_WORD = String.raw`[\p{Lu}\d](?:[\p{L}\d&'’.-]*[\p{L}\d])?`;
const OUTLET_NAME = String.raw`(${OUTLET_WORD}(?:\s+(?:${OUTLET_WORD}|of|and|&|for|the)){0,5}|[a-z\d-]+(?:\.[a-z\d-]+)+)`;
/** A date after the outlet's name: "on April 8, 2025", "on 8 April 2025". */
const ON_DATE = String.raw`(?:\s+on\s+(?:\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4}))?`;
/**
 * A note that the article is a republished copy, naming where it first ran: "This article was
 * originally published on The Conversation.", "This story first appeared in Grist.", "Originally
 * published at valley.example on April 8, 2025.", "This article is republished from The
 * Conversation under a Creative Commons license. Read the original article."
 */
const REPUBLISHED = new RegExp(
  String.raw`^[(\[]?\s*(?:(?:this|the|a\s+version\s+of\s+this)\s+(?:article|story|post|piece|report|essay|column|interview)\s+(?:(?:was|is|has\s+been)\s+)?(?:(?:originally|first)\s+(?:published|posted|appeared|ran)|republished|reprinted|appeared)|(?:originally|first)\s+(?:published|posted|appeared)|republished|reprinted)` +
    String.raw`(?:\s+with\s+permission)?\s+(?:on|in|at|by|from)\s+(?:the\s+website\s+of\s+)?` +
    OUTLET_NAME +
    ON_DATE +
    String.raw`(?:\s*,?\s+(?:under|with|and\s+is\s+(?:re)?published|as\s+part)\b[^.]{0,120})?[.)\]]*` +
    String.raw`(?:\s+read\s+the\s+original(?:\s+(?:article|story|post))?(?:\s+here)?\.?)?$`,
  'iu',
);

/** "This story was first published on Tuesday": a day, not an outlet. */
const NOT_AN_OUTLET = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/i;

/** Where a republished article first ran, by its note ("This article was originally published on The Conversation."), or null. */
export function republishedFrom(line: string): string | null {
  const text = line.trim();
  if (text.length > 300) return null;
  const name = REPUBLISHED.exec(text)?.[1]?.replace(/^the\s+/, '');
  return name && !NOT_AN_OUTLET.test(name) ? name : null;
}

/** If the whole line is a credit, the agencies it names (canonical spelling); else null. */
export function creditOfLine(line: string): string[] | null {
  const match = line.trim().match(CREDIT_LINE);
  if (!match?.[1]) {
    const named = line.trim().match(WITH_NAME)?.[1] ?? republishedFrom(line);
    return named ? [named] : null;
  }
  return match[1]
    .split(/\s*(?:,|\band\b|&|\/)\s*/i)
    .map((name) => AGENCY_BY_KEY.get(name.trim().toLowerCase()))
    .filter((name): name is string => name !== undefined);
}

/** Agencies credited in the text: credit lines and datelines, each named once, in order. */
export function findCredits(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const dateline = line.match(DATELINE)?.[1] ?? line.match(DATELINE_INITIALS)?.[1];
    const names = creditOfLine(line) ?? (dateline ? [dateline] : []);
    for (const name of names) {
      const canonical = AGENCY_BY_KEY.get(name.toLowerCase()) ?? name;
      if (!found.includes(canonical)) found.push(canonical);
    }
  }
  return found;
}
