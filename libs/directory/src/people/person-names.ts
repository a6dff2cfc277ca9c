import { LanguageCode, scriptOf, toCyrillic, toLatin } from '@platform/core/plain';

/**
 * A person's name in each script it is known in. A person keeps the name as entered
 * (`fullName`) and optionally one in another script (`fullNameAlt`); which one is Latin
 * and which Cyrillic is read from the names themselves, so rosters may put either first.
 */
export interface PersonNames {
  /** As entered: what is printed when neither script is known (e.g. a name in Chinese). */
  fullName: string;
  latin?: string;
  cyrillic?: string;
}

/** The names of someone with this `fullName` and `fullNameAlt`, by script. */
export function personNames(person: {
  fullName: string;
  fullNameAlt?: string | null;
}): PersonNames {
  const names: PersonNames = { fullName: person.fullName };
  // The name as entered wins when both are in one script.
  for (const name of [person.fullName, person.fullNameAlt]) {
    const text = name?.trim();
    if (!text) continue;
    const script = scriptOf(text);
    if (script === 'LATIN') names.latin ??= text;
    if (script === 'CYRILLIC') names.cyrillic ??= text;
  }
  return names;
}

/**
 * The one rule for which name a text in `language` prints: Russian in Cyrillic, English
 * and Uzbek (Latin alphabet) in Latin, each falling back to the other script, then to the
 * name as entered. Certificates, mail and the verification page all ask here.
 */
export function nameIn(names: PersonNames, language: LanguageCode): string {
  return (
    (language === 'ru' ? (names.cyrillic ?? names.latin) : (names.latin ?? names.cyrillic)) ??
    names.fullName
  );
}

/**
 * For someone from Uzbekistan whose name is known in one script only: the name written in
 * the other by the Uzbek Latin–Cyrillic correspondence, for staff to accept (by saving it
 * as `fullNameAlt`) or correct. Nothing is stored here. None when a letter would be left
 * in the first script (a name the Uzbek alphabet cannot spell, e.g. "Clara").
 */
export function suggestedAltName(person: {
  fullName: string;
  fullNameAlt?: string | null;
  country: string;
}): string | undefined {
  if (person.country !== 'UZ' || person.fullNameAlt?.trim()) return undefined;
  const name = person.fullName.trim();
  const script = scriptOf(name);
  if (script === undefined) return undefined;
  const suggestion = script === 'LATIN' ? toCyrillic(name) : toLatin(name);
  const leftOver = script === 'LATIN' ? /\p{Script=Latin}/u : /\p{Script=Cyrillic}/u;
  return leftOver.test(suggestion) ? undefined : suggestion;
}
