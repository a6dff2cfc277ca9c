import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { decodeQr, pdfFonts, pdfPageCount, pdfText } from './testing/pdf';
import { renderAgenda } from './agenda.template';
import { renderAttendanceReport } from './attendance-report.template';
import { renderCertificate } from './certificate.template';
import type { CertificateKindName } from './document-content';
import { FONT_FILES, REGULAR } from './fonts';
import { renderRecommendations } from './recommendations.template';
import {
  LATIN_NAME,
  longRussianCertificate,
  RUSSIAN_NAME,
  sampleAgenda,
  sampleAttendanceReport,
  sampleCertificate,
  sampleRecommendations,
  UZBEK_NAME,
} from './testing/sample-content';
import { countryName, categoryName, forHolder, TEXTS } from './texts';
import { TrueTypeSource, TrueTypeSubset } from './truetype-subset';
import { LanguageCode } from '@platform/core';

const LANGUAGES: LanguageCode[] = ['en', 'ru', 'uz'];
const KINDS: CertificateKindName[] = ['CONFERENCE_ATTENDANCE', 'SPEAKER', 'TRAINING_COMPLETION'];
const CREATED = new Date('2024-01-15T09:00:00Z');

/** Text with every run of white space (line breaks included) as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function expectOnlyEmbeddedDejaVu(pdf: Buffer): Promise<void> {
  const fonts = await pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded).toBe(true);
    expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
  }
}

/** The name as a whole, and each of its letters, so a glyph the font lacks cannot hide. */
function expectName(text: string, name: string): void {
  expect(text).toContain(name);
  for (const letter of name.replace(/\s/g, '')) expect(text).toContain(letter);
}

describe('certificates', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    it.each([UZBEK_NAME, RUSSIAN_NAME, LATIN_NAME])(
      'print %s with the serial, the code, the event and the fixed texts on one page',
      async (holderName) => {
        const content = sampleCertificate({ languages: [language], holderName });
        const pdf = await renderCertificate(content);
        const text = await pdfText(pdf);
        const texts = TEXTS[language];

        expect(await pdfPageCount(pdf)).toBe(1);
        expectName(text, holderName);
        expect(text).toContain(content.serial);
        expect(text).toContain(content.verificationCode);
        expect(text).toContain(content.verificationUrl);
        expect(flat(text)).toContain(content.eventTitle);
        expect(text).toContain(
          texts.certificate.title.CONFERENCE_ATTENDANCE.toLocaleUpperCase(language),
        );
        expect(text).toContain(forHolder(texts.certificate.lead, content.holderSex));
        expect(text).toContain(texts.dateRange(content.startDate, content.endDate));
        expect(text).toContain(countryName(language, 'UZ'));
        expect(text).toContain(texts.days(2));
        await expectOnlyEmbeddedDejaVu(pdf);
        expect(await decodeQr(pdf)).toBe(content.verificationUrl);
      },
    );
  });

  it.each(KINDS)('have a title of their own: %s', async (kind) => {
    const pdf = await renderCertificate(
      sampleCertificate({
        kind,
        languages: ['en', 'ru'],
        sessionTitles: ['Victim identification'],
      }),
    );
    const text = await pdfText(pdf);
    expect(text).toContain(TEXTS.en.certificate.title[kind].toUpperCase());
    expect(text).toContain(TEXTS.ru.certificate.title[kind].toUpperCase());
  });

  it('print every fixed text in both languages, the main one first', async () => {
    const content = sampleCertificate({
      kind: 'TRAINING_COMPLETION',
      languages: ['uz', 'en'],
      hours: 24,
    });
    const text = flat(await pdfText(await renderCertificate(content)));
    const uz = TEXTS.uz.certificate;
    const en = TEXTS.en.certificate;
    for (const [first, second] of [
      [
        uz.title.TRAINING_COMPLETION.toLocaleUpperCase('uz'),
        en.title.TRAINING_COMPLETION.toUpperCase(),
      ],
      [forHolder(uz.lead, undefined), forHolder(en.lead, undefined)],
      [TEXTS.uz.hours(24), TEXTS.en.hours(24)],
      [TEXTS.uz.dateRange('2022-07-28', '2022-07-29'), '28–29 July 2022'],
    ] satisfies [string, string][]) {
      expect(text).toContain(first);
      expect(text).toContain(second);
      expect(text.indexOf(first)).toBeLessThan(text.indexOf(second));
    }
    expect(text).toContain(uz.afterEvent.TRAINING_COMPLETION);
    expect(text).toContain(forHolder(en.beforeEvent.TRAINING_COMPLETION, undefined));
    expect(text).toContain(`${uz.serial} / ${en.serial}`);
  });

  it.each([
    ['FEMALE', ['приняла участие', 'выступила с докладом', 'успешно завершила']],
    ['MALE', ['принял участие', 'выступил с докладом', 'успешно завершил']],
    [undefined, ['за участие', 'за выступление с докладом', 'за успешное завершение']],
  ] as const)('word the Russian text for a holder whose sex is %s', async (holderSex, phrases) => {
    for (const [i, kind] of KINDS.entries()) {
      const content = sampleCertificate({ kind, languages: ['ru'], holderSex });
      const text = flat(await pdfText(await renderCertificate(content)));
      expect(text).toContain(phrases[i]);
      expect(text).not.toMatch(/\((а|a|ла)\)/);
    }
  });

  it('has no "(а)" in any fixed text: a phrase about a person agrees with them or needs no agreement', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
    for (const language of LANGUAGES)
      expect(strings(TEXTS[language]).filter((text) => /\(\p{L}{1,3}\)/u.test(text))).toEqual([]);
  });

  it.each([
    [
      ['ru', 'en'],
      ['Гулноза Қодирова', 'Gulnoza Qodirova'],
    ],
    [
      ['en', 'ru'],
      ['Gulnoza Qodirova', 'Гулноза Қодирова'],
    ],
    [
      ['uz', 'ru'],
      ['Gulnoza Qodirova', 'Гулноза Қодирова'],
    ],
    [['ru'], ['Гулноза Қодирова']],
    [['uz'], ['Gulnoza Qodirova']],
    [['uz', 'en'], ['Gulnoza Qodirova']],
  ] as [LanguageCode[], string[]][])(
    'print the name in the script of each language: %j prints %j',
    async (languages, names) => {
      const content = sampleCertificate({
        languages,
        holderName: 'Гулноза Қодирова',
        holderNames: { latin: 'Gulnoza Qodirova', cyrillic: 'Гулноза Қодирова' },
        holderSex: 'FEMALE',
      });
      const text = flat(await pdfText(await renderCertificate(content)));
      for (const name of names) expectName(text, name);
      if (names.length === 2) expect(text.indexOf(names[0]!)).toBeLessThan(text.indexOf(names[1]!));
      for (const name of ['Gulnoza Qodirova', 'Гулноза Қодирова'].filter((n) => !names.includes(n)))
        expect(text).not.toContain(name);
    },
  );

  it('print the name as entered on a certificate issued before names by script', async () => {
    const content = sampleCertificate({ languages: ['ru', 'en'], holderName: RUSSIAN_NAME });
    const text = flat(await pdfText(await renderCertificate(content)));
    expect(text.split(RUSSIAN_NAME)).toHaveLength(2);
  });

  it('shrink long Russian texts to stay on one page, nothing cut', async () => {
    const content = longRussianCertificate();
    const pdf = await renderCertificate(content);
    const text = flat(await pdfText(pdf));

    expect(await pdfPageCount(pdf)).toBe(1);
    expectName(text, content.holderName);
    expectName(text, content.holderNames!.latin!);
    expect(text).toContain(content.eventTitle);
    for (const title of content.sessionTitles ?? []) expect(text).toContain(title);
    for (const signatory of content.signatories) {
      expect(text).toContain(signatory.name);
      expect(text).toContain(signatory.position);
    }
    expect(text).toContain(content.verificationUrl);
    expect(text).toContain(TEXTS.uz.certificate.afterEvent.SPEAKER);
    expect(await decodeQr(pdf)).toBe(content.verificationUrl);
  });

  it('stay on one page even when the texts are absurdly long', async () => {
    const long = longRussianCertificate();
    const pdf = await renderCertificate({
      ...long,
      eventTitle: Array(40).fill(long.eventTitle).join(' '),
      signatories: [...long.signatories, ...long.signatories],
    });
    expect(await pdfPageCount(pdf)).toBe(1);
    expect(await decodeQr(pdf)).toBe(long.verificationUrl);
  });

  it('render the same file from the same content', async () => {
    const content = longRussianCertificate();
    expect((await renderCertificate(content)).equals(await renderCertificate(content))).toBe(true);
  });

  it('refuse a language list that is not one or two languages', async () => {
    await expect(renderCertificate(sampleCertificate({ languages: [] }))).rejects.toThrow(
      'one or two languages',
    );
  });
});

describe.each(LANGUAGES)('outcome documents in %s', (language) => {
  const texts = TEXTS[language];

  it('recommendations: grouped, numbered, addressed and followed up, with page numbers', async () => {
    const content = sampleRecommendations(language);
    const pdf = await renderRecommendations(content, { creationDate: CREATED });
    const text = await pdfText(pdf);
    const pages = await pdfPageCount(pdf);

    expect(pages).toBeGreaterThan(1);
    expect(flat(text)).toContain(content.edition.title);
    expect(text).toContain(texts.recommendations.plenary);
    expect(text).toContain(content.groups[1]?.workingGroup);
    expect(text).toContain(texts.recommendations.addressedTo);
    expect(text).toContain(
      `${texts.recommendations.followUp(2023)}: ${texts.followUpStatus.IN_PROGRESS}`,
    );
    expect(text).toContain(texts.partnerRole.CO_ORGANIZER);
    expect(text).toContain('19.');
    expect(text).toContain(texts.page(1, pages));
    expect(text).toContain(texts.page(pages, pages));
    await expectOnlyEmbeddedDejaVu(pdf);
  });

  it('agenda: days, times, kinds, rooms, moderators and speakers', async () => {
    const content = sampleAgenda(language);
    const pdf = await renderAgenda(content, { creationDate: CREATED });
    const text = await pdfText(pdf);
    const pages = await pdfPageCount(pdf);

    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(
      `${texts.agenda.day(2)} — ${texts.weekday('2022-07-29')}, ${texts.date('2022-07-29')}`,
    );
    expect(text).toContain('09:45–10:00');
    expect(text).toContain(texts.sessionKind.VIDEO_MESSAGE.toLocaleUpperCase(language));
    expect(text).toContain(`${texts.agenda.moderator}: ${UZBEK_NAME}`);
    expect(text).toContain(`${RUSSIAN_NAME} — Senior investigator, Ministry of Internal Affairs`);
    expect(text).toContain(texts.page(pages, pages));
    await expectOnlyEmbeddedDejaVu(pdf);
  });

  it('attendance report: a row per trainee and day, the header on every page, the indicators', async () => {
    const content = sampleAttendanceReport(language, 5, 60);
    const pdf = await renderAttendanceReport(content, { creationDate: CREATED });
    const pageTexts = (await pdfText(pdf)).split('\f');
    const text = pageTexts.join('\n');
    const t = texts.attendance;

    const tablePages = pageTexts.filter((page) =>
      content.rows.some((row) => page.includes(row.name)),
    );
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toContain(t.organization);
    for (const row of content.rows) expect(text).toContain(row.name);
    expect(flat(text)).toContain(t.rule(content.completionRule, 5));
    expect(text).toContain(t.day(5)); // pdfjs reads the no-break space as a space
    expect(text).toContain(`${texts.mark.EXCUSED.short} — ${texts.mark.EXCUSED.label}`);
    expect(text).toContain(categoryName(language, 'BORDER_OFFICER'));
    expect(text).toContain('Customs officer');
    expect(text).toContain(t.total);
    expect(text).toContain(texts.page(pageTexts.length, pageTexts.length));
    await expectOnlyEmbeddedDejaVu(pdf);
  });
});

describe('texts', () => {
  it('write date ranges the way each language does', () => {
    expect(TEXTS.en.dateRange('2022-10-12', '2022-10-13')).toBe('12–13 October 2022');
    expect(TEXTS.ru.dateRange('2022-10-12', '2022-10-13')).toBe('12–13 октября 2022 г.');
    expect(TEXTS.uz.dateRange('2022-10-12', '2022-10-13')).toBe('2022-yil 12–13-oktabr');
    expect(TEXTS.en.dateRange('2022-09-30', '2022-10-02')).toBe('30 September – 2 October 2022');
    expect(TEXTS.ru.dateRange('2022-12-30', '2023-01-02')).toBe(
      '30 декабря 2022 г. – 2 января 2023 г.',
    );
    expect(TEXTS.uz.dateRange('2022-09-30', '2022-10-02')).toBe('2022-yil 30-sentabr – 2-oktabr');
    expect(TEXTS.en.dateRange('2022-10-12', '2022-10-12')).toBe('12 October 2022');
  });

  it('agree nouns with numbers', () => {
    expect([1, 2, 5, 11, 21, 22, 112].map(TEXTS.ru.days)).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '11 дней',
      '21 день',
      '22 дня',
      '112 дней',
    ]);
    expect([1, 3, 16].map(TEXTS.ru.hours)).toEqual([
      '1 академический час',
      '3 академических часа',
      '16 академических часов',
    ]);
    expect([1, 2].map(TEXTS.en.days)).toEqual(['1 day', '2 days']);
    expect([1, 36].map(TEXTS.uz.hours)).toEqual(['1 akademik soat', '36 akademik soat']);
  });

  it('name countries in each language, Uzbek with ʻ', () => {
    expect(countryName('en', 'UZ')).toBe('Uzbekistan');
    expect(countryName('ru', 'UZ')).toBe('Узбекистан');
    expect(countryName('uz', 'UZ')).toBe('O\u02BBzbekiston');
    expect(countryName('uz', 'US')).not.toMatch(/[\u2018\u2019]/);
    expect(countryName('ru', 'not a code')).toBe('NOT A CODE');
  });

  it('print unknown professional categories readably', () => {
    expect(categoryName('ru', 'JUDGE')).toBe('Судья');
    expect(categoryName('uz', 'CUSTOMS_OFFICER')).toBe('Customs officer');
  });
});

describe('the TrueType subset', () => {
  it('holds the same outlines and widths as the original font, composite glyphs included', () => {
    const file = readFileSync(FONT_FILES[REGULAR]);
    const bytes = Buffer.from(file);
    const original = fontkit.create(bytes);
    if ('fonts' in original) throw new Error('not a single font');
    const subset = new TrueTypeSubset(new TrueTypeSource(bytes));
    const glyphs = original.layout(`${UZBEK_NAME} ${RUSSIAN_NAME} Ёё Йй Ўў Ққ Ғғ Ҳҳ №`).glyphs;
    const mapping = new Map(glyphs.map((glyph) => [glyph.id, subset.includeGlyph(glyph.id)]));
    const parsed = fontkit.create(subset.encode());
    if ('fonts' in parsed) throw new Error('not a single font');

    // Composite glyphs brought their components along.
    expect(parsed.numGlyphs).toBeGreaterThan(mapping.size + 1);
    for (const [id, newId] of mapping) {
      expect(parsed.getGlyph(newId).path.toSVG()).toBe(original.getGlyph(id).path.toSVG());
      expect(parsed.getGlyph(newId).advanceWidth).toBe(original.getGlyph(id).advanceWidth);
    }
    // Renumbering components works on copies: the font the documents share is left as read.
    expect(bytes.equals(file)).toBe(true);
  });
});
