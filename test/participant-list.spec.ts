import { MikroORM } from '@mikro-orm/core';
import { Delegation, DelegationKind, Registration } from '@platform/conferences';
import { parseCsv } from '@platform/core';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from './factories';
import { pdfText } from './support/pdf';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const CONSENT = `mutation($r: ID!, $listed: Boolean!) { setListedConsent(registrationId: $r, listed: $listed) { id listed } }`;
const LIST = `query($e: ID!, $scope: ParticipantListScope) {
  participantList(editionId: $e, scope: $scope) { delegation organization name position status listed }
}`;

/**
 * The official list of participants: by delegation and organization, names in the list
 * language's script, only seated people who agreed to be listed; public once the edition is
 * published. Organizers also get the internal list of everyone, with a "listed" column.
 */
describe('the list of participants: consent, public and internal, PDF and CSV in en/ru/uz', () => {
  let t: TestApp;
  let organizer: { token: string };
  let editionId: string;
  let draftId: string;
  const people: Record<string, { personId: string; registrationId: string; token?: string }> = {};

  const csvOf = async (path: string, token?: string) => {
    const res = await t.download(path, token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return parseCsv(res.body.toString('utf8'));
  };

  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
    organizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    editionId = (
      await anEdition(series.id)
        .inYear(2026)
        .hostedBy('TM', 'Ashgabat')
        .seats(4)
        .openForRegistration()
        .create(t, organizer.token)
    ).id;
    draftId = (await anEdition(series.id).inYear(2027).create(t, organizer.token)).id;
    const ministry = await anOrganization()
      .named('Ministry of Internal Affairs')
      .from('UZ')
      .create(t, organizer.token);
    const unodc = await anOrganization()
      .named('UNODC')
      .ofType('INTERNATIONAL_ORGANIZATION')
      .from('AT')
      .create(t, organizer.token);

    const add = async (
      key: string,
      name: string,
      cyrillic: string | undefined,
      country: string,
      organizationId?: string,
    ) => {
      const builder = aPerson().named(name, cyrillic).from(country).withEmail(`${key}@example.org`);
      if (organizationId) builder.in(organizationId);
      const person = await builder.create(t, organizer.token);
      const { data } = await register(t, editionId, person.id, organizer.token);
      people[key] = { personId: person.id, registrationId: data!.registerParticipant.id };
    };
    await add('malika', 'Malika Qodirova', 'Малика Қодирова', 'UZ', ministry.id);
    await add('aziz', 'Aziz Karimov', 'Азиз Каримов', 'UZ', ministry.id);
    await add('aigul', 'Aigul Nurlanova', 'Айгуль Нурланова', 'KZ');
    await add('john', 'John Smith', undefined, 'US', unodc.id);
    // The fifth is waitlisted (4 seats): never on the public list, even if they agree.
    await add('timur', 'Timur Aliyev', 'Тимур Алиев', 'TJ');

    // John came through UNODC's delegation.
    const em = t.app.get(MikroORM).em.fork();
    const delegation = em.create(Delegation, {
      edition: editionId,
      kind: DelegationKind.ORGANIZATION,
      organization: unodc.id,
      seats: 2,
    });
    await em.flush();
    await em.nativeUpdate(Registration, { id: people.john.registrationId }, { delegation });

    // Consent: given by the person, through their own account.
    for (const key of ['malika', 'aigul', 'john', 'timur']) {
      const account = await anAccount(t, 'PARTICIPANT', people[key].personId);
      people[key].token = account.token;
      await t.ok(CONSENT, { r: people[key].registrationId, listed: true }, account.token);
    }
  });

  afterAll(() => t?.close());

  it('lets only the person change their consent', async () => {
    const aziz = await anAccount(t, 'PARTICIPANT', people.aziz.personId);
    people.aziz.token = aziz.token;
    const mine = await t.ok(CONSENT, { r: people.aziz.registrationId, listed: true }, aziz.token);
    expect(mine.setListedConsent.listed).toBe(true);
    expect(
      (await t.ok(CONSENT, { r: people.aziz.registrationId, listed: false }, aziz.token))
        .setListedConsent.listed,
    ).toBe(false);
    // Another participant: NOT_FOUND; the organizer sees it but may not decide for them.
    expect(
      errorCode(
        await t.gql(CONSENT, { r: people.aziz.registrationId, listed: true }, people.malika.token),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await t.gql(CONSENT, { r: people.aziz.registrationId, listed: true }, organizer.token),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CONSENT, { r: people.aziz.registrationId, listed: true }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('asks for the consent when a participant registers themself', async () => {
    const person = await aPerson()
      .named('Shirin Rahimova')
      .withEmail('shirin@example.org')
      .create(t);
    const account = await anAccount(t, 'PARTICIPANT', person.id);
    const { registerForEdition } = await t.ok(
      `mutation($e: ID!) { registerForEdition(editionId: $e, listed: true) { id status listed } }`,
      { e: editionId },
      account.token,
    );
    // The edition is full: waitlisted, and so not on the public list despite the consent.
    expect(registerForEdition).toMatchObject({ status: 'WAITLISTED', listed: true });
  });

  it('lists only seated people who agreed, by delegation, in the script of each language', async () => {
    const en = (await t.ok(LIST, { e: editionId })).participantList;
    expect(en).toEqual([
      {
        delegation: 'Kazakhstan',
        organization: null,
        name: 'Aigul Nurlanova',
        position: null,
        status: null,
        listed: null,
      },
      expect.objectContaining({
        delegation: 'Uzbekistan',
        organization: 'Ministry of Internal Affairs',
        name: 'Malika Qodirova',
      }),
      expect.objectContaining({ delegation: 'UNODC', organization: 'UNODC', name: 'John Smith' }),
    ]);
    const ru = (await t.ok(LIST, { e: editionId }, undefined, { 'accept-language': 'ru' }))
      .participantList;
    expect(ru.map((row: { name: string }) => row.name)).toEqual([
      'Айгуль Нурланова',
      'Малика Қодирова',
      'John Smith',
    ]);
    expect(ru[0].delegation).toBe('Казахстан');

    for (const [language, names, heading] of [
      ['en', ['Malika Qodirova', 'Aigul Nurlanova', 'John Smith'], 'LIST OF PARTICIPANTS'],
      ['ru', ['Малика Қодирова', 'Айгуль Нурланова', 'John Smith'], 'СПИСОК УЧАСТНИКОВ'],
      ['uz', ['Malika Qodirova', 'Aigul Nurlanova', 'John Smith'], 'ISHTIROKCHILAR ROʻYXATI'],
    ] as const) {
      const pdf = await t.download(
        `/documents/editions/${editionId}/participants.pdf?language=${language}`,
      );
      expect(pdf.status).toBe(200);
      const text = await pdfText(pdf.body);
      expect(text).toContain(heading);
      for (const name of names) expect(text).toContain(name);
      for (const absent of ['Aziz', 'Азиз', 'Timur', 'Тимур', 'Shirin'])
        expect(text).not.toContain(absent);

      const rows = await csvOf(
        `/documents/editions/${editionId}/participants.csv?language=${language}`,
      );
      expect(rows.slice(1).map((row) => row[2])).toEqual([names[1], names[0], names[2]]);
      expect(rows.flat().join(' ')).not.toMatch(/Aziz|Азиз|Timur|Тимур|Shirin/);
    }
    const header = await csvOf(`/documents/editions/${editionId}/participants.csv?language=ru`);
    expect(header[0]).toEqual(['Делегация', 'Организация', 'ФИО', 'Должность']);
  });

  it('gives the organizers the internal list of everyone, with whether each is listed', async () => {
    const { participantList } = await t.ok(
      LIST,
      { e: editionId, scope: 'INTERNAL' },
      organizer.token,
    );
    expect(participantList).toHaveLength(6);
    expect(participantList).toContainEqual(
      expect.objectContaining({ name: 'Aziz Karimov', listed: false, status: 'REGISTERED' }),
    );
    expect(participantList).toContainEqual(
      expect.objectContaining({ name: 'Timur Aliyev', listed: true, status: 'WAITLISTED' }),
    );
    const rows = await csvOf(
      `/documents/editions/${editionId}/participants.csv?scope=internal&language=en`,
      organizer.token,
    );
    expect(rows[0]).toEqual(['Delegation', 'Organization', 'Name', 'Position', 'Status', 'Listed']);
    expect(rows).toContainEqual([
      'Uzbekistan',
      'Ministry of Internal Affairs',
      'Aziz Karimov',
      '',
      'registered',
      'no',
    ]);
    const pdf = await t.download(
      `/documents/editions/${editionId}/participants.pdf?scope=internal&language=uz`,
      organizer.token,
    );
    const text = await pdfText(pdf.body);
    expect(text).toContain('Aziz Karimov');
    expect(text).toMatch(/kutish\s+roʻyxatida/);
    expect(text).toContain('Roʻyxatda');

    // Anyone else: the internal list is not theirs.
    expect(
      (
        await t.download(
          `/documents/editions/${editionId}/participants.csv?scope=internal`,
          people.malika.token,
        )
      ).status,
    ).toBe(403);
    expect(
      errorCode(await t.gql(LIST, { e: editionId, scope: 'INTERNAL' }, people.malika.token)),
    ).toBe('FORBIDDEN');
    expect(
      (await t.download(`/documents/editions/${editionId}/participants.csv?scope=internal`)).status,
    ).toBe(401);
  });

  it('keeps the list of an unpublished edition to its organizers, and refuses wrong parameters', async () => {
    expect((await t.download(`/documents/editions/${draftId}/participants.pdf`)).status).toBe(404);
    expect(
      (await t.download(`/documents/editions/${draftId}/participants.pdf`, organizer.token)).status,
    ).toBe(200);
    const wrong = await t.download(`/documents/editions/${editionId}/participants.csv?language=de`);
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body.toString()).field).toBe('language');
    const scope = await t.download(`/documents/editions/${editionId}/participants.csv?scope=all`);
    expect(JSON.parse(scope.body.toString()).field).toBe('scope');
  });

  it('writes a name a spreadsheet would run as a formula as text', async () => {
    const person = await aPerson().named('=HYPERLINK("http://x")').from('KG').create(t);
    const { data } = await register(t, draftId, person.id, organizer.token);
    expect(data?.registerParticipant.id).toBeDefined();
    const rows = await csvOf(
      `/documents/editions/${draftId}/participants.csv?scope=internal`,
      organizer.token,
    );
    expect(rows[1][2]).toBe(`'=HYPERLINK("http://x")`);
  });
});
