import { MailWorker } from '@platform/mail';
import { anAccount, aPerson, aSeries } from './factories';
import { CREATE_EDITION, editionInput } from './support/conferences';
import { pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { startTestApp, TestApp } from './support/test-app';

const ADD_SESSION = `mutation($editionId: ID!, $input: AgendaSessionInput!) {
  addAgendaSession(editionId: $editionId, input: $input) { id }
}`;
const UPDATE_SESSION = `mutation($id: ID!, $input: UpdateAgendaSessionInput!) {
  updateAgendaSession(id: $id, input: $input) { id }
}`;
const MISSING = `query($id: ID!) {
  edition(id: $id) { missingTranslations { itemType itemId field text languages } }
}`;

/**
 * A conference edition translated whole (its sessions, speakers' titles, working groups,
 * recommendations and partners): read in Russian or Uzbek, nothing in English is left
 * where a translation exists, in the documents, the mail and the API.
 */
describe('a translated conference edition', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let editionId: string;

  const EN = {
    title: 'Regional conference on combating trafficking in persons',
    theme: 'Use and abuse of technology',
    venue: 'International Hotel',
    session: 'Welcoming speech',
    room: 'Amir Temur hall',
    speakerTitle: 'Deputy Minister of Justice',
    group: 'Social partnership',
    recommendation: 'Improve the referral of victims between state bodies and NGOs.',
    addressee: 'National commissions',
    partner: 'National Commission on Combating Trafficking',
  };
  const RU = {
    title: 'Региональная конференция по противодействию торговле людьми',
    theme: 'Использование технологий и злоупотребление ими',
    city: 'Ташкент',
    venue: 'Отель Интернешнл',
    session: 'Приветственное слово',
    room: 'Зал Амир Темур',
    speakerTitle: 'Заместитель министра юстиции',
    group: 'Социальное партнёрство',
    recommendation: 'Улучшить направление жертв между государственными органами и ННО.',
    addressee: 'Национальные комиссии',
    partner: 'Национальная комиссия по противодействию торговле людьми',
  };
  const UZ = {
    title: 'Odam savdosiga qarshi kurash boʻyicha mintaqaviy konferensiya',
    theme: 'Texnologiyalardan foydalanish va suiisteʼmol qilish',
    city: 'Toshkent',
    venue: 'Xalqaro mehmonxona',
    session: 'Tabrik soʻzi',
    room: 'Amir Temur zali',
    speakerTitle: 'Adliya vazirining oʻrinbosari',
    group: 'Ijtimoiy sheriklik',
    recommendation:
      'Jabrlanuvchilarni davlat organlari va NNTlar oʻrtasida yoʻnaltirishni yaxshilash.',
    addressee: 'Milliy komissiyalar',
    partner: 'Odam savdosiga qarshi kurash boʻyicha milliy komissiya',
  };
  const both = (key: keyof typeof RU) => ({ ru: RU[key], uz: UZ[key] });

  async function runWorker(): Promise<void> {
    const worker = t.app.get(MailWorker);
    while ((await worker.drainOnce()) > 0);
  }

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_RETRY_BASE_SECONDS: '0',
      MAIL_RATE_PER_SECOND: '1000',
    });
    const { id: seriesId } = await aSeries(t);
    editionId = (
      await t.ok(
        CREATE_EDITION,
        {
          input: editionInput(seriesId, 2022, {
            hostCountry: 'UZ',
            title: EN.title,
            theme: EN.theme,
            venue: EN.venue,
            translations: [
              { field: 'title', ...both('title') },
              { field: 'theme', ...both('theme') },
              { field: 'city', ...both('city') },
              { field: 'venue', ...both('venue') },
            ],
          }),
        },
        t.adminToken,
      )
    ).createEdition.id;
    await t.ok(
      `mutation($id: ID!) { updateEdition(id: $id, input: { isPublished: true }) { id } }`,
      { id: editionId },
      t.adminToken,
    );

    const partner = await t.ok(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          name: EN.partner,
          type: 'GOVERNMENT',
          country: 'UZ',
          translations: [{ field: 'name', ...both('partner') }],
        },
      },
      t.adminToken,
    );
    await t.ok(
      `mutation($editionId: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $editionId, input: $input) { id } }`,
      { editionId, input: { organizationId: partner.createOrganization.id, role: 'HOST' } },
      t.adminToken,
    );
    const group = await t.ok(
      `mutation($editionId: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $editionId, input: $input) { id } }`,
      { editionId, input: { name: EN.group, translations: [{ field: 'name', ...both('group') }] } },
      t.adminToken,
    );
    const recommendation = await t.ok(
      `mutation($editionId: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $editionId, input: $input) { id } }`,
      {
        editionId,
        input: {
          text: EN.recommendation,
          addressedTo: EN.addressee,
          workingGroupId: group.createWorkingGroup.id,
          translations: [
            { field: 'text', ...both('recommendation') },
            { field: 'addressedTo', ...both('addressee') },
          ],
        },
      },
      t.adminToken,
    );
    await t.ok(
      `mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { id } }`,
      { id: recommendation.addRecommendation.id },
      t.adminToken,
    );
    const speaker = await aPerson().named('Gʻulomov Oʻtkir').create(t);
    await t.ok(
      ADD_SESSION,
      {
        editionId,
        input: {
          day: 1,
          startTime: '10:00',
          endTime: '10:20',
          kind: 'SPEECH',
          title: EN.session,
          room: EN.room,
          translations: [
            { field: 'title', ...both('session') },
            { field: 'room', ...both('room') },
          ],
          speakers: [
            {
              personId: speaker.id,
              titleOnAgenda: EN.speakerTitle,
              translations: [{ field: 'titleOnAgenda', ...both('speakerTitle') }],
            },
          ],
        },
      },
      t.adminToken,
    );
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const flat = async (path: string) =>
    (await pdfText((await t.download(path)).body)).replace(/\s+/g, ' ');

  it.each([
    ['ru', RU],
    ['uz', UZ],
  ] as const)(
    'prints the agenda and the recommendations in %s, with no English left',
    async (lang, texts) => {
      // The English document has the English texts the others must not show.
      const english = await flat(`/documents/editions/${editionId}/agenda.pdf`);
      expect(english).toContain(EN.session);
      expect(english).toContain('Tashkent');
      const agenda = await flat(`/documents/editions/${editionId}/agenda.pdf?lang=${lang}`);
      const recommendations = await flat(
        `/documents/editions/${editionId}/recommendations.pdf?lang=${lang}`,
      );
      for (const text of [agenda, recommendations]) {
        expect(text).toContain(texts.title);
        expect(text).toContain(texts.city);
        expect(text).toContain(texts.partner);
        expect(text).not.toContain(EN.title);
        expect(text).not.toContain('Tashkent');
        expect(text).not.toContain(EN.partner);
      }
      expect(agenda).toContain(texts.session);
      expect(agenda).toContain(texts.room);
      expect(agenda).toContain(texts.speakerTitle);
      for (const english of [EN.session, EN.room, EN.speakerTitle])
        expect(agenda).not.toContain(english);
      expect(recommendations).toContain(texts.group);
      expect(recommendations).toContain(texts.recommendation);
      expect(recommendations).toContain(texts.addressee);
      for (const english of [EN.group, EN.recommendation, EN.addressee])
        expect(recommendations).not.toContain(english);
    },
  );

  it('reads sessions, speakers, working groups, recommendations and countries in the reader’s language', async () => {
    const data = await t.ok(
      `query($id: ID!) { edition(id: $id) {
        title hostCountryName
        agenda(day: 1) { title room speakers { titleOnAgenda } }
        workingGroups { name }
        recommendations { text addressedTo }
        partners { organization { name countryName } }
      } }`,
      { id: editionId },
      undefined,
      { 'accept-language': 'ru' },
    );
    expect(data.edition).toEqual({
      title: RU.title,
      hostCountryName: 'Узбекистан',
      agenda: [
        { title: RU.session, room: RU.room, speakers: [{ titleOnAgenda: RU.speakerTitle }] },
      ],
      workingGroups: [{ name: RU.group }],
      recommendations: [{ text: RU.recommendation, addressedTo: RU.addressee }],
      partners: [{ organization: { name: RU.partner, countryName: 'Узбекистан' } }],
    });
  });

  it('mails a Russian reader the Russian title and place', async () => {
    await t.ok(
      `mutation($id: ID!) { changeEditionStatus(id: $id, status: REGISTRATION_OPEN) { id } }`,
      { id: editionId },
      t.adminToken,
    );
    const person = await aPerson()
      .named('Ирина Петрова')
      .speaking('RU')
      .withEmail('irina@example.org')
      .create(t);
    await t.ok(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { status } }`,
      { input: { editionId, personId: person.id } },
      t.adminToken,
    );
    await runWorker();
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe(`Регистрация подтверждена: ${RU.title}`);
    expect(mail.text).toContain(`${RU.venue}, ${RU.city}, Узбекистан`);
    expect(mail.text).not.toContain(EN.title);
  });

  it('lists what is left to translate to its organizers only, and the list shrinks as it is done', async () => {
    expect(
      (await t.ok(MISSING, { id: editionId }, t.adminToken)).edition.missingTranslations,
    ).toEqual([]);
    const untranslated = await t.ok(
      ADD_SESSION,
      {
        editionId,
        input: {
          day: 2,
          startTime: '09:00',
          endTime: '09:30',
          kind: 'PLENARY',
          title: 'Plenary session',
          description: 'Reports of the working groups',
          translations: [{ field: 'title', ru: 'Пленарное заседание' }],
        },
      },
      t.adminToken,
    );
    const laterId = untranslated.addAgendaSession.id;
    await t.ok(
      `mutation($input: TemplateOverrideInput!) { setTemplateOverride(input: $input) { id } }`,
      {
        input: {
          editionId,
          template: 'INVITATION',
          language: 'en',
          subject: 'Join us in Tashkent',
          body: 'Dear {{name}},\n\nplease come.',
        },
      },
      t.adminToken,
    );
    const missing = async () =>
      (await t.ok(MISSING, { id: editionId }, t.adminToken)).edition.missingTranslations;
    expect(await missing()).toEqual([
      {
        itemType: 'AgendaSession',
        itemId: laterId,
        field: 'title',
        text: 'Plenary session',
        languages: ['UZ'],
      },
      {
        itemType: 'AgendaSession',
        itemId: laterId,
        field: 'description',
        text: 'Reports of the working groups',
        languages: ['RU', 'UZ'],
      },
      {
        itemType: 'TemplateOverride',
        itemId: expect.any(String),
        field: 'INVITATION',
        text: 'Join us in Tashkent',
        languages: ['RU', 'UZ'],
      },
    ]);

    await t.ok(
      UPDATE_SESSION,
      {
        id: laterId,
        input: {
          translations: [
            { field: 'title', uz: 'Yalpi majlis' },
            { field: 'description', ru: 'Доклады рабочих групп' },
          ],
        },
      },
      t.adminToken,
    );
    expect(
      (await missing()).map((m: { field: string; languages: string[] }) => [m.field, m.languages]),
    ).toEqual([
      ['description', ['UZ']],
      ['INVITATION', ['RU', 'UZ']],
    ]);

    // One statement per kind of item, however many there are.
    const { statements } = await t.countQueries(missing);
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it('lets organizers translate a recommendation and a speaker’s title after the fact', async () => {
    const kinds = async () =>
      (
        (await t.ok(MISSING, { id: editionId }, t.adminToken)).edition.missingTranslations as {
          itemType: string;
          field: string;
        }[]
      )
        .filter((m) => m.itemType !== 'AgendaSession' && m.itemType !== 'TemplateOverride')
        .map((m) => `${m.itemType}.${m.field}`);
    const added = await t.ok(
      `mutation($editionId: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $editionId, input: $input) { id } }`,
      { editionId, input: { text: 'Exchange data on trafficking routes.' } },
      t.adminToken,
    );
    const { agendaDay } = await t.ok(
      `query($id: ID!) { agendaDay(editionId: $id, day: 1) { id } }`,
      { id: editionId },
      t.adminToken,
    );
    const judge = await aPerson().create(t);
    await t.ok(
      `mutation($s: ID!, $input: SpeakerInput!) { addSessionSpeaker(sessionId: $s, input: $input) { id } }`,
      { s: agendaDay[0].id, input: { personId: judge.id, titleOnAgenda: 'Judge' } },
      t.adminToken,
    );
    expect(await kinds()).toEqual(['SessionSpeaker.titleOnAgenda', 'Recommendation.text']);

    await t.ok(
      `mutation($id: ID!, $input: UpdateRecommendationInput!) { updateRecommendation(id: $id, input: $input) { id } }`,
      {
        id: added.addRecommendation.id,
        input: {
          translations: [
            {
              field: 'text',
              ru: 'Обмениваться данными о маршрутах.',
              uz: 'Yoʻnalishlar haqida maʼlumot almashish.',
            },
          ],
        },
      },
      t.adminToken,
    );
    await t.ok(
      `mutation($s: ID!, $p: ID!, $input: UpdateSpeakerInput!) { updateSessionSpeaker(sessionId: $s, personId: $p, input: $input) { id } }`,
      {
        s: agendaDay[0].id,
        p: judge.id,
        input: { translations: [{ field: 'titleOnAgenda', ru: 'Судья', uz: 'Sudya' }] },
      },
      t.adminToken,
    );
    expect(await kinds()).toEqual([]);
  });

  it('keeps the list from participants, other organizers and anonymous readers', async () => {
    const participant = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
    const otherOrganizer = await anAccount(t, 'ORGANIZER');
    for (const token of [participant.token, otherOrganizer.token, undefined]) {
      const res = await t.gql(MISSING, { id: editionId }, token);
      expect(res.data?.edition).toEqual({ missingTranslations: null });
    }
  });
});
