// Uzbek Cyrillic to Latin by the official correspondence (ў → oʻ, ғ → gʻ, қ → q, ҳ → h,
// ш → sh, ч → ch, ё/ю/я → yo/yu/ya, ц → ts); Russian letters Uzbek lacks by their usual
// Latin spelling. The tutuq belgisi (ъ) and the soft sign carry no sound of their own here.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'x',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: 'o',
  қ: 'q',
  ғ: 'g',
  ҳ: 'h',
};

/** ʻ ‘ ’ ' ` ʼ: the ways Uzbek Latin's oʻ, gʻ and tutuq belgisi get typed. */
const APOSTROPHES = ['ʻ', 'ʼ', "'", '‘', '’', '`', '´'];

/** What `\s` matches in JavaScript: every run of them is one space in a key. */
const SPACES =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * What each character becomes in a key (those not listed stay as they are): Cyrillic as
 * Latin, q as k and x as h (also where the Latin came from Cyrillic), apostrophes as
 * nothing, spaces of every kind as one.
 */
const KEY_OF: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(CYRILLIC_TO_LATIN).map(([cyrillic, latin]) => [
      cyrillic,
      latin.replace(/q/g, 'k').replace(/x/g, 'h'),
    ]),
  ),
  q: 'k',
  x: 'h',
  ...Object.fromEntries(APOSTROPHES.map((apostrophe) => [apostrophe, ''])),
  ...Object.fromEntries(Array.from(SPACES, (space) => [space, ' '])),
};

/**
 * What a name is searched and matched by: lower case in every script, Cyrillic read as
 * Latin, the Uzbek apostrophe in any of its spellings (or none) as nothing, and q/k and
 * x/h as one (Russian spellings of Uzbek names write к and х), any run of spaces as one.
 * So "Gulomova", "G'ulomova", "Gʻulomova" and "Ғуломова" have one key, and a key built the
 * same way from what someone typed finds them with a plain substring match on any
 * database. One pass over the text: imports key every row's names several times.
 */
export function searchKey(text: string): string {
  let key = '';
  let space = false;
  for (const char of text.normalize('NFC').toLowerCase()) {
    const latin = KEY_OF[char] ?? char;
    if (latin === ' ') space = key !== '';
    if (latin === ' ' || latin === '') continue;
    if (space) key += ' ';
    space = false;
    key += latin;
  }
  return key;
}
