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

/** If the whole line is a credit, the agencies it names (canonical spelling); else null. */
export function creditOfLine(line: string): string[] | null {
  const match = line.trim().match(CREDIT_LINE);
  if (!match?.[1]) return null;
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
    const names = creditOfLine(line) ?? (line.match(DATELINE)?.[1] ? [line.match(DATELINE)?.[1] as string] : []);
    for (const name of names) {
      const canonical = AGENCY_BY_KEY.get(name.toLowerCase()) ?? name;
      if (!found.includes(canonical)) found.push(canonical);
    }
  }
  return found;
}
