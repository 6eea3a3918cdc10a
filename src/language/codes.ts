/**
 * @module Language codes as the extractor stores them ("en", "de", "pt-BR"): their base, whether
 * one is English, which Storyline reads in full, or another language, and the code of a language
 * a container names in words ("ENGLISH", "Deutsch").
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

/** A language code as written ("en", "de-AT", "pt_BR", "eng"). */
const CODE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

let codesByName: Map<string, string> | null = null;

/**
 * The base code of a declared language, whether a code ("de-AT" is "de") or a name in English or
 * in the language itself ("ENGLISH" is "en", "Deutsch" and "German" are "de"); null for anything
 * else. The names are ICU's, through `Intl.DisplayNames`.
 */
export function languageCodeOf(declared: string): string | null {
  const value = declared.trim();
  if (CODE.test(value)) return baseLanguage(value);
  codesByName ??= languageNames();
  return codesByName.get(value.toLowerCase()) ?? null;
}

function languageNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const { code, name } of namedCodes('language')) {
    names.set(name.toLowerCase(), code);
    const own = ownName(code);
    if (own) names.set(own.toLowerCase(), code);
  }
  return names;
}

/**
 * The two-letter codes ICU names, languages ("de") or regions ("DE", and the EU and the UN), with
 * their English names.
 */
export function namedCodes(type: 'language' | 'region'): Array<{ code: string; name: string }> {
  const english = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
  const first = type === 'language' ? 97 : 65;
  const codes: Array<{ code: string; name: string }> = [];
  for (let a = first; a < first + 26; a++) {
    for (let b = first; b < first + 26; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = english.of(code);
        if (name !== undefined) codes.push({ code, name });
      } catch {
        // not a code of this type
      }
    }
  }
  return codes;
}

/** A language's name in itself ("Deutsch"), where the runtime knows it. */
function ownName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}
