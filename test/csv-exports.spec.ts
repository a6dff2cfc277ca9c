import { parseCsv } from '@platform/core';
import {
  anAccount,
  anOrganization,
  aPerson,
  aProgramme,
  attendanceOn,
  aTrainingEvent,
  enroll,
} from './factories';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

const ROSTER_CSV = `query($id: ID!, $language: Language, $separator: CsvSeparator) {
  trainingEvent(id: $id) { rosterCsv(language: $language, separator: $separator) }
}`;
const INDICATORS_CSV = `query($groupBy: [IndicatorDimension!]!, $filter: IndicatorFilter, $language: Language, $separator: CsvSeparator) {
  trainingIndicators(groupBy: $groupBy, filter: $filter) { csv(language: $language, separator: $separator) }
}`;

/** What an English export writes in its cells: none of it may show in another language's. */
const ENGLISH_WORDS = [
  'Name',
  'Name (other script)',
  'Sex',
  'Category',
  'Organization',
  'Country',
  'Days attended',
  'Attendance %',
  'Completed',
  'present',
  'late',
  'excused absence',
  'absent',
  'yes',
  'no',
  'Female',
  'Male',
  'Judge',
  'Operational officer',
  'Uzbekistan',
  'Government',
  'No organization',
  'People enrolled',
  'People trained',
  'Enrollments',
  'Completions',
  'Total',
];
const englishCells = (rows: string[][]) =>
  rows.flat().filter((cell) => ENGLISH_WORDS.includes(cell));

/**
 * The CSV downloads (an event's roster, the training indicators) in the reader's language,
 * chosen by `?lang=`, else the Accept-Language header, or the GraphQL `language` argument;
 * with ',' or, for Excel in Russian and Uzbek locales, ';' between the fields.
 */
describe('CSV exports in the reader’s language, separated by commas or semicolons', () => {
  let t: TestApp;
  let trainer: { id: string; token: string };
  let eventId: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    trainer = await anAccount(t, 'TRAINER');
    const owner = await anOrganization().named('Training centre of the Supreme Court').create(t);
    programmeId = (await aProgramme(owner.id).titled('Victim-centred justice').create(t)).id;
    eventId = (
      await aTrainingEvent(programmeId)
        .on('2023-05-02', '2023-05-04')
        .ledBy(trainer.id)
        .completedAfter({ minDays: 2 })
        .create(t)
    ).id;
    const court = await anOrganization().named('Samarqand viloyati sudi').create(t);
    const dilnoza = await aPerson()
      .named('Dilnoza Gʻulomova', 'Дилноза Ғуломова')
      .female()
      .judge()
      .in(court.id)
      .create(t);
    const sardor = await aPerson().named('Sardor Aliyev').male().officer().create(t);
    const d = (await enroll(t, eventId, dilnoza.id)).id;
    const s = (await enroll(t, eventId, sardor.id)).id;
    await attendanceOn(eventId, '2023-05-02').present(d).absent(s).record(t, trainer.token);
    await attendanceOn(eventId, '2023-05-03').late(d).absent(s).record(t, trainer.token);
    await attendanceOn(eventId, '2023-05-04').excused(d).present(s).record(t, trainer.token);
  });
  afterAll(() => t.close());

  const rosterCsv = (query = '', headers: Record<string, string> = {}) => {
    const req = t
      .http()
      .get(`/trainings/events/${eventId}/roster.csv${query}`)
      .set('authorization', `Bearer ${trainer.token}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req;
  };
  /** The body without its byte-order mark, which every download keeps. */
  const text = (res: { text: string }) => {
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    return res.text.slice(1);
  };

  it('writes the roster in Russian: headers, marks, sex, category, country, yes and no', async () => {
    const res = await rosterCsv('?lang=ru').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers.vary).toMatch(/Accept-Language/);
    const rows = parseCsv(text(res));
    expect(rows).toEqual([
      [
        'ФИО',
        'ФИО (другим алфавитом)',
        'Пол',
        'Категория',
        'Организация',
        'Страна',
        '2023-05-02',
        '2023-05-03',
        '2023-05-04',
        'Посещено дней',
        'Посещаемость %',
        'Завершено',
      ],
      [
        'Dilnoza Gʻulomova',
        'Дилноза Ғуломова',
        'Женский',
        'Судья',
        'Samarqand viloyati sudi',
        'Узбекистан',
        'присутствие',
        'опоздание',
        'отсутствие по уважительной причине',
        '2',
        '66.7',
        'да',
      ],
      [
        'Sardor Aliyev',
        '',
        'Мужской',
        'Оперативный сотрудник',
        '',
        'Узбекистан',
        'отсутствие',
        'отсутствие',
        'присутствие',
        '1',
        '33.3',
        'нет',
      ],
    ]);
    expect(englishCells(rows)).toEqual([]);
    // Neither "присутствовал(а)" nor any other form that needs the reader's sex.
    expect(res.text).not.toMatch(/\(а\)/);
  });

  it('writes the roster in Uzbek (Latin) when the browser asks for it', async () => {
    const res = await rosterCsv('', { 'accept-language': 'uz-Latn-UZ,uz;q=0.9,ru;q=0.8' }).expect(
      200,
    );
    const rows = parseCsv(text(res));
    expect(rows[0]).toEqual([
      'F.I.Sh.',
      'F.I.Sh. (boshqa alifboda)',
      'Jinsi',
      'Toifa',
      'Tashkilot',
      'Mamlakat',
      '2023-05-02',
      '2023-05-03',
      '2023-05-04',
      'Qatnashgan kunlar',
      'Davomat %',
      'Tamomladi',
    ]);
    expect(rows[1]).toEqual([
      'Dilnoza Gʻulomova',
      'Дилноза Ғуломова',
      'Ayol',
      'Sudya',
      'Samarqand viloyati sudi',
      'Oʻzbekiston',
      'bor (qatnashdi)',
      'kechikdi',
      'sababli qatnashmadi',
      '2',
      '66.7',
      'ha',
    ]);
    expect(rows[2]?.at(-1)).toBe('yoʻq');
    expect(englishCells(rows)).toEqual([]);
  });

  it('takes the first of its languages the Accept-Language header prefers, and ?lang= over it', async () => {
    const firstCell = async (query: string, header?: string) =>
      parseCsv(text(await rosterCsv(query, header ? { 'accept-language': header } : {})))[0]?.[0];
    expect(await firstCell('', 'de-DE,de;q=0.9,ru-RU;q=0.8,en;q=0.5')).toBe('ФИО');
    expect(await firstCell('', 'en;q=0.2, uz;q=0.7')).toBe('F.I.Sh.');
    expect(await firstCell('', 'kk-KZ')).toBe('Name');
    expect(await firstCell('')).toBe('Name');
    expect(await firstCell('?lang=en', 'ru-RU')).toBe('Name');
    expect(await firstCell('?lang=uz', 'ru-RU')).toBe('F.I.Sh.');
  });

  it("separates with ';' when asked, with decimal commas, and reads back as the same table", async () => {
    const comma = parseCsv(text(await rosterCsv('?lang=ru').expect(200)));
    for (const query of ['?lang=ru&separator=semicolon', '?lang=ru&separator=%3B']) {
      const body = text(await rosterCsv(query).expect(200));
      expect(body.split('\r\n')[0]).toBe(
        'ФИО;ФИО (другим алфавитом);Пол;Категория;Организация;Страна;2023-05-02;2023-05-03;2023-05-04;Посещено дней;Посещаемость %;Завершено',
      );
      expect(body).toContain(';2;66,7;да\r\n');
      const rows = parseCsv(body);
      expect(rows.map((row) => row.map((cell) => cell.replace(/^(\d+),(\d)$/, '$1.$2')))).toEqual(
        comma,
      );
    }
  });

  it('gives the same roster through GraphQL, with the language and separator as arguments', async () => {
    const { rosterCsv: csv } = (
      await t.ok(ROSTER_CSV, { id: eventId, language: 'UZ', separator: 'SEMICOLON' }, trainer.token)
    ).trainingEvent;
    expect(csv).toBe(text(await rosterCsv('?lang=uz&separator=semicolon')));
    const english = (await t.ok(ROSTER_CSV, { id: eventId }, trainer.token)).trainingEvent
      .rosterCsv as string;
    expect(english.split('\r\n')[1]).toBe(
      'Dilnoza Gʻulomova,Дилноза Ғуломова,Female,Judge,Samarqand viloyati sudi,Uzbekistan,present,late,excused absence,2,66.7,yes',
    );
  });

  it('refuses an unknown language or separator, naming the field, and still wants a login', async () => {
    const lang = await rosterCsv('?lang=de').expect(400);
    expect(lang.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'lang',
      message: 'lang: must be one of en, ru, uz',
    });
    const twice = await rosterCsv('?lang=ru&lang=uz').expect(400);
    expect(twice.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
    const separator = await rosterCsv('?separator=tab').expect(400);
    expect(separator.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'separator',
      message: 'separator: must be comma or semicolon',
    });
    const indicators = await t
      .http()
      .get('/trainings/indicators.csv?groupBy=CATEGORY&lang=klingon')
      .set('authorization', `Bearer ${trainer.token}`)
      .expect(400);
    expect(indicators.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });

    const gql = await t.gql(ROSTER_CSV, { id: eventId, language: 'DE' }, trainer.token);
    expect(errorCode(gql)).toBe('BAD_USER_INPUT');
    expect(gql.errors![0].message).toMatch(/\$language/);
    expect(gql.data).toBeUndefined();
    const badSeparator = await t.gql(ROSTER_CSV, { id: eventId, separator: ';' }, trainer.token);
    expect(errorCode(badSeparator)).toBe('BAD_USER_INPUT');
    expect(badSeparator.errors![0].message).toMatch(/\$separator/);

    await t.http().get(`/trainings/events/${eventId}/roster.csv?lang=ru`).expect(401);
    const stranger = await anAccount(t, 'TRAINER');
    await t
      .http()
      .get(`/trainings/events/${eventId}/roster.csv?lang=ru&separator=semicolon`)
      .set('authorization', `Bearer ${stranger.token}`)
      .expect(404);
  });

  it('writes the indicators in Russian and Uzbek: headers, labels and the totals line', async () => {
    const download = async (query: string, header?: string) => {
      const req = t
        .http()
        .get(`/trainings/indicators.csv?programmeId=${programmeId}&${query}`)
        .set('authorization', `Bearer ${t.adminToken}`);
      if (header) req.set('accept-language', header);
      return text(await req.expect(200));
    };
    const ru = await download('groupBy=CATEGORY,SEX,ORGANIZATION_TYPE&lang=ru');
    const ruRows = parseCsv(ru);
    expect(ruRows).toEqual([
      [
        'Категория',
        'Пол',
        'Тип организации',
        'Записано людей',
        'Обучено людей',
        'Записей',
        'Завершений',
      ],
      ['Судья', 'Женский', 'Государственные органы', '1', '1', '1', '1'],
      ['Оперативный сотрудник', 'Мужской', 'Без организации', '1', '0', '1', '0'],
      ['Итого', '', '', '2', '1', '2', '1'],
    ]);
    expect(englishCells(ruRows)).toEqual([]);

    const uz = parseCsv(
      await download('groupBy=YEAR,QUARTER,MONTH,COUNTRY&separator=semicolon', 'uz-UZ'),
    );
    expect(uz).toEqual([
      [
        'Yil',
        'Chorak',
        'Oy',
        'Mamlakat',
        'Yozilgan shaxslar',
        'Oʻqitilgan shaxslar',
        'Yozilishlar',
        'Yakunlashlar',
      ],
      ['2023', '2023-yil 2-chorak', '2023-yil may', 'Oʻzbekiston', '2', '1', '2', '1'],
      ['Jami', '', '', '', '2', '1', '2', '1'],
    ]);
    const periods = parseCsv(await download('groupBy=QUARTER,MONTH&lang=ru'));
    expect(periods[1]?.slice(0, 2)).toEqual(['2-й квартал 2023 г.', 'май 2023 г.']);

    // GraphQL: the same file, and English with its labels by default.
    const { csv } = (
      await t.ok(
        INDICATORS_CSV,
        {
          groupBy: ['CATEGORY', 'SEX', 'ORGANIZATION_TYPE'],
          filter: { programmeId },
          language: 'RU',
        },
        t.adminToken,
      )
    ).trainingIndicators;
    expect(csv).toBe(ru);
    const english = (
      await t.ok(INDICATORS_CSV, { groupBy: ['SEX'], filter: { programmeId } }, t.adminToken)
    ).trainingIndicators.csv as string;
    expect(english.split('\r\n')).toEqual([
      'Sex,People enrolled,People trained,Enrollments,Completions',
      'Female,1,1,1,1',
      'Male,1,0,1,0',
      'Total,2,1,2,1',
      '',
    ]);
  });

  it('refuses an unknown separator of the indicators download, naming the field', async () => {
    const res = await t
      .http()
      .get('/trainings/indicators.csv?separator=pipe')
      .set('authorization', `Bearer ${t.adminToken}`)
      .expect(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'separator' });
    expect(
      problem(await t.gql(INDICATORS_CSV, { groupBy: [], language: 'de' }, t.adminToken)),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
