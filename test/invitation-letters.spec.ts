import { INestApplication, LoggerService } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import request from 'supertest';
import {
  Delegation,
  DelegationFocalPoint,
  DelegationKind,
  GENERATED_KEY_FILE,
  PassportRetention,
  Registration,
} from '@platform/conferences';
import { Clock, loadConfig } from '@platform/core';
import { createApp } from '../apps/api/src/bootstrap';
import { MailWorker } from '@platform/mail';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedMail } from 'mailparser';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from './factories';
import { decodeQr, pdfPageCount, pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const REQUEST = `mutation($input: RequestInvitationLetterInput!) {
  requestInvitationLetter(input: $input) { id status number verificationCode personName registration { id } }
}`;
const APPROVE = `mutation($id: ID!, $input: ApproveInvitationLetterInput!) {
  approveInvitationLetter(id: $id, input: $input) { id status number verificationCode approvedAt }
}`;
const DECLINE = `mutation($id: ID!, $reason: String!) {
  declineInvitationLetter(id: $id, reason: $reason) { id status declineReason erasedAt }
}`;
const LETTER = `query($id: ID!) { invitationLetter(id: $id) { id status number erasedAt } }`;
const PASSPORT = `query($id: ID!) {
  invitationLetterPassport(id: $id) { nameAsInPassport nationality nationalityName passportNumber dateOfBirth }
}`;
const LETTERS = `query($e: ID!) { invitationLetters(editionId: $e) { id status personName number } }`;
const MINE = `{ myInvitationLetters { id status number } }`;

const SIGNATORY = { signatoryName: 'Maral Annayeva', signatoryPosition: 'Head of the Secretariat' };
const keyOf = (mail: ParsedMail) => mail.headers.get('x-idempotency-key') as string;

/** A passport whose number and birth date are easy to search for anywhere. */
function passport(number: string) {
  return {
    nameAsInPassport: 'KARIMOVA DILNOZA',
    nationality: 'UZ',
    passportNumber: number,
    dateOfBirth: '1984-03-17',
  };
}

/**
 * Visa invitation letters through the real stack: a participant (or their delegation's focal
 * point) asks with the passport data, the organizers are told, approve or decline; the letter
 * is a numbered PDF in English and Russian on the host's letterhead with a verification QR
 * code. The passport data is encrypted at rest, shown to the organizers, the person and the
 * requester only, never anywhere else, and erased after the retention period.
 */
describe('invitation letters: request, approve, verify, decline, access, encryption, erasure', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: MailWorker;
  let organizer: { id: string; token: string; email: string };
  let otherOrganizer: { token: string };
  let editionId: string;
  let participant: { token: string; personId: string; registrationId: string; email: string };
  let other: { token: string; registrationId: string };
  let counter = 0;

  async function runWorker(): Promise<void> {
    while ((await worker.drainOnce()) > 0);
  }

  /** A person with an account, registered by the organizer for the edition. */
  async function aParticipant(name: string, cyrillic?: string, language: 'EN' | 'RU' = 'EN') {
    const email = `participant-${++counter}@example.org`;
    const person = await aPerson()
      .named(name, cyrillic)
      .withEmail(email)
      .speaking(language)
      .create(t, organizer.token);
    const registration = (await register(t, editionId, person.id, organizer.token)).data!
      .registerParticipant;
    const account = await anAccount(t, 'PARTICIPANT', person.id);
    return { token: account.token, personId: person.id, registrationId: registration.id, email };
  }

  async function request(registrationId: string, token: string, number: string) {
    return (await t.ok(REQUEST, { input: { registrationId, passport: passport(number) } }, token))
      .requestInvitationLetter;
  }

  const rawRow = async (id: string) =>
    (
      await t.app
        .get(MikroORM)
        .em.fork()
        .getConnection()
        .execute(`select * from invitation_letter where id = ?`, [id])
    )[0] as Record<string, unknown>;

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
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    editionId = (
      await anEdition(series.id)
        .titled('Regional conference on combating trafficking in persons')
        .inYear(2027)
        .hostedBy('TM', 'Ashgabat')
        .openForRegistration()
        .create(t, organizer.token)
    ).id;
    await anEdition(series.id).inYear(2028).published().create(t, otherOrganizer.token);
    const host = await anOrganization()
      .named('State Commission on Combating Trafficking in Persons of Turkmenistan')
      .from('TM')
      .create(t);
    await t.ok(
      `mutation($e: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $e, input: $input) { id } }`,
      { e: editionId, input: { organizationId: host.id, role: 'HOST' } },
      organizer.token,
    );
    participant = await aParticipant('Dilnoza Karimova', 'Дилноза Каримова', 'RU');
    other = await aParticipant('Aibek Seitkali');
  });

  afterEach(() => smtp.clear());

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('takes a request from the participant, tells the organizers without the passport data', async () => {
    const letter = await request(participant.registrationId, participant.token, 'AB1234567');
    expect(letter).toMatchObject({
      status: 'REQUESTED',
      number: null,
      verificationCode: null,
      personName: 'Dilnoza Karimova',
      registration: { id: participant.registrationId },
    });
    // A second request while this one is open is refused.
    const again = await t.gql(
      REQUEST,
      { input: { registrationId: participant.registrationId, passport: passport('AB1234567') } },
      participant.token,
    );
    expect(problem(again)).toMatchObject({ code: 'CONFLICT', reason: 'LETTER_ALREADY_REQUESTED' });

    await runWorker();
    const told = smtp.received.filter((mail) =>
      keyOf(mail).startsWith(`INVITATION_LETTER_REQUESTED:${letter.id}`),
    );
    expect(told.map((mail) => mail.to)).toEqual([
      expect.objectContaining({ text: organizer.email }),
    ]);
    expect(told[0].subject).toBe('Invitation letter requested: Dilnoza Karimova');
    expect(told[0].text).not.toContain('AB1234567');
    expect(told[0].text).not.toContain('1984');
    expect(told[0].attachments).toEqual([]);

    // The organizer lists it (no passport data in the list) and reads the passport data.
    const { invitationLetters } = await t.ok(LETTERS, { e: editionId }, organizer.token);
    expect(invitationLetters).toEqual([
      { id: letter.id, status: 'REQUESTED', personName: 'Dilnoza Karimova', number: null },
    ]);
    const read = await t.ok(PASSPORT, { id: letter.id }, organizer.token);
    expect(read.invitationLetterPassport).toEqual({
      ...passport('AB1234567'),
      nationalityName: 'Uzbekistan',
    });
    // So does the person.
    expect(
      (await t.ok(PASSPORT, { id: letter.id }, participant.token)).invitationLetterPassport,
    ).toMatchObject({ passportNumber: 'AB1234567' });
    expect((await t.ok(MINE, {}, participant.token)).myInvitationLetters).toEqual([
      { id: letter.id, status: 'REQUESTED', number: null },
    ]);
  });

  it('approves with a number, mails the letter to the person; the PDF reads back and verifies', async () => {
    const [{ id }] = (await t.ok(LETTERS, { e: editionId }, organizer.token)).invitationLetters;
    const approved = (await t.ok(APPROVE, { id, input: SIGNATORY }, organizer.token))
      .approveInvitationLetter;
    expect(approved).toMatchObject({ status: 'APPROVED', number: 'TM-2027/0001' });
    expect(approved.verificationCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const twice = await t.gql(APPROVE, { id, input: SIGNATORY }, organizer.token);
    expect(problem(twice)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_LETTER_STATUS' });

    const pdf = await t.download(`/documents/invitation-letters/${id}.pdf`, participant.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfPageCount(pdf.body)).toBe(2);
    const text = await pdfText(pdf.body);
    for (const expected of [
      'State Commission on Combating Trafficking in Persons of Turkmenistan',
      'INVITATION LETTER',
      'ПИСЬМО-ПРИГЛАШЕНИЕ',
      'No. TM-2027/0001',
      '№ TM-2027/0001',
      'To the Consular Officer concerned',
      'KARIMOVA DILNOZA',
      'AB1234567',
      '17 March 1984',
      '17 марта 1984',
      'Uzbekistan',
      'Узбекистан',
      'Ashgabat',
      'Turkmenistan',
      'Regional conference on combating trafficking in persons',
      'Maral Annayeva',
      'Head of the Secretariat',
      approved.verificationCode,
    ])
      expect(text).toContain(expected);
    const verifyUrl = `${t.config.publicUrl}/verify/${approved.verificationCode}`;
    expect(await decodeQr(pdf.body, 1)).toBe(verifyUrl);
    expect(await decodeQr(pdf.body, 2)).toBe(verifyUrl);

    // /verify: genuine, its number, the person, the edition; no passport data at all.
    for (const [lang, name] of [
      ['en', 'Dilnoza Karimova'],
      ['ru', 'Дилноза Каримова'],
    ]) {
      const res = await t
        .http()
        .get(`/verify/${approved.verificationCode}?lang=${lang}`)
        .set('accept', 'application/json');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'valid',
        invitationLetter: {
          number: 'TM-2027/0001',
          personName: name,
          issuer: 'State Commission on Combating Trafficking in Persons of Turkmenistan',
          event: { startDate: '2027-07-28', endDate: '2027-07-29', country: 'TM' },
        },
      });
      const body = JSON.stringify(res.body);
      for (const secret of ['AB1234567', '1984', 'KARIMOVA DILNOZA', 'UZ"']) {
        expect(body).not.toContain(secret);
      }
    }

    // The mail: to the person, in Russian, the letter attached; the body has no passport data.
    await runWorker();
    const mails = smtp.received.filter((mail) =>
      keyOf(mail).startsWith(`INVITATION_LETTER_APPROVED:${id}`),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toMatchObject({ value: [{ address: participant.email }] });
    expect(mails[0].subject).toContain('Письмо-приглашение TM-2027/0001');
    expect(mails[0].text).toContain('Дилноза Каримова');
    expect(mails[0].text).not.toContain('AB1234567');
    expect(mails[0].text).not.toContain('1984');
    expect(mails[0].attachments).toHaveLength(1);
    const attached = await pdfText(mails[0].attachments[0].content);
    expect(attached).toContain('TM-2027/0001');
    expect(attached).toContain('AB1234567');
  });

  it('declines with a reason, mails it, and takes a corrected request that gets the next number', async () => {
    const first = await request(other.registrationId, other.token, 'N00000001');
    const declined = (
      await t.ok(
        DECLINE,
        { id: first.id, reason: 'The passport expires too soon.' },
        organizer.token,
      )
    ).declineInvitationLetter;
    expect(declined).toMatchObject({
      status: 'DECLINED',
      declineReason: 'The passport expires too soon.',
    });
    // A declined request keeps no passport data.
    expect(declined.erasedAt).not.toBeNull();
    expect((await rawRow(first.id)).passport_data).toBeNull();
    expect((await t.ok(PASSPORT, { id: first.id }, other.token)).invitationLetterPassport).toBe(
      null,
    );
    const blank = await t.gql(DECLINE, { id: first.id, reason: '  ' }, organizer.token);
    expect(problem(blank)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    await runWorker();
    const mail = smtp.received.find((m) =>
      keyOf(m).startsWith(`INVITATION_LETTER_DECLINED:${first.id}`),
    );
    expect(mail?.subject).toBe(
      'Invitation letter declined: Regional conference on combating trafficking in persons',
    );
    expect(mail?.text).toContain('Reason: The passport expires too soon.');

    const second = await request(other.registrationId, other.token, 'N00000002');
    const approved = (await t.ok(APPROVE, { id: second.id, input: SIGNATORY }, organizer.token))
      .approveInvitationLetter;
    expect(approved.number).toBe('TM-2027/0002');
  });

  it('lets only the person, their focal point, the requester and the organizers near a letter', async () => {
    const stranger = await aParticipant('Nodira Yusupova');
    const [letter] = (await t.ok(LETTERS, { e: editionId }, organizer.token)).invitationLetters;
    const refusedWith = async (query: string, variables: object, token: string) =>
      errorCode(await t.gql(query, variables as Record<string, unknown>, token));

    // Another participant and an organizer of another edition see nothing.
    for (const token of [stranger.token, otherOrganizer.token]) {
      expect(await refusedWith(LETTER, { id: letter.id }, token)).toBe('NOT_FOUND');
      expect(await refusedWith(PASSPORT, { id: letter.id }, token)).toBe('NOT_FOUND');
      expect(await refusedWith(APPROVE, { id: letter.id, input: SIGNATORY }, token)).toBe(
        'NOT_FOUND',
      );
      expect(
        (await t.download(`/documents/invitation-letters/${letter.id}.pdf`, token)).status,
      ).toBe(404);
      expect(await refusedWith(LETTERS, { e: editionId }, token)).toMatch(/NOT_FOUND|FORBIDDEN/);
      const asking = await t.gql(
        REQUEST,
        { input: { registrationId: participant.registrationId, passport: passport('X1234567') } },
        token,
      );
      expect(errorCode(asking)).toBe('NOT_FOUND');
    }
    // The person may not approve their own letter; the organizers do not ask for one.
    expect(await refusedWith(APPROVE, { id: letter.id, input: SIGNATORY }, participant.token)).toBe(
      'FORBIDDEN',
    );
    const organizerAsks = await t.gql(
      REQUEST,
      { input: { registrationId: stranger.registrationId, passport: passport('X1234567') } },
      organizer.token,
    );
    expect(errorCode(organizerAsks)).toBe('FORBIDDEN');
    expect((await t.download(`/documents/invitation-letters/${letter.id}.pdf`)).status).toBe(401);

    // Focal points: the stranger's delegation's one asks for them; another delegation's cannot.
    const em = t.app.get(MikroORM).em.fork();
    const kazakhstan = em.create(Delegation, {
      edition: editionId,
      kind: DelegationKind.COUNTRY,
      country: 'KZ',
      seats: 3,
    });
    const kyrgyzstan = em.create(Delegation, {
      edition: editionId,
      kind: DelegationKind.COUNTRY,
      country: 'KG',
      seats: 3,
    });
    const focal = await anAccount(t, 'FOCAL_POINT' as 'ORGANIZER');
    const otherFocal = await anAccount(t, 'FOCAL_POINT' as 'ORGANIZER');
    em.create(DelegationFocalPoint, { delegation: kazakhstan, user: focal.id });
    em.create(DelegationFocalPoint, { delegation: kyrgyzstan, user: otherFocal.id });
    await em.flush();
    await em.nativeUpdate(
      Registration,
      { id: stranger.registrationId },
      { delegation: kazakhstan },
    );

    const byOtherFocal = await t.gql(
      REQUEST,
      { input: { registrationId: stranger.registrationId, passport: passport('Y1234567') } },
      otherFocal.token,
    );
    expect(errorCode(byOtherFocal)).toBe('NOT_FOUND');
    const asked = await request(stranger.registrationId, focal.token, 'Y1234567');
    expect(asked.status).toBe('REQUESTED');
    // The requester and the person read it; the other focal point does not see it.
    expect(
      (await t.ok(PASSPORT, { id: asked.id }, focal.token)).invitationLetterPassport,
    ).toMatchObject({ passportNumber: 'Y1234567' });
    expect(
      (await t.ok(PASSPORT, { id: asked.id }, stranger.token)).invitationLetterPassport,
    ).toMatchObject({ passportNumber: 'Y1234567' });
    expect(await refusedWith(LETTER, { id: asked.id }, otherFocal.token)).toBe('NOT_FOUND');
    expect((await t.ok(MINE, {}, focal.token)).myInvitationLetters).toEqual([
      { id: asked.id, status: 'REQUESTED', number: null },
    ]);
    expect(await refusedWith(APPROVE, { id: asked.id, input: SIGNATORY }, focal.token)).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses wrong passport data naming the field, never quoting it', async () => {
    const someone = await aParticipant('Rustam Nazarov');
    const cases: [Record<string, string>, string][] = [
      [{ passportNumber: 'AB-12' }, 'passport.passportNumber'],
      [{ passportNumber: 'ZZ99#88@77' }, 'passport.passportNumber'],
      [{ nameAsInPassport: '<script>ZZ</script>' }, 'passport.nameAsInPassport'],
      [{ nationality: 'XX' }, 'passport.nationality'],
      [{ dateOfBirth: '1984-02-30' }, 'passport.dateOfBirth'],
      [{ dateOfBirth: '2030-01-01' }, 'passport.dateOfBirth'],
    ];
    for (const [change, field] of cases) {
      const res = await t.gql(
        REQUEST,
        {
          input: {
            registrationId: someone.registrationId,
            passport: { ...passport('QQ7654321'), ...change },
          },
        },
        someone.token,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const [value] = Object.values(change);
      expect(JSON.stringify(res.errors)).not.toContain(value);
    }
  });

  it('stores the passport data encrypted: the raw row holds no plaintext', async () => {
    const someone = await aParticipant('Gulnara Ergasheva');
    const letter = await request(someone.registrationId, someone.token, 'FA9876543');
    const row = await rawRow(letter.id);
    const stored = String(row.passport_data);
    expect(stored).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+$/);
    const everything =
      JSON.stringify(row) + Buffer.from(stored.split(':')[2], 'base64').toString('latin1');
    for (const plain of ['FA9876543', 'KARIMOVA', '1984-03-17', '"UZ"']) {
      expect(everything).not.toContain(plain);
    }
    // Outside production without PASSPORT_DATA_KEY the key was generated into DATA_DIR.
    const file = join(t.config.dataDir, GENERATED_KEY_FILE);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the passport data out of every export, list, verification and mail', async () => {
    const secrets = ['AB1234567', 'N00000002', 'Y1234567', 'FA9876543', '1984-03-17', 'KARIMOVA'];
    const clean = (what: string, text: string) => {
      for (const secret of secrets)
        if (text.includes(secret)) throw new Error(`${what} has ${secret}`);
    };
    for (const scope of ['', '&scope=internal']) {
      for (const language of ['en', 'ru', 'uz']) {
        const csv = await t.download(
          `/documents/editions/${editionId}/participants.csv?language=${language}${scope}`,
          organizer.token,
        );
        expect(csv.status).toBe(200);
        clean(`participants.csv ${language}${scope}`, csv.body.toString('utf8'));
        const pdf = await t.download(
          `/documents/editions/${editionId}/participants.pdf?language=${language}${scope}`,
          organizer.token,
        );
        expect(pdf.status).toBe(200);
        clean(`participants.pdf ${language}${scope}`, await pdfText(pdf.body));
      }
    }
    const internal = await t.ok(
      `query($e: ID!) { participantList(editionId: $e, scope: INTERNAL) { name delegation organization position listed status } }`,
      { e: editionId },
      organizer.token,
    );
    clean('participantList', JSON.stringify(internal));
    const registrations = await t.ok(
      `query($e: ID!) { registrations(editionId: $e, first: 100) { nodes { id status person { fullName fullNameAlt email } } } }`,
      { e: editionId },
      organizer.token,
    );
    clean('registrations', JSON.stringify(registrations));
    clean(
      'letters list',
      JSON.stringify(
        await t.ok(
          `query($e: ID!) { invitationLetters(editionId: $e) { id status number personName declineReason verificationCode } }`,
          { e: editionId },
          organizer.token,
        ),
      ),
    );
    // The outbox keeps every mail's text: none holds passport data.
    await runWorker();
    const rows = await t.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(`select * from outbox_message`);
    clean('outbox', JSON.stringify(rows));
    for (const mail of smtp.received) clean(`mail ${mail.subject}`, `${mail.subject} ${mail.text}`);
  });

  it('erases the passport data after the retention period; the letter stays verifiable', async () => {
    const [approved] = (await t.ok(LETTERS, { e: editionId }, organizer.token)).invitationLetters;
    const retention = t.app.get(PassportRetention);
    const clock = t.app.get(Clock);

    // The edition ends on 2027-07-29; 30 days later the data is still there.
    const at = (day: string) =>
      jest.spyOn(clock, 'now').mockReturnValue(new Date(`${day}T12:00:00Z`));
    at('2027-08-28');
    expect(await retention.run()).toBe(0);
    expect((await rawRow(approved.id)).passport_data).not.toBeNull();
    expect(
      (await t.ok(PASSPORT, { id: approved.id }, organizer.token)).invitationLetterPassport,
    ).toMatchObject({ passportNumber: 'AB1234567' });

    // The day after, it is gone from the row and from GraphQL; running again changes nothing.
    at('2027-08-29');
    expect(await retention.run()).toBeGreaterThan(0);
    expect(await retention.run()).toBe(0);
    jest.restoreAllMocks();
    const row = await rawRow(approved.id);
    expect(row.passport_data).toBeNull();
    expect(row.erased_at).not.toBeNull();
    expect(row.number).toBe('TM-2027/0001');
    const all = await t.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(`select passport_data from invitation_letter`);
    expect(all.every((r: { passport_data: unknown }) => r.passport_data === null)).toBe(true);
    expect(
      (await t.ok(PASSPORT, { id: approved.id }, organizer.token)).invitationLetterPassport,
    ).toBeNull();
    expect(
      (await t.ok(LETTER, { id: approved.id }, organizer.token)).invitationLetter,
    ).toMatchObject({ status: 'APPROVED', number: 'TM-2027/0001', erasedAt: expect.any(String) });
    const pdf = await t.download(
      `/documents/invitation-letters/${approved.id}.pdf`,
      organizer.token,
    );
    expect(pdf.status).toBe(409);
    expect(JSON.parse(pdf.body.toString()).reason).toBe('PASSPORT_DATA_ERASED');

    const { invitationLetter } = await t.ok(
      `query($id: ID!) { invitationLetter(id: $id) { id } }`,
      { id: approved.id },
      organizer.token,
    );
    expect(invitationLetter.id).toBe(approved.id);
    const [code] = (
      await t.ok(
        `query($e: ID!) { invitationLetters(editionId: $e, status: APPROVED) { number verificationCode } }`,
        { e: editionId },
        organizer.token,
      )
    ).invitationLetters.map((l: { verificationCode: string }) => l.verificationCode);
    const verified = await t.http().get(`/verify/${code}`).set('accept', 'application/json');
    expect(verified.body).toMatchObject({
      status: 'valid',
      invitationLetter: { number: 'TM-2027/0001' },
    });
  });

  it('refuses a request once the edition has ended', async () => {
    const someone = await aParticipant('Bakhtiyor Rahimov');
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2027-07-30T08:00:00Z'));
    const res = await t.gql(
      REQUEST,
      { input: { registrationId: someone.registrationId, passport: passport('K1234567') } },
      someone.token,
    );
    jest.restoreAllMocks();
    expect(problem(res)).toMatchObject({ code: 'CONFLICT', reason: 'EDITION_ENDED' });
  });
});

/**
 * The error and log path: requests that go wrong with passport data in them leave nothing of
 * it in any log line (every level, and whatever reaches stdout or stderr) or error message.
 */
describe('invitation letters: passport data never logged or echoed', () => {
  const SECRET = 'LEAK9876543';
  const lines: string[] = [];
  const capture: LoggerService = {
    log: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
    error: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
    warn: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
    debug: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
    verbose: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
    fatal: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
  };
  let app: INestApplication;
  let database: TestDatabase;

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('logs nothing of a bad request’s passport data and does not repeat it in errors', async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      MAIL_WORKER: 'off',
    });
    const writes = [
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
        lines.push(String(chunk));
        return true;
      }),
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
        lines.push(String(chunk));
        return true;
      }),
    ];
    try {
      app = await createApp(config, { logger: capture });
      await app.init();
      const server = app.getHttpServer();
      const post = (body: unknown, raw = false) =>
        request(server)
          .post('/graphql')
          .set('content-type', 'application/json')
          .send(raw ? (body as string) : JSON.stringify(body));
      const answers = [
        // Wrong passport number, unknown registration, wrong types, missing field, bad JSON.
        await post({
          query: REQUEST,
          variables: {
            input: {
              registrationId: '00000000-0000-4000-8000-000000000000',
              passport: { ...passport(`${SECRET}#`) },
            },
          },
        }),
        await post({
          query: REQUEST,
          variables: {
            input: {
              registrationId: '00000000-0000-4000-8000-000000000000',
              passport: passport(SECRET),
            },
          },
        }),
        await post({
          query: REQUEST,
          variables: {
            input: {
              registrationId: 'x',
              passport: { ...passport(SECRET), dateOfBirth: 19840317 },
            },
          },
        }),
        await post({
          query: REQUEST,
          variables: { input: { passport: passport(SECRET) } },
        }),
        await post({
          query: REQUEST,
          variables: { input: { registrationId: 'x', passport: { passportNumber: 9876543210 } } },
        }),
        await post(`{"query": "${SECRET}", "variables": {"input": "${SECRET}"`, true),
      ];
      for (const answer of answers) {
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toContain(SECRET);
        expect(answer.text).not.toContain('9876543210');
        expect(answer.text).not.toContain('1984');
      }
    } finally {
      writes.forEach((spy) => spy.mockRestore());
    }
    expect(lines.length).toBeGreaterThan(0); // the logger did hear the app start
    const logged = lines.join('\n');
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('9876543210');
    expect(logged).not.toContain('1984');
  });
});

/** In production without PASSPORT_DATA_KEY, letters are refused clearly; the rest runs. */
describe('invitation letters: production without PASSPORT_DATA_KEY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', MAIL_WORKER: 'off' });
  });
  afterAll(() => t?.close());

  it('refuses a request with a clear reason, generates no key, and serves everything else', async () => {
    const organizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    const { id: editionId } = await anEdition(series.id)
      .inYear(2027)
      .published()
      .create(t, organizer.token);
    const person = await aPerson().withEmail('prod@example.org').create(t);
    const registration = (await register(t, editionId, person.id, organizer.token)).data!
      .registerParticipant;
    const account = await anAccount(t, 'PARTICIPANT', person.id);
    const res = await t.gql(
      REQUEST,
      { input: { registrationId: registration.id, passport: passport('AB1234567') } },
      account.token,
    );
    expect(problem(res)).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_LETTERS_UNAVAILABLE',
    });
    expect(res.errors?.[0].message).toContain('PASSPORT_DATA_KEY');
    expect(existsSync(join(t.config.dataDir, GENERATED_KEY_FILE))).toBe(false);
    expect((await t.ok(`{ myRegistrations { id } }`, {}, account.token)).myRegistrations).toEqual([
      { id: registration.id },
    ]);
  });
});
