import {
  anAccount,
  anOrganization,
  aPerson,
  aProgramme,
  attendanceOn,
  aTrainingEvent,
  TrainingEventBuilder,
} from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const IMPORT = `mutation($eventId: ID!, $csv: String!, $skip: Boolean) {
  importRoster(eventId: $eventId, csv: $csv, skipBadRows: $skip) {
    stored rows peopleCreated peopleMatched organizationsCreated enrolled alreadyEnrolled
    errors { line field reason }
  }
}`;
const ROSTER = `query($id: ID!) { trainingEvent(id: $id) { roster { person { id fullName fullNameAlt sex category position country language } } } }`;
const PEOPLE = `{ people(first: 1) { totalCount } }`;

describe('importing a roster file into a training event', () => {
  let t: TestApp;
  let ownerId: string;
  let programmeId: string;
  let trainer: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    ownerId = (await anOrganization().named('UNODC Regional Office').create(t)).id;
    programmeId = (await aProgramme(ownerId).titled('Investigating trafficking cases').create(t))
      .id;
    trainer = await anAccount(t, 'TRAINER');
  });
  afterAll(() => t.close());

  /** A three-day seminar of the trainer's in Samarkand, 4–6 March 2024, completed after two days. */
  const aSeminar = () =>
    aTrainingEvent(programmeId)
      .titled('Seminar')
      .on('2024-03-04', '2024-03-06')
      .ledBy(trainer.id)
      .completedAfter({ minDays: 2 });
  const anEvent = async (seminar: TrainingEventBuilder = aSeminar()): Promise<string> =>
    (await seminar.create(t)).id;

  const importRoster = (eventId: string, csv: string, skip?: boolean, token = trainer.token) =>
    t.gql(IMPORT, { eventId, csv, skip }, token);
  const peopleCount = async () =>
    (await t.ok(PEOPLE, {}, t.adminToken)).people.totalCount as number;
  const roster = async (eventId: string) =>
    (await t.ok(ROSTER, { id: eventId }, trainer.token)).trainingEvent.roster.map(
      (entry: { person: Record<string, string> }) => entry.person,
    );

  it('imports Cyrillic and Uzbek Latin names as written', async () => {
    const eventId = await anEvent();
    const before = await peopleCount();
    const csv =
      'full_name,full_name_alt,email,sex,category,position,organization,country\n' +
      'Oʻtkir Rahimov,Ўткир Рахимов,OTKIR@example.uz,м,investigator,Senior investigator,Samarqand viloyati IIB,UZ\n' +
      'Малика Қодирова,Malika Qodirova,,F,judge,,Samarqand viloyati IIB,\n' +
      'Gʻulom Toʻrayev,,,male,operational officer,,,KZ\n';
    const res = await importRoster(eventId, csv);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importRoster).toEqual({
      stored: true,
      rows: 3,
      peopleCreated: 3,
      peopleMatched: 0,
      organizationsCreated: 1,
      enrolled: 3,
      alreadyEnrolled: 0,
      errors: [],
    });
    expect(await peopleCount()).toBe(before + 3);
    const people = await roster(eventId);
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fullName: 'Oʻtkir Rahimov',
          fullNameAlt: 'Ўткир Рахимов',
          sex: 'MALE',
          category: 'INVESTIGATOR',
          position: 'Senior investigator',
        }),
        expect.objectContaining({ fullName: 'Малика Қодирова', sex: 'FEMALE', country: 'UZ' }),
        expect.objectContaining({ fullName: 'Gʻulom Toʻrayev', category: 'OPERATIONAL_OFFICER' }),
      ]),
    );
  });

  it('matches people by email, else by name and organization, and never duplicates them', async () => {
    const org = await anOrganization().named('Tashkent City Prosecutor').create(t);
    const byEmail = await aPerson()
      .named('Dilnoza Karimova')
      .withEmail('dilnoza@example.uz')
      .create(t);
    const byName = await aPerson().named('Азиз Юсупов').in(org.id).create(t);
    const noOrg = await aPerson().named('Sardor Aliyev').create(t);
    const eventId = await anEvent();
    const before = await peopleCount();
    const csv =
      'ФИО;email;организация\r\n' +
      'Dilnoza Karimova (renamed);DILNOZA@example.uz;\r\n' +
      'Азиз Юсупов;;Tashkent City Prosecutor\r\n' +
      'Sardor Aliyev;;\r\n' +
      'Азиз Юсупов;;Another Office\r\n';
    const report = (await importRoster(eventId, csv)).data!.importRoster;
    expect(report).toMatchObject({
      stored: true,
      rows: 4,
      peopleMatched: 3,
      peopleCreated: 1,
      organizationsCreated: 1,
      enrolled: 4,
    });
    expect(await peopleCount()).toBe(before + 1);
    const ids = (await roster(eventId)).map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([byEmail.id, byName.id, noOrg.id]));

    // The same file again enrolls nobody twice and creates nobody.
    const again = (await importRoster(eventId, csv)).data!.importRoster;
    expect(again).toMatchObject({
      stored: true,
      peopleMatched: 4,
      peopleCreated: 0,
      organizationsCreated: 0,
      enrolled: 0,
      alreadyEnrolled: 4,
    });
    expect(await peopleCount()).toBe(before + 1);
    expect(await roster(eventId)).toHaveLength(4);
  });

  it('matches a name and an organization however the apostrophe, case or script is written, never duplicating', async () => {
    const org = await anOrganization().named('Fargʻona viloyati IIB').create(t);
    const dilnoza = await aPerson()
      .named('Gʻulomova Dilnoza', 'Ғуломова Дилноза')
      .in(org.id)
      .create(t);
    // Written in English transliteration; the Cyrillic is only the other name.
    const alisher = await aPerson().named('Rakhimov Alisher', 'Рахимов Алишер').create(t);
    const gayrat = await aPerson().named('Toʻrayev Gʻayrat').create(t);
    const eventId = await anEvent();
    const before = await peopleCount();
    const first = (
      await importRoster(
        eventId,
        'ФИО;организация\r\n' +
          "G'ulomova Dilnoza;Farg'ona viloyati IIB\r\n" +
          'Рахимов Алишер;\r\n' +
          'TO‘RAYEV G’AYRAT;\r\n',
      )
    ).data!.importRoster;
    expect(first).toEqual({
      stored: true,
      rows: 3,
      peopleCreated: 0,
      peopleMatched: 3,
      organizationsCreated: 0,
      enrolled: 3,
      alreadyEnrolled: 0,
      errors: [],
    });
    expect((await roster(eventId)).map((p: { id: string }) => p.id).sort()).toEqual(
      [dilnoza.id, alisher.id, gayrat.id].sort(),
    );

    // Every other way of writing her and her office is the same person in the same office.
    for (const [name, office] of [
      ['G‘ulomova Dilnoza', 'Fargʻona viloyati IIB'],
      ['G’ulomova Dilnoza', 'FARG`ONA VILOYATI IIB'],
      ['G`ulomova dilnoza', "Farg'ona viloyati IIB"],
      ['Gulomova Dilnoza', 'Fargona viloyati IIB'],
      ['ҒУЛОМОВА ДИЛНОЗА', 'Фарғона вилояти ИИБ'],
      ['Гуломова Дилноза', 'Фаргона вилояти ИИБ'],
    ]) {
      const again = (await importRoster(eventId, `full_name,organization\n${name},${office}\n`))
        .data!.importRoster;
      expect([name, again]).toEqual([
        name,
        expect.objectContaining({
          stored: true,
          peopleMatched: 1,
          peopleCreated: 0,
          organizationsCreated: 0,
          alreadyEnrolled: 1,
        }),
      ]);
    }
    expect(await peopleCount()).toBe(before);
    expect(await roster(eventId)).toHaveLength(3);

    // Two rows of one file are one person by the same rule.
    const twice = (
      await importRoster(
        await anEvent(),
        'full_name,organization\n' +
          'Gʻulomova Dilnoza,Fargʻona viloyati IIB\n' +
          "G'ulomova Dilnoza,Farg'ona viloyati IIB\n" +
          'Ғуломова Дилноза,Фарғона вилояти ИИБ\n',
      )
    ).data!.importRoster;
    expect(twice.errors).toEqual([
      { line: 3, field: 'full_name', reason: 'the same person as line 2' },
      { line: 4, field: 'full_name', reason: 'the same person as line 2' },
    ]);
  });

  it('imports the regional files of the 2023 series, namesakes with their own emails included', async () => {
    // Each of the 14 seminars' files lists two officers of the same ministry who share a
    // name but not an email, and two namesakes of different courts without emails.
    const regions = [
      'Tashkent city',
      'Tashkent region',
      'Samarkand region',
      'Bukhara region',
      'Fergana region',
      'Andijan region',
      'Namangan region',
      'Kashkadarya region',
      'Surkhandarya region',
      'Khorezm region',
      'Navoi region',
      'Jizzakh region',
      'Syrdarya region',
      'Republic of Karakalpakstan',
    ];
    const fileOf = (r: number) =>
      'ФИО;email;пол;категория;организация\r\n' +
      `Aziz Karimov;aziz.karimov.${r}a@iiv.uz;м;operational officer;IIV ${regions[r]}\r\n` +
      `Aziz Karimov;aziz.karimov.${r}b@iiv.uz;м;investigator;IIV ${regions[r]}\r\n` +
      `Dilnoza Yusupova;;ж;judge;Court of ${regions[r]}\r\n` +
      `Dilnoza Yusupova;;ж;prosecutor;Prosecutor of ${regions[r]}\r\n` +
      `Sardor Aliyev ${r};sardor.${r}@iiv.uz;м;operational officer;IIV ${regions[r]}\r\n`;
    const before = await peopleCount();
    const events: string[] = [];
    for (const [r] of regions.entries()) {
      const eventId = await anEvent();
      events.push(eventId);
      const report = (await importRoster(eventId, fileOf(r))).data!.importRoster;
      expect(report).toEqual({
        stored: true,
        rows: 5,
        peopleCreated: 5,
        peopleMatched: 0,
        organizationsCreated: 3,
        enrolled: 5,
        alreadyEnrolled: 0,
        errors: [],
      });
      const names = (await roster(eventId)).map((p: { fullName: string }) => p.fullName);
      expect(names.filter((name: string) => name === 'Aziz Karimov')).toHaveLength(2);
      expect(names.filter((name: string) => name === 'Dilnoza Yusupova')).toHaveLength(2);
    }
    expect(await peopleCount()).toBe(before + 5 * regions.length);

    // Importing every file again finds each namesake as the person they are.
    for (const [r, eventId] of events.entries()) {
      const again = (await importRoster(eventId, fileOf(r))).data!.importRoster;
      expect(again).toMatchObject({
        stored: true,
        peopleMatched: 5,
        peopleCreated: 0,
        enrolled: 0,
        alreadyEnrolled: 5,
        errors: [],
      });
    }
    expect(await peopleCount()).toBe(before + 5 * regions.length);
  });

  it('takes rows for one person by the rule people are matched by: an email, else a name without one', async () => {
    const eventId = await anEvent();
    const csv =
      'full_name,email,organization\n' +
      'Aziz Karimov,aziz@iiv.uz,IIV Navoi\n' +
      'Aziz Karimov,aziz.k@iiv.uz,IIV Navoi\n' +
      'Akmal Karimov,AZIZ@iiv.uz,IIV Navoi\n' +
      'Aziz Karimov,aziz@iiv.uz,IIV Navoi\n' +
      'Aziz Karimov,,IIV Navoi\n' +
      'Bobur Toshmatov,,IIV Navoi\n' +
      'Bobur Toshmatov,,IIV Navoi\n' +
      'Bobur Toshmatov,,IIV Jizzakh\n' +
      'Bobur Toshmatov,bobur@iiv.uz,IIV Navoi\n';
    const report = (await importRoster(eventId, csv)).data!.importRoster;
    expect(report.stored).toBe(false);
    expect(report.errors).toEqual([
      { line: 4, field: 'email', reason: 'the same email as line 2, which is Aziz Karimov' },
      { line: 5, field: 'email', reason: 'the same person as line 2' },
      {
        line: 6,
        field: 'full_name',
        reason: 'the same name and organization as line 2, without an email to tell them apart',
      },
      { line: 8, field: 'full_name', reason: 'the same person as line 7' },
      {
        line: 10,
        field: 'full_name',
        reason: 'the same name and organization as line 7, without an email to tell them apart',
      },
    ]);
    const good = (await importRoster(eventId, csv, true)).data!.importRoster;
    expect(good).toMatchObject({ stored: true, peopleCreated: 4, enrolled: 4 });
  });

  it('matches a directory namesake only by an email, or by name when one of them has none', async () => {
    const org = await anOrganization().named('IIV Fergana').create(t);
    const jasur = await aPerson()
      .named('Jasur Rahimov')
      .withEmail('jasur@iiv.uz')
      .in(org.id)
      .create(t);
    const eventId = await anEvent();
    const header = 'full_name,email,organization\n';

    // Another email: another person, not the one in the directory.
    const namesake = (
      await importRoster(eventId, `${header}Jasur Rahimov,jasur.r@iiv.uz,IIV Fergana\n`)
    ).data!.importRoster;
    expect(namesake).toMatchObject({ stored: true, peopleCreated: 1, peopleMatched: 0 });
    const ids = (await roster(eventId)).map((p: { id: string }) => p.id);
    expect(ids).not.toContain(jasur.id);

    // Now two Jasur Rahimovs of IIV Fergana have emails: a row without one cannot tell which.
    const other = await anEvent();
    const ambiguous = (await importRoster(other, `${header}Jasur Rahimov,,IIV Fergana\n`)).data!
      .importRoster;
    expect(ambiguous.stored).toBe(false);
    expect(ambiguous.errors).toEqual([
      {
        line: 2,
        field: 'email',
        reason:
          '2 people named Jasur Rahimov in IIV Fergana are in the directory: give the email of this one',
      },
    ]);
    const byEmail = (await importRoster(other, `${header}Jasur Rahimov,JASUR@iiv.uz,IIV Fergana\n`))
      .data!.importRoster;
    expect(byEmail).toMatchObject({ stored: true, peopleMatched: 1, peopleCreated: 0 });
    expect((await roster(other)).map((p: { id: string }) => p.id)).toEqual([jasur.id]);

    // One without an email in the directory is the person a row of that name is.
    const noEmail = await aPerson().named('Otabek Nazarov').in(org.id).create(t);
    const third = await anEvent();
    const matched = (
      await importRoster(third, `${header}Otabek Nazarov,otabek@iiv.uz,IIV Fergana\n`)
    ).data!.importRoster;
    expect(matched).toMatchObject({ stored: true, peopleMatched: 1, peopleCreated: 0 });
    expect((await roster(third)).map((p: { id: string }) => p.id)).toEqual([noEmail.id]);
  });

  it('gives new trainees the language of the file, else of the event', async () => {
    const eventId = await anEvent(aSeminar().taughtIn('UZ'));
    await aPerson().named('Nodira Saidova').speaking('EN').withEmail('nodira@til.uz').create(t);
    await aPerson().named('Feruza Hasanova').speaking('EN').withEmail('feruza@til.uz').create(t);
    const csv =
      'full_name,email,til\n' +
      'Oʻtkir Rahimov,otkir@til.uz,\n' +
      'Малика Қодирова,malika@til.uz,русский\n' +
      'John Smith,john@til.uz,English\n' +
      "Gʻayrat Toʻxtayev,gayrat@til.uz,O'zbek tili\n" +
      'Aziz Saidov,aziz.saidov@til.uz,ru\n' +
      'Nodira Saidova,nodira@til.uz,\n' +
      'Feruza Hasanova,feruza@til.uz,Ўзбекча\n';
    const report = (await importRoster(eventId, csv)).data!.importRoster;
    expect(report).toMatchObject({ stored: true, peopleCreated: 5, peopleMatched: 2, errors: [] });
    const language = Object.fromEntries(
      (await roster(eventId)).map((p: { fullName: string; language: string }) => [
        p.fullName,
        p.language,
      ]),
    );
    expect(language).toEqual({
      'Oʻtkir Rahimov': 'UZ',
      'Малика Қодирова': 'RU',
      'John Smith': 'EN',
      'Gʻayrat Toʻxtayev': 'UZ',
      'Aziz Saidov': 'RU',
      // Matched people keep theirs unless the file says otherwise.
      'Nodira Saidova': 'EN',
      'Feruza Hasanova': 'UZ',
    });

    const bad = (await importRoster(eventId, 'ФИО;язык\nKlaus Weber;klingon\n')).data!.importRoster;
    expect(bad.errors).toEqual([
      {
        line: 2,
        field: 'language',
        reason: 'unknown language "klingon" (en, ru or uz, or the name: English, русский, oʻzbek…)',
      },
    ]);
  });

  it('reads only its own words for sex, category and language ("constructor" is none of them)', async () => {
    const eventId = await anEvent();
    const report = (
      await importRoster(
        eventId,
        'full_name,sex,category,language\n' +
          'Ali Valiyev,constructor,,\n' +
          'Vali Aliyev,,__proto__,\n' +
          'Olim Valiyev,,,toString\n' +
          'Nilufar Rahimova,Ayol,Sudya,oʻzbekcha\n',
      )
    ).data!.importRoster;
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'sex'],
      [3, 'category'],
      [4, 'language'],
    ]);
    const good = (await importRoster(eventId, 'full_name,sex\nNilufar Rahimova,Ayol\n')).data!
      .importRoster;
    expect(good).toMatchObject({ stored: true, enrolled: 1 });
    expect(await roster(eventId)).toEqual([
      expect.objectContaining({ fullName: 'Nilufar Rahimova', sex: 'FEMALE' }),
    ]);
  });

  it('writes the certificate of an imported trainee in the language of the event', async () => {
    const eventId = await anEvent(aSeminar().taughtIn('UZ'));
    await importRoster(eventId, 'full_name\nShahnoza Mirzayeva\n');
    const [{ enrollment }] = (
      await t.ok(
        `query($id: ID!) { trainingEvent(id: $id) { roster { enrollment { id } } } }`,
        { id: eventId },
        trainer.token,
      )
    ).trainingEvent.roster;
    for (const day of ['2024-03-04', '2024-03-05'])
      await attendanceOn(eventId, day).present(enrollment.id).record(t, trainer.token);
    await t.ok(
      `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`,
      {
        input: {
          trainingEventId: eventId,
          serialPrefix: 'LET',
          signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
        },
      },
      trainer.token,
    );
    const [person] = await roster(eventId);
    const { issueCertificate } = await t.ok(
      `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { languages } }`,
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId, personId: person.id } },
      trainer.token,
    );
    expect(issueCertificate.languages).toEqual(['UZ']);
  });

  const BAD =
    'full_name,email,sex,category,country,position\n' +
    'Good One,good.one@example.uz,F,,,\n' +
    ',missing@example.uz,,,,\n' +
    'Bad Email,not-an-email,,,,\n' +
    'Bad Sex,,X,,,\n' +
    'Bad Category,,,astronaut,,\n' +
    'Bad Country,,,,XY,\n' +
    'Twice,GOOD.ONE@example.uz,,,,\n' +
    `Long Position,,,,,${'x'.repeat(201)}\n` +
    'Good Two,,M,prosecutor,KZ,\n';

  it('reports every bad row with its line and reason, and stores nothing', async () => {
    const eventId = await anEvent();
    const before = await peopleCount();
    const res = await importRoster(eventId, BAD);
    expect(res.errors).toBeUndefined();
    const report = res.data!.importRoster;
    expect(report.stored).toBe(false);
    expect(report.rows).toBe(9);
    expect(report.enrolled).toBe(0);
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'full_name'],
      [4, 'email'],
      [5, 'sex'],
      [6, 'category'],
      [7, 'country'],
      [8, 'email'],
      [9, 'position'],
    ]);
    expect(report.errors[5].reason).toMatch(/line 2/);
    expect(await peopleCount()).toBe(before);
    expect(await roster(eventId)).toHaveLength(0);
  });

  it('with skipBadRows stores the good rows and reports the bad ones', async () => {
    const eventId = await anEvent();
    const before = await peopleCount();
    const report = (await importRoster(eventId, BAD, true)).data!.importRoster;
    expect(report).toMatchObject({ stored: true, peopleCreated: 2, enrolled: 2 });
    expect(report.errors).toHaveLength(7);
    expect(await peopleCount()).toBe(before + 2);
    expect((await roster(eventId)).map((p: { fullName: string }) => p.fullName).sort()).toEqual([
      'Good One',
      'Good Two',
    ]);
  });

  it('in a dry run checks the file, says what its good rows would do, and stores nothing', async () => {
    const eventId = await anEvent();
    await aPerson().named('Known Trainee').withEmail('known-dry@example.uz').create(t);
    const before = await peopleCount();
    const csv = `${BAD}Known Trainee,known-dry@example.uz,,,,\n`;
    const res = await t.gql(
      `mutation($eventId: ID!, $csv: String!) {
         importRoster(eventId: $eventId, csv: $csv, dryRun: true) {
           stored rows peopleCreated peopleMatched enrolled alreadyEnrolled
           errors { line field } goodRows { line fullName matched alreadyEnrolled }
         }
       }`,
      { eventId, csv },
      trainer.token,
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.importRoster;
    // Good One and Good Two are in the directory already when earlier tests imported them.
    expect(report).toMatchObject({ stored: false, rows: 10, enrolled: 3, alreadyEnrolled: 0 });
    expect(report.peopleCreated + report.peopleMatched).toBe(3);
    expect(report.errors).toHaveLength(7);
    expect(
      report.goodRows.map((r: { line: number; fullName: string }) => [r.line, r.fullName]),
    ).toEqual([
      [2, 'Good One'],
      [10, 'Good Two'],
      [11, 'Known Trainee'],
    ]);
    expect(report.goodRows[2]).toMatchObject({ matched: true, alreadyEnrolled: false });
    expect(await peopleCount()).toBe(before);
    expect(await roster(eventId)).toHaveLength(0);
  });

  it('refuses rows beyond the capacity, and files with an unknown column', async () => {
    const eventId = await anEvent(aSeminar().seats(2));
    const full = (await importRoster(eventId, 'name\nA One\nB Two\nC Three\n')).data!.importRoster;
    expect(full.stored).toBe(false);
    expect(full.errors).toEqual([{ line: 4, field: null, reason: 'event is full (2 trainees)' }]);
    const header = (await importRoster(eventId, 'name,emial\nA One,a@b.uz\n', true)).data!
      .importRoster;
    expect(header.stored).toBe(false);
    expect(header.errors[0]).toMatchObject({ line: 1, field: 'emial' });
  });

  it('reads a semicolon file saved by Excel, with a BOM and CRLF', async () => {
    const eventId = await anEvent();
    const csv =
      '\uFEFFФИО;Пол;Категория;Организация;Тип организации\r\n' +
      '"Рахимова; Нилуфар";ж;судья;"ННО ""Истиқбол""";ngo\r\n';
    const report = (await importRoster(eventId, csv)).data!.importRoster;
    expect(report).toMatchObject({ stored: true, enrolled: 1, organizationsCreated: 1 });
    expect(await roster(eventId)).toEqual([
      expect.objectContaining({ fullName: 'Рахимова; Нилуфар', sex: 'FEMALE', category: 'JUDGE' }),
    ]);
    const orgs = await t.ok(
      `{ organizations(filter: { search: "Истиқбол" }) { nodes { name type } } }`,
      {},
      t.adminToken,
    );
    expect(orgs.organizations.nodes).toEqual([{ name: 'ННО "Истиқбол"', type: 'NGO' }]);
  });

  it('is only for those who run the event', async () => {
    const eventId = await anEvent();
    const other = await anAccount(t, 'TRAINER');
    await anEvent(aSeminar().ledBy(other.id));
    const res = await importRoster(eventId, 'name\nSomeone Else\n', false, other.token);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCode(res));
    const participant = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(
      errorCode(await importRoster(eventId, 'name\nX Y\n', false, participant.token)),
    );
    expect(await roster(eventId)).toHaveLength(0);
  });
});
