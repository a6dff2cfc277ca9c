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
const APOSTROPHES = /[ʻʼ'‘’`´]/g;

/**
 * What a name is searched and matched by: lower case in every script, Cyrillic read as
 * Latin, the Uzbek apostrophe in any of its spellings (or none) as nothing, and q/k and
 * x/h as one (Russian spellings of Uzbek names write к and х). So "Gulomova",
 * "G'ulomova", "Gʻulomova" and "Ғуломова" have one key, and a key built the same way
 * from what someone typed finds them with a plain substring match on any database.
 */
export function searchKey(text: string): string {
  return Array.from(text.normalize('NFC').toLowerCase(), (char) => CYRILLIC_TO_LATIN[char] ?? char)
    .join('')
    .replace(APOSTROPHES, '')
    .replace(/q/g, 'k')
    .replace(/x/g, 'h')
    .replace(/\s+/g, ' ')
    .trim();
}
