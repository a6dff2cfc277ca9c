// Uzbek Latin ↔ Cyrillic by the official correspondence of the 1995 alphabet, for names
// shown to people: oʻ ↔ ў, gʻ ↔ ғ, q ↔ қ, h ↔ ҳ, x ↔ х, sh ↔ ш, ch ↔ ч, yo/yu/ya ↔ ё/ю/я,
// ye ↔ е and e ↔ э at the start of a word or after a vowel, ts ↔ ц, and the tutuq belgisi
// ʼ ↔ ъ. Not searchKey's table: that one folds letters together for matching, this one
// keeps every distinction a reader sees. Latin output writes oʻ and gʻ with ʻ (U+02BB) and
// the tutuq belgisi with ʼ (U+02BC).

export type Script = 'LATIN' | 'CYRILLIC';

const TURNED_COMMA = '\u02BB'; // ʻ of oʻ and gʻ
const APOSTROPHE = '\u02BC'; // ʼ, the tutuq belgisi

/** ' ‘ ’ ` ´ ʻ ʼ: the ways oʻ, gʻ and the tutuq belgisi get typed. */
const APOSTROPHES = new Set(["'", '‘', '’', '`', '´', TURNED_COMMA, APOSTROPHE]);

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

const isLetter = (char: string | undefined): boolean => char !== undefined && LETTER.test(char);
const isUpper = (char: string | undefined): boolean =>
  isLetter(char) && char !== char!.toLowerCase();

/** The script most of the text's letters are written in; undefined without letters or on a tie. */
export function scriptOf(text: string): Script | undefined {
  let latin = 0;
  let cyrillic = 0;
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    if (LATIN.test(char)) latin++;
    else if (CYRILLIC.test(char)) cyrillic++;
  }
  if (latin > cyrillic) return 'LATIN';
  if (cyrillic > latin) return 'CYRILLIC';
  return undefined;
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  d: 'д',
  f: 'ф',
  g: 'г',
  h: 'ҳ',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  x: 'х',
  y: 'й',
  z: 'з',
};

const CYRILLIC_VOWELS = new Set([...'аеёиоуўэюяы']);

/**
 * A name in Uzbek Latin written in Uzbek Cyrillic: "Gʻulomova" → "Ғуломова", "Yoʻldosh" →
 * "Йўлдош", "Xoʻjayev" → "Хўжаев", "Eshmat" → "Эшмат". The apostrophe of oʻ and gʻ may be
 * typed any way; after s it only parts s from h ("Isʼhoq" → "Исҳоқ"). Letters the
 * alphabet lacks are left as they are.
 */
export function toCyrillic(latin: string): string {
  const chars = [...latin.normalize('NFC')];
  let out = '';
  /** The sound before: vowels and word starts decide е/э and е/ье. */
  const afterVowel = () => CYRILLIC_VOWELS.has(out.at(-1)?.toLowerCase() ?? '');
  const atWordStart = () => !isLetter(out.at(-1));
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const lower = char.toLowerCase();
    const next = chars[i + 1]?.toLowerCase();
    const upper = isUpper(char);
    const emit = (text: string, length: number) => {
      out += upper ? text.toUpperCase() : text;
      i += length - 1;
    };
    if ((lower === 'o' || lower === 'g') && next !== undefined && APOSTROPHES.has(next)) {
      emit(lower === 'o' ? 'ў' : 'ғ', 2);
    } else if (lower === 's' && next !== undefined && APOSTROPHES.has(next)) {
      emit('с', 2); // s'h is s then h, not sh
    } else if (lower === 's' && next === 'h') emit('ш', 2);
    else if (lower === 'c' && next === 'h') emit('ч', 2);
    else if (lower === 't' && next === 's') emit('ц', 2);
    else if (lower === 'y' && next === 'o' && !APOSTROPHES.has(chars[i + 2] ?? '')) emit('ё', 2);
    else if (lower === 'y' && next === 'u') emit('ю', 2);
    else if (lower === 'y' && next === 'a') emit('я', 2);
    else if (lower === 'y' && next === 'e') {
      // After a consonant only Russian names have it (Grigoryev, Vasilyev): a soft sign.
      if (atWordStart() || afterVowel() || 'ъь'.includes(out.at(-1) ?? '')) emit('е', 2);
      else {
        out += upper ? 'Ь' : 'ь';
        emit('е', 2);
      }
    } else if (lower === 'e') emit(atWordStart() || afterVowel() ? 'э' : 'е', 1);
    else if (APOSTROPHES.has(char)) out += isLetter(chars[i - 1]) ? 'ъ' : char;
    else if (LATIN_TO_CYRILLIC[lower]) emit(LATIN_TO_CYRILLIC[lower], 1);
    else out += char;
  }
  return out;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
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
  ъ: APOSTROPHE,
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: `o${TURNED_COMMA}`,
  қ: 'q',
  ғ: `g${TURNED_COMMA}`,
  ҳ: 'h',
};

/**
 * A name in Cyrillic written in Uzbek Latin: "Ғуломова" → "Gʻulomova", "Йўлдош" →
 * "Yoʻldosh", "Хўжаев" → "Xoʻjayev", "Евгений" → "Yevgeniy". Russian letters Uzbek lacks
 * take their usual spelling (ц → ts, ы → i, the soft sign is dropped).
 */
export function toLatin(cyrillic: string): string {
  const chars = [...cyrillic.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const lower = char.toLowerCase();
    const before = chars[i - 1]?.toLowerCase();
    let latin: string | undefined;
    if (lower === 'е') {
      const sounded = !isLetter(before) || CYRILLIC_VOWELS.has(before!) || 'ъь'.includes(before!);
      latin = sounded ? 'ye' : 'e';
    } else if (lower === 'с' && chars[i + 1]?.toLowerCase() === 'ҳ') {
      latin = `s${APOSTROPHE}`; // сҳ is s then h, not sh
    } else latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) out += char;
    else if (!isUpper(char)) out += latin;
    // A capital: the whole spelling in a word written in capitals, else its first letter.
    else if (isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !isLetter(chars[i + 1])))
      out += latin.toUpperCase();
    else out += latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}
