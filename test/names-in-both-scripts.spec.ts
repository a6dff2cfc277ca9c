import { MikroORM } from '@mikro-orm/core';
import { Person } from '@platform/directory';
import { MailWorker } from '@platform/mail';
import { ParsedMail } from 'mailparser';
import {
  anAccount,
  anEdition,
  aPerson,
  aProgramme,
  aSeries,
  attendanceOn,
  aTrainingEvent,
  enroll,
  register,
  theInteriorMinistry,
} from './factories';
import { pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const IMPORT = `mutation($eventId: ID!, $csv: String!) {
  importRoster(eventId: $eventId, csv: $csv) { enrolled errors { line field reason } }
}`;
const ROSTER = `query($id: ID!) { trainingEvent(id: $id) { roster { enrollment { id } person { id fullName } } } }`;
const NAMES = `query($id: ID!) { person(id: $id) { fullName fullNameAlt nameLatin nameCyrillic suggestedAltName } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, input: $input) { fullNameAlt nameLatin nameCyrillic suggestedAltName }
}`;
const CONFIGURE = `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`;
const FIELDS = `id languages holderName verificationCode downloadUrl`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { ${FIELDS} } }`;
const REISSUE = `mutation($input: ReissueCertificateInput!) { reissueCertificate(input: $input) { ${FIELDS} } }`;

interface Issued {
  id: string;
  languages: string[];
  holderName: string;
  verificationCode: string;
  downloadUrl: string;
}

/** Any "(а)", "(a)", "(ла)": the wording a known sex or a neutral sentence replaces. */
const EITHER_FORM = /\((а|a|ла|ая)\)/;

/**
 * A trainee imported with her Cyrillic name and its Latin spelling, a trainee known only
 * in Cyrillic, and one whose sex is not known: each certificate names them in the script
 * of each of its languages with the verb of their sex (or none), each mail greets them in
 * the script of its language, the verification page in the reader's, and staff are offered
 * the missing spelling without anything being stored.
 */
describe('names in Latin and Cyrillic: certificates, mail, verification, suggestions', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: MailWorker;
  let trainer: { id: string; token: string };
  let otherTrainer: { token: string };
  let organizer: { token: string };
  let eventId: string;
  let editionId: string;
  /** Imported: Гулноза Қодирова / Gulnoza Qodirova, a woman, writes in Russian. */
  let gulnoza: { id: string };
  /** Рахимов Алишер only, a man, writes in Uzbek. */
  let alisher: { id: string };
  /** Dilnoza Karimova / Дилноза Каримова, sex not given, writes in English. */
  let dilnoza: { id: string };

  const pathOf = (url: string) => new URL(url).pathname;
  const pdfOf = async (certificate: Issued) =>
    (await pdfText((await t.download(pathOf(certificate.downloadUrl), t.adminToken)).body))
      // One line per phrase, however the PDF broke it.
      .replace(/\s+/g, ' ');
  const issue = async (personId: string, languages: string[]): Promise<Issued> =>
    (
      await t.ok(
        ISSUE,
        { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId, personId, languages } },
        trainer.token,
      )
    ).issueCertificate;
  const reissue = async (certificate: Issued, languages: string[]): Promise<Issued> =>
    (await t.ok(REISSUE, { input: { certificateId: certificate.id, languages } }, trainer.token))
      .reissueCertificate;
  const verify = (code: string, lang?: string) =>
    t
      .http()
      .get(`/verify/${code}${lang ? `?lang=${lang}` : ''}`)
      .set('accept', 'application/json');
  const names = async (id: string, token = trainer.token) =>
    (await t.ok(NAMES, { id }, token)).person;
  const recipientOf = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0];
  const mailsTo = (email: string, template: string): ParsedMail[] =>
    smtp.received.filter(
      (mail) =>
        recipientOf(mail)?.address === email &&
        (mail.headers.get('x-idempotency-key') as string).startsWith(`${template}:`),
    );

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_RETRY_BASE_SECONDS: '0',
      MAIL_RATE_PER_SECOND: '1000',
    });
    worker = t.app.get(MailWorker);
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const mia = await theInteriorMinistry().create(t);
    const programmeId = (await aProgramme(mia.id).create(t, organizer.token)).id;
    eventId = (
      await aTrainingEvent(programmeId)
        .titled('Identification of victims of trafficking')
        .on('2023-03-14', '2023-03-15')
        .ledBy(trainer.id)
        .create(t, organizer.token)
    ).id;

    const imported = await t.ok(
      IMPORT,
      {
        eventId,
        csv:
          'ФИО,full_name_alt,email,пол,язык\n' +
          'Гулноза Қодирова,Gulnoza Qodirova,gulnoza@names.test,ж,ru\n',
      },
      trainer.token,
    );
    expect(imported.importRoster).toEqual({ enrolled: 1, errors: [] });
    gulnoza = (await t.ok(ROSTER, { id: eventId }, trainer.token)).trainingEvent.roster[0].person;
    alisher = await aPerson()
      .named('Рахимов Алишер')
      .male()
      .speaking('UZ')
      .withEmail('alisher@names.test')
      .create(t);
    dilnoza = await aPerson()
      .named('Dilnoza Karimova', 'Дилноза Каримова')
      .speaking('EN')
      .withEmail('dilnoza@names.test')
      .create(t);
    for (const person of [alisher, dilnoza]) await enroll(t, eventId, person.id, trainer.token);

    const { roster } = (await t.ok(ROSTER, { id: eventId }, trainer.token)).trainingEvent;
    const enrollments = roster.map((entry: { enrollment: { id: string } }) => entry.enrollment.id);
    for (const day of ['2023-03-14', '2023-03-15'])
      await attendanceOn(eventId, day).all(enrollments, 'PRESENT').record(t, trainer.token);
    await t.ok(
      CONFIGURE,
      {
        input: {
          trainingEventId: eventId,
          serialPrefix: 'NAM',
          signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
        },
      },
      trainer.token,
    );

    const series = await aSeries(t);
    editionId = (await anEdition(series.id).published().create(t, organizer.token)).id;
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('gives the name in each script, taken from either name', async () => {
    expect(await names(gulnoza.id)).toEqual({
      fullName: 'Гулноза Қодирова',
      fullNameAlt: 'Gulnoza Qodirova',
      nameLatin: 'Gulnoza Qodirova',
      nameCyrillic: 'Гулноза Қодирова',
      suggestedAltName: null,
    });
    expect(await names(dilnoza.id)).toMatchObject({
      nameLatin: 'Dilnoza Karimova',
      nameCyrillic: 'Дилноза Каримова',
    });
    expect(await names(alisher.id)).toMatchObject({
      nameLatin: null,
      nameCyrillic: 'Рахимов Алишер',
    });
  });

  it('suggests the missing spelling to staff who may edit the person, and stores it only when they save it', async () => {
    const shohruh = await aPerson().named('Шоҳруҳ Йўлдошев').create(t, trainer.token);
    const gulomova = await aPerson().named("G'ulomova Dilnoza").create(t, trainer.token);
    expect((await names(shohruh.id)).suggestedAltName).toBe('Shohruh Yoʻldoshev');
    expect((await names(gulomova.id)).suggestedAltName).toBe('Ғуломова Дилноза');
    expect((await names(shohruh.id, t.adminToken)).suggestedAltName).toBe('Shohruh Yoʻldoshev');
    // Staff who may not edit the person see the names, not the suggestion.
    expect(await names(shohruh.id, otherTrainer.token)).toMatchObject({
      fullName: 'Шоҳруҳ Йўлдошев',
      suggestedAltName: null,
    });
    // A trainee reading themself is not offered to change their name.
    const trainee = await anAccount(t, 'PARTICIPANT', alisher.id);
    expect((await names(alisher.id, trainee.token)).suggestedAltName).toBeNull();
    expect((await names(alisher.id)).suggestedAltName).toBe('Raximov Alisher');
    expect(errorCode(await t.gql(NAMES, { id: alisher.id }))).toBe('UNAUTHENTICATED');

    // Asking stored nothing.
    const stored = await t.app.get(MikroORM).em.fork().findOneOrFail(Person, shohruh.id);
    expect(stored.fullNameAlt ?? null).toBeNull();
    expect(await names(shohruh.id)).toMatchObject({ fullNameAlt: null, nameLatin: null });

    // The organizer accepts it as it is, or corrects it, with updatePerson.
    const accepted = await t.ok(
      UPDATE,
      { id: shohruh.id, input: { fullNameAlt: 'Shohruh Yoʻldoshev' } },
      trainer.token,
    );
    expect(accepted.updatePerson).toEqual({
      fullNameAlt: 'Shohruh Yoʻldoshev',
      nameLatin: 'Shohruh Yoʻldoshev',
      nameCyrillic: 'Шоҳруҳ Йўлдошев',
      suggestedAltName: null,
    });
  });

  it('prints the Cyrillic name in Russian and the Latin one in Uzbek and English, with the verb of the holder’s sex', async () => {
    const russian = await issue(gulnoza.id, ['RU']);
    const ru = await pdfOf(russian);
    expect(ru).toContain('Гулноза Қодирова');
    expect(ru).not.toContain('Gulnoza Qodirova');
    expect(ru).toContain('успешно завершила учебный курс');

    const bilingual = await reissue(russian, ['RU', 'EN']);
    const ruEn = await pdfOf(bilingual);
    expect(ruEn).toContain('Гулноза Қодирова');
    expect(ruEn).toContain('Gulnoza Qodirova');
    // The Russian part's name first, large; the English part's below it.
    expect(ruEn.indexOf('Гулноза Қодирова')).toBeLessThan(ruEn.indexOf('Gulnoza Qodirova'));
    expect(ruEn).toContain('успешно завершила учебный курс');
    expect(ruEn).toContain('has successfully completed the training course');

    const uzbek = await reissue(bilingual, ['UZ']);
    const uz = await pdfOf(uzbek);
    expect(uz).toContain('Gulnoza Qodirova');
    expect(uz).not.toContain('Гулноза');
    expect(uz).toContain('oʻquv kursini muvaffaqiyatli tamomlagani uchun berildi');

    // Known only in Cyrillic: printed so in Uzbek too; a man's verb in Russian.
    const his = await issue(alisher.id, ['RU']);
    const hisRu = await pdfOf(his);
    expect(hisRu).toContain('Рахимов Алишер');
    expect(hisRu).toMatch(/успешно завершил учебный курс/);
    expect(hisRu).not.toContain('завершила');
    expect(await pdfOf(await reissue(his, ['UZ']))).toContain('Рахимов Алишер');

    // Sex not known: a sentence that needs no agreement.
    const hers = await issue(dilnoza.id, ['RU', 'EN']);
    const neutral = await pdfOf(hers);
    expect(neutral).toContain('за успешное завершение учебного курса');
    expect(neutral).not.toMatch(/завершил/);
    expect(neutral.indexOf('Дилноза Каримова')).toBeLessThan(neutral.indexOf('Dilnoza Karimova'));

    for (const text of [ru, ruEn, uz, hisRu, neutral]) expect(text).not.toMatch(EITHER_FORM);
  });

  it('shows the holder on the verification page in the script of the page’s language', async () => {
    const certificate = await issue(gulnoza.id, ['UZ']);
    const byLanguage: Record<string, string> = {};
    for (const lang of ['ru', 'uz', 'en']) {
      const res = await verify(certificate.verificationCode, lang);
      expect(res.status).toBe(200);
      byLanguage[lang] = res.body.certificate.holderName;
    }
    expect(byLanguage).toEqual({
      ru: 'Гулноза Қодирова',
      uz: 'Gulnoza Qodirova',
      en: 'Gulnoza Qodirova',
    });
    expect((await verify(certificate.verificationCode)).body.certificate.holderName).toBe(
      'Gulnoza Qodirova',
    );
    const refused = await verify(certificate.verificationCode, 'de');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
  });

  it('greets each recipient in the script of the mail’s language', async () => {
    await register(t, editionId, gulnoza.id, organizer.token);
    await t.ok(`mutation($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) }`, {
      input: { email: 'gulnoza@names.test' },
    });
    while ((await worker.drainOnce()) > 0);

    const greeting = (email: string, template: string) =>
      mailsTo(email, template).map((mail) => (mail.text ?? '').split('\n')[0]);
    // Russian mail: the Cyrillic name, whichever column holds it (the import mails nothing).
    for (const template of ['REGISTRATION_CONFIRMED', 'LOGIN_LINK'])
      expect(greeting('gulnoza@names.test', template)).toEqual(['Здравствуйте, Гулноза Қодирова!']);
    const [registered] = mailsTo('gulnoza@names.test', 'REGISTRATION_CONFIRMED');
    expect(recipientOf(registered)?.name).toBe('Гулноза Қодирова');
    // Her certificate went out once, in Uzbek (the last reissue): the Latin name.
    expect(greeting('gulnoza@names.test', 'CERTIFICATE_ISSUED')).toEqual([
      'Hurmatli Gulnoza Qodirova!',
    ]);
    // English mail, but her Russian–English certificate's mail is Russian.
    expect(greeting('dilnoza@names.test', 'ENROLLMENT_CONFIRMED')).toEqual([
      'Dear Dilnoza Karimova,',
    ]);
    expect(greeting('dilnoza@names.test', 'CERTIFICATE_ISSUED')).toEqual([
      'Здравствуйте, Дилноза Каримова!',
    ]);
    // Uzbek mail to someone known only in Cyrillic: the only name there is.
    expect(greeting('alisher@names.test', 'ENROLLMENT_CONFIRMED')).toEqual([
      'Hurmatli Рахимов Алишер!',
    ]);
  });
});
