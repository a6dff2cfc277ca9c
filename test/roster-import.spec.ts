import { anAccount, anOrganization, aPerson } from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const IMPORT = `mutation($eventId: ID!, $csv: String!, $skip: Boolean) {
  importRoster(eventId: $eventId, csv: $csv, skipBadRows: $skip) {
    stored rows peopleCreated peopleMatched organizationsCreated enrolled alreadyEnrolled
    errors { line field reason }
  }
}`;
const ROSTER = `query($id: ID!) { trainingEvent(id: $id) { roster { person { id fullName fullNameAlt sex category position country } } } }`;
const PEOPLE = `{ people(first: 1) { totalCount } }`;

describe('importing a roster file into a training event', () => {
  let t: TestApp;
  let ownerId: string;
  let programmeId: string;
  let trainer: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    ownerId = (await anOrganization().named('UNODC Regional Office').create(t)).id;
    programmeId = (
      await t.ok(
        `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
        { input: { title: 'Investigating trafficking cases', ownerId } },
        t.adminToken,
      )
    ).createTrainingProgramme.id;
    trainer = await anAccount(t, 'TRAINER');
  });
  afterAll(() => t.close());

  async function anEvent(capacity?: number, trainerIds = [trainer.id]): Promise<string> {
    const data = await t.ok(
      `mutation($programmeId: ID!, $input: CreateTrainingEventInput!) {
         createTrainingEvent(programmeId: $programmeId, input: $input) { id } }`,
      {
        programmeId,
        input: {
          title: 'Seminar',
          country: 'UZ',
          region: 'Samarkand region',
          city: 'Samarkand',
          startDate: '2024-03-04',
          endDate: '2024-03-06',
          trainerIds,
          capacity,
          completion: { minDays: 2 },
        },
      },
      t.adminToken,
    );
    return data.createTrainingEvent.id;
  }

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

  it('refuses rows beyond the capacity, and files with an unknown column', async () => {
    const eventId = await anEvent(2);
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
    await anEvent(undefined, [other.id]);
    const res = await importRoster(eventId, 'name\nSomeone Else\n', false, other.token);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCode(res));
    const participant = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(
      errorCode(await importRoster(eventId, 'name\nX Y\n', false, participant.token)),
    );
    expect(await roster(eventId)).toHaveLength(0);
  });
});
