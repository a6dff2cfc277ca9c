import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const WEB = join(__dirname, '..', 'apps', 'web', 'src');

/** Every messages.ts of the web app, with what it exports. */
function messageFiles(dir = WEB): { file: string; exports: Record<string, unknown> }[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'gql' ? [] : messageFiles(path);
    if (entry !== 'messages.ts') return [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return [{ file: relative(WEB, path), exports: require(path) as Record<string, unknown> }];
  });
}

type Texts = Record<'en' | 'ru' | 'uz', Record<string, string>>;

// The plural categories each language needs (CLDR, as Intl.PluralRules reports them).
const PLURALS = {
  en: new Intl.PluralRules('en').resolvedOptions().pluralCategories,
  ru: new Intl.PluralRules('ru').resolvedOptions().pluralCategories,
  uz: new Intl.PluralRules('uz').resolvedOptions().pluralCategories,
};

describe('the web app speaks English, Russian and Uzbek everywhere', () => {
  const files = messageFiles();

  it('finds the messages of every area', () => {
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['core/messages.ts', 'account/messages.ts', 'public/messages.ts']),
    );
  });

  it('has every text in the three languages, with the plural forms each language needs', () => {
    const problems: string[] = [];
    expect(PLURALS.ru).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    for (const { file, exports } of files) {
      for (const [name, value] of Object.entries(exports)) {
        const texts = value as Texts;
        // A text is a base key, or a base with a plural suffix; compare the bases.
        const bases = (lang: keyof Texts) =>
          new Set(
            Object.keys(texts[lang] ?? {}).map((key) =>
              key.replace(/_(zero|one|two|few|many|other)$/, ''),
            ),
          );
        const all = new Set([...bases('en'), ...bases('ru'), ...bases('uz')]);
        for (const lang of ['en', 'ru', 'uz'] as const) {
          const own = texts[lang] ?? {};
          for (const base of all) {
            const plural =
              Object.keys(own).some((key) => key.startsWith(`${base}_`) && key !== base) ||
              ['en', 'ru', 'uz'].some((other) =>
                Object.keys(texts[other as keyof Texts] ?? {}).some(
                  (key) => key === `${base}_other`,
                ),
              );
            if (plural) {
              for (const category of PLURALS[lang]) {
                if (!(`${base}_${category}` in own))
                  problems.push(`${file} ${name}.${lang}: "${base}_${category}" is missing`);
              }
            } else if (!(base in own)) {
              problems.push(`${file} ${name}.${lang}: "${base}" is missing`);
            } else if (!own[base].trim()) {
              problems.push(`${file} ${name}.${lang}: "${base}" is empty`);
            }
          }
          // Uzbek Latin writes oʻ and gʻ with U+02BB, not an apostrophe or a backtick.
          if (lang === 'uz') {
            for (const [key, text] of Object.entries(own)) {
              if (/[oOgG]['‘`’]/.test(text))
                problems.push(`${file} ${name}.uz: "${key}" writes oʻ/gʻ with the wrong mark`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
