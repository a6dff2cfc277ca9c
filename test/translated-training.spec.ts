import { MailWorker } from '@platform/mail';
import { ParsedMail } from 'mailparser';
import {
  anAccount,
  aPerson,
  attendanceOn,
  aTrainingEvent,
  enroll,
  theInlBureau,
  theInteriorMinistry,
} from './factories';
import { pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const CONFIGURE = `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id downloadUrl verificationUrl } }`;
const MISSING = `query($id: ID!) { trainingEvent(id: $id) { missingTranslations { itemType itemId field text languages } } }`;

const MIA = 'Ministry of Internal Affairs of the Republic of Uzbekistan';
const MIA_RU = 'Министерство внутренних дел Республики Узбекистан';
const MIA_UZ = 'Oʻzbekiston Respublikasi Ichki ishlar vazirligi';
const INL = 'Bureau of International Narcotics and Law Enforcement Affairs';

/** The English texts and their versions, as the organizers typed them. */
const TEXTS = {
  programme: [
    'Investigating trafficking in persons',
    'Расследование торговли людьми',
    'Odam savdosini tergov qilish',
  ],
  topic: ['Victim identification', 'Выявление жертв', 'Jabrlanuvchilarni aniqlash'],
  title: [
    'Victim-centred investigations',
    'Расследования с опорой на интересы жертвы',
    'Jabrlanuvchiga yoʻnaltirilgan tergov',
  ],
  region: ['Samarkand region', 'Самаркандская область', 'Samarqand viloyati'],
  city: ['Samarkand', 'Самарканд', 'Samarqand'],
  position: ['Head of the training centre', 'Начальник учебного центра', 'Oʻquv markazi boshligʻi'],
  organization: ['Academy of the Ministry', 'Академия министерства', 'Vazirlik akademiyasi'],
} as const;
const versions = (field: string, [, ru, uz]: readonly string[]) => ({ field, ru, uz });

/** Whitespace as one space, so that a title wrapped over two lines is still found. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('trainings and their certificates in English, Russian and Uzbek', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let organizer: { token: string };
  let trainer: { id: string; token: string };
  let otherTrainer: { token: string };
  let trainee: { token: string };
  let programmeId: string;
  let eventId: string;
  let inlId: string;
  const people: Record<'ru' | 'uz' | 'both', { id: string }> = {} as never;

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_RETRY_BASE_SECONDS: '0',
      MAIL_RATE_PER_SECOND: '1000',
    });
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const mia = await theInteriorMinistry().create(t);
    inlId = (await theInlBureau().create(t)).id;
    // The ministry's name and acronym are translated; the donor's name is not.
    await t.ok(
      `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
      {
        id: mia.id,
        input: {
          translations: [
            { field: 'name', ru: MIA_RU, uz: MIA_UZ },
            { field: 'acronym', ru: 'МВД', uz: 'IIV' },
          ],
        },
      },
      t.adminToken,
    );

    const { createTrainingProgramme } = await t.ok(
      `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
      {
        input: {
          title: TEXTS.programme[0],
          description: 'Five seminars in the regions.',
          ownerId: mia.id,
          funderIds: [inlId],
          topics: [TEXTS.topic[0]],
          translations: [versions('title', TEXTS.programme), versions('topics.0', TEXTS.topic)],
        },
      },
      organizer.token,
    );
    programmeId = createTrainingProgramme.id;
    eventId = (
      await aTrainingEvent(programmeId)
        .titled(TEXTS.title[0])
        .in(TEXTS.region[0], TEXTS.city[0])
        .on('2023-03-14', '2023-03-15')
        .ledBy(trainer.id)
        .with({
          venue: 'Training centre of the Ministry',
          translations: [
            versions('title', TEXTS.title),
            versions('region', TEXTS.region),
            versions('city', TEXTS.city),
            { field: 'venue', ru: 'Учебный центр министерства' },
          ],
        })
        .create(t, organizer.token)
    ).id;
    await t.ok(
      CONFIGURE,
      {
        input: {
          trainingEventId: eventId,
          serialPrefix: 'TRL',
          hours: 16,
          signatories: [
            {
              name: 'Sherzod Ismoilov',
              position: TEXTS.position[0],
              organization: TEXTS.organization[0],
            },
          ],
          translations: [
            versions('signatories.0.position', TEXTS.position),
            versions('signatories.0.organization', TEXTS.organization),
          ],
        },
      },
      trainer.token,
    );

    const speaking = { ru: 'RU', uz: 'UZ', both: 'RU' } as const;
    const enrollments: string[] = [];
    for (const key of ['ru', 'uz', 'both'] as const) {
      people[key] = await aPerson()
        .named(`Trainee ${key}`)
        .withEmail(`trainee-${key}@example.org`)
        .speaking(speaking[key])
        .in(mia.id)
        .officer()
        .create(t);
      enrollments.push((await enroll(t, eventId, people[key].id, trainer.token)).id);
    }
    trainee = await anAccount(t, 'PARTICIPANT', people.ru.id);
    for (const day of ['2023-03-14', '2023-03-15'])
      await attendanceOn(eventId, day).all(enrollments, 'PRESENT').record(t, trainer.token);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const issued: Record<string, { id: string; downloadUrl: string; verificationUrl: string }> = {};
  async function certificate(key: 'ru' | 'uz' | 'both', languages: string[]) {
    issued[key] ??= (
      await t.ok(
        ISSUE,
        {
          input: {
            kind: 'TRAINING_COMPLETION',
            trainingEventId: eventId,
            personId: people[key].id,
            languages,
          },
        },
        trainer.token,
      )
    ).issueCertificate;
    return issued[key];
  }
  const pdfOf = async (url: string) => {
    const pdf = await t.download(new URL(url).pathname, trainer.token);
    expect(pdf.status).toBe(200);
    return flat(await pdfText(pdf.body));
  };

  it('reads programmes, events and certificate settings in the reader’s language', async () => {
    const { trainingEvent } = await t.ok(
      `query ($id: ID!) @inContext(language: UZ) {
        trainingEvent(id: $id) {
          title city region venue countryName
          programme { title topics owner { countryName } }
        }
      }`,
      { id: eventId },
      trainer.token,
    );
    expect(trainingEvent).toEqual({
      title: TEXTS.title[2],
      city: TEXTS.city[2],
      region: TEXTS.region[2],
      venue: 'Training centre of the Ministry', // no Uzbek version: English
      countryName: 'Oʻzbekiston',
      programme: {
        title: TEXTS.programme[2],
        topics: [TEXTS.topic[2]],
        owner: { countryName: 'Oʻzbekiston' },
      },
    });
    const { certificateSettings } = await t.ok(
      `query($event: CertificateEventInput!) {
        certificateSettings(event: $event) { signatories { name position organization } issuers versions { field en ru uz } }
      }`,
      { event: { trainingEventId: eventId } },
      trainer.token,
      { 'accept-language': 'ru-RU,ru;q=0.9' },
    );
    expect(certificateSettings.signatories).toEqual([
      {
        name: 'Sherzod Ismoilov',
        position: TEXTS.position[1],
        organization: TEXTS.organization[1],
      },
    ]);
    expect(certificateSettings.versions).toEqual([
      {
        field: 'signatories.0.position',
        en: TEXTS.position[0],
        ru: TEXTS.position[1],
        uz: TEXTS.position[2],
      },
      {
        field: 'signatories.0.organization',
        en: TEXTS.organization[0],
        ru: TEXTS.organization[1],
        uz: TEXTS.organization[2],
      },
    ]);
  });

  it('prints a Russian certificate with the Russian texts only, where there are some', async () => {
    const text = await pdfOf((await certificate('ru', ['RU'])).downloadUrl);
    for (const ru of [
      TEXTS.title[1],
      TEXTS.city[1],
      TEXTS.position[1],
      TEXTS.organization[1],
      MIA_RU,
      'Узбекистан',
    ])
      expect(text).toContain(ru);
    for (const en of [
      TEXTS.title[0],
      TEXTS.city[0],
      TEXTS.position[0],
      TEXTS.organization[0],
      MIA,
      'Uzbekistan',
    ])
      expect(text).not.toContain(en);
    // Untranslated, the donor's name is printed as entered.
    expect(text).toContain(INL);
  });

  it('prints an Uzbek certificate in Uzbek', async () => {
    const text = await pdfOf((await certificate('uz', ['UZ'])).downloadUrl);
    for (const uz of [TEXTS.title[2], TEXTS.city[2], TEXTS.position[2], MIA_UZ])
      expect(text).toContain(uz);
    for (const en of [TEXTS.title[0], TEXTS.city[0], TEXTS.position[0], MIA])
      expect(text).not.toContain(en);
  });

  it('prints a Russian and English certificate with the texts in both', async () => {
    const text = await pdfOf((await certificate('both', ['RU', 'EN'])).downloadUrl);
    for (const both of [
      TEXTS.title[1],
      TEXTS.title[0],
      TEXTS.city[1],
      TEXTS.city[0],
      TEXTS.position[1],
      TEXTS.position[0],
      MIA_RU,
      MIA,
    ])
      expect(text).toContain(both);
  });

  it('tells the event on the verification page in the page’s language', async () => {
    const code = decodeURIComponent(
      new URL((await certificate('ru', ['RU'])).verificationUrl).pathname.split('/').pop()!,
    );
    const verify = (query: string, acceptLanguage?: string) => {
      const req = t
        .http()
        .get(`/verify/${encodeURIComponent(code)}${query}`)
        .set('accept', 'application/json');
      return acceptLanguage ? req.set('accept-language', acceptLanguage) : req;
    };
    const uz = await verify('?lang=uz');
    expect(uz.status).toBe(200);
    expect(uz.body.certificate.event).toMatchObject({
      title: TEXTS.title[2],
      city: TEXTS.city[2],
      country: 'UZ',
      countryName: 'Oʻzbekiston',
      issuers: [MIA_UZ, INL],
    });
    const ru = await verify('', 'ru');
    expect(ru.body.certificate.event).toMatchObject({
      title: TEXTS.title[1],
      city: TEXTS.city[1],
      countryName: 'Узбекистан',
    });
    expect((await verify('')).body.certificate.event.title).toBe(TEXTS.title[0]);
    expect((await verify('?lang=de')).status).toBe(400);
  });

  it('mails the Uzbek certificate and the enrollment in Uzbek, places included', async () => {
    await certificate('uz', ['UZ']);
    const worker = t.app.get(MailWorker);
    while ((await worker.drainOnce()) > 0);
    const toUz = (prefix: string) =>
      smtp.received.find(
        (mail: ParsedMail) =>
          mail.to &&
          JSON.stringify(mail.to).includes('trainee-uz@example.org') &&
          (mail.headers.get('x-idempotency-key') as string).startsWith(prefix),
      );
    const certificateMail = toUz('CERTIFICATE_ISSUED:');
    const enrollmentMail = toUz('ENROLLMENT_CONFIRMED');
    expect(certificateMail && enrollmentMail).toBeTruthy();
    const certificateText = flat(`${certificateMail!.subject} ${certificateMail!.text}`);
    expect(certificateText).toContain(TEXTS.title[2]);
    expect(certificateText).toContain(`${TEXTS.city[2]}, Oʻzbekiston`);
    const enrollmentText = flat(`${enrollmentMail!.subject} ${enrollmentMail!.text}`);
    expect(enrollmentText).toContain(TEXTS.title[2]);
    expect(enrollmentText).toContain(`${TEXTS.city[2]}, ${TEXTS.region[2]}, Oʻzbekiston`);
    for (const text of [certificateText, enrollmentText])
      for (const en of [TEXTS.title[0], TEXTS.city[0], TEXTS.region[0], 'Uzbekistan'])
        expect(text).not.toContain(en);
  });

  it('prints the attendance report in Russian', async () => {
    const report = await t.download(
      `/documents/training-events/${eventId}/attendance-report.pdf?lang=ru`,
      trainer.token,
    );
    expect(report.status).toBe(200);
    const text = flat(await pdfText(report.body));
    for (const ru of [TEXTS.programme[1], TEXTS.title[1], TEXTS.city[1], TEXTS.region[1], MIA_RU])
      expect(text).toContain(ru);
    for (const en of [TEXTS.programme[0], TEXTS.title[0], TEXTS.region[0], MIA])
      expect(text).not.toContain(en);
  });

  it('lists what is left to translate to those who run the event, and to no one else', async () => {
    const { trainingEvent } = await t.ok(MISSING, { id: eventId }, trainer.token);
    expect(trainingEvent.missingTranslations).toEqual([
      {
        itemType: 'TrainingEvent',
        itemId: eventId,
        field: 'venue',
        text: 'Training centre of the Ministry',
        languages: ['UZ'],
      },
      {
        itemType: 'TrainingProgramme',
        itemId: programmeId,
        field: 'description',
        text: 'Five seminars in the regions.',
        languages: ['RU', 'UZ'],
      },
      {
        itemType: 'Organization',
        itemId: inlId,
        field: 'name',
        text: INL,
        languages: ['RU', 'UZ'],
      },
      {
        itemType: 'Organization',
        itemId: inlId,
        field: 'acronym',
        text: 'INL',
        languages: ['RU', 'UZ'],
      },
    ]);

    // Translating the venue takes it off the list; the organizer sees the same list.
    const { translateTrainingEvent } = await t.ok(
      `mutation($id: ID!, $input: TrainingTranslationsInput!) {
        translateTrainingEvent(eventId: $id, input: $input) { venue versions { field uz } }
      }`,
      {
        id: eventId,
        input: { translations: [{ field: 'venue', uz: 'Vazirlikning oʻquv markazi' }] },
      },
      trainer.token,
      { 'accept-language': 'uz' },
    );
    expect(translateTrainingEvent.venue).toBe('Vazirlikning oʻquv markazi');
    expect(translateTrainingEvent.versions).toContainEqual({
      field: 'venue',
      uz: 'Vazirlikning oʻquv markazi',
    });
    const after = await t.ok(MISSING, { id: eventId }, organizer.token);
    expect(after.trainingEvent.missingTranslations.map((m: { field: string }) => m.field)).toEqual([
      'description',
      'name',
      'acronym',
    ]);

    expect(errorCode(await t.gql(MISSING, { id: eventId }, otherTrainer.token))).toBe('NOT_FOUND');
    const throughEnrollment = await t.gql(
      `{ myEnrollments { event { title missingTranslations { field } } } }`,
      {},
      trainee.token,
    );
    expect(errorCode(throughEnrollment)).toBe('FORBIDDEN');
    const refused = await t.gql(
      `mutation($id: ID!, $input: TrainingTranslationsInput!) { translateTrainingEvent(eventId: $id, input: $input) { id } }`,
      { id: eventId, input: { translations: [{ field: 'title', ru: 'Нет' }] } },
      otherTrainer.token,
    );
    expect(errorCode(refused)).toBe('NOT_FOUND');
    const wrongField = await t.gql(
      `mutation($id: ID!, $input: TrainingTranslationsInput!) { translateTrainingProgramme(programmeId: $id, input: $input) { id } }`,
      { id: programmeId, input: { translations: [{ field: 'topics.3', ru: 'Нет' }] } },
      organizer.token,
    );
    expect(wrongField.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'translations.0.field',
    });
  });
});
