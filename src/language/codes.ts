/**
 * @module Language codes as the extractor stores them ("en", "de", "pt-BR"): their base, and
 * whether one is English, which Storyline reads in full, or another language.
 */

/** The base of a language code: "de-AT" is "de", "pt_BR" is "pt". */
export function baseLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/u)[0]!;
}

/** True for a language that is given and is not English ("de", "fr-CA"); false for English and for none. */
export function isOtherLanguage(language: string | null | undefined): language is string {
  return !!language && baseLanguage(language) !== 'en';
}

/** True for a language that writes every noun with a capital (German, Luxembourgish): there a capital does not mark a name. */
export function capitalisesNouns(language: string | null | undefined): boolean {
  return !!language && ['de', 'lb'].includes(baseLanguage(language));
}
