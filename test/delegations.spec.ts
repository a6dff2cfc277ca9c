import { MikroORM } from '@mikro-orm/core';
import { MailWorker } from '@platform/mail';
import { ParsedMail } from 'mailparser';
import { anAccount, anEdition, anOrganization, aPerson, aSeries } from './factories';
import { TestSmtpServer } from './support/smtp';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id name seats seatsLeft } }`;
const SEATS = `mutation($input: DelegationSeatsInput!) { setDelegationSeats(input: $input) { seats seatsUsed seatsLeft categorySeats { category seats used left } } }`;
const INVITE = `mutation($input: InviteFocalPointInput!) { inviteFocalPoint(input: $input) { id focalPoints { email } } }`;
const NOMINATE = `mutation($input: NominateInput!) { nominate(input: $input) { id status category listed person { id fullName fullNameAlt } } }`;
const LETTER = `mutation($input: NominationLetterInput!) { uploadNominationLetter(input: $input) { id hasLetter letterSize } }`;
const SUBMIT = `mutation($id: ID!) { submitNomination(id: $id) { id status } }`;
const SUBMIT_ALL = `mutation($d: ID!) { submitNominations(delegationId: $d) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveNomination(id: $id) { status registration { id status delegationCountry listed } } }`;
const DECLINE = `mutation($input: DeclineNominationInput!) { declineNomination(input: $input) { status declineReason } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawNomination(id: $id) { seatsUsed } }`;
const DELEGATION = `query($id: ID!) { delegation(id: $id) { id name seats seatsUsed seatsLeft categorySeats { category seats used left } nominations { id status person { fullName } } edition { id title } } }`;
const EXCHANGE = `mutation($token: String!) { exchangeLoginLink(input: { token: $token }) { token user { id email } } }`;

/** The smallest file that is a PDF by its first bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const keyOf = (mail: ParsedMail) => mail.headers.get('x-idempotency-key') as string;

/**
 * Delegations through the real stack: the organizer creates them with seats and invites
 * focal points by mail; a focal point signs in with the link, nominates within the seats
 * (refused beyond them, also when nominating concurrently), uploads letters and submits;
 * the organizer approves (a registration, waitlisted when the edition is full) or
 * declines; every step's mail is read from a real SMTP server in its recipient's language.
 */
describe('delegations, focal points and nominations', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: MailWorker;
  let organizer: { id: string; token: string; email: string };
  let editionId: string;
  let uzbekistan: string;
  let kazakhstan: string;
  let focal: string;
  let otherFocal: string;
  let participant: { token: string };

  async function delivered(): Promise<ParsedMail[]> {
    while ((await worker.drainOnce()) > 0);
    return smtp.received;
  }
  const mailsTo = async (email: string, template: string) =>
    (await delivered()).filter(
      (mail) =>
        mail.to && JSON.stringify(mail.to).includes(email) && keyOf(mail).startsWith(template),
    );

  /** Invites a focal point and signs in with the link of their mail. */
  async function invitedFocalPoint(
    delegationId: string,
    email: string,
    fullName: string,
    language: 'EN' | 'RU' | 'UZ',
  ): Promise<{ token: string; mail: ParsedMail }> {
    await t.ok(INVITE, { input: { delegationId, email, fullName, language } }, organizer.token);
    const [mail] = (await mailsTo(email, 'FOCAL_POINT_INVITATION')).slice(-1);
    const link = /login-link\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
    const data = await t.ok(EXCHANGE, { token: link });
    return { token: data.exchangeLoginLink.token, mail };
  }

  const nominate = (token: string, input: Record<string, unknown>) =>
    t.gql(NOMINATE, { input: { listed: true, category: 'OTHER', ...input } }, token);
  let people = 0;
  const newcomer = (delegationId: string, extra: Record<string, unknown> = {}) => {
    const n = ++people;
    return {
      delegationId,
      nameLatin: `Delegate ${'abcdefghij'[n % 10]}${n} Karimov`,
      nameCyrillic: `Делегат ${'абвгдежзик'[n % 10]}${n} Каримов`,
      email: `delegate-${n}@example.org`,
      sex: 'MALE',
      ...extra,
    };
  };

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
    const series = await aSeries(t);
    // Not published: focal points see it all the same.
    editionId = (
      await anEdition(series.id)
        .inYear(2026)
        .hostedBy('TM', 'Ashgabat')
        .seats(5)
        .create(t, organizer.token)
    ).id;
    await t.ok(
      `mutation($id: ID!) { changeEditionStatus(id: $id, status: REGISTRATION_OPEN) { id } }`,
      { id: editionId },
      organizer.token,
    );
    const create = async (input: Record<string, unknown>) =>
      (await t.ok(CREATE, { input: { editionId, kind: 'COUNTRY', ...input } }, organizer.token))
        .createDelegation;
    uzbekistan = (
      await create({ country: 'UZ', seats: 4, categorySeats: [{ category: 'JUDGE', seats: 1 }] })
    ).id;
    kazakhstan = (await create({ country: 'KZ', seats: 3 })).id;
    focal = (await invitedFocalPoint(uzbekistan, 'focal.uz@example.org', 'Malika Yusupova', 'UZ'))
      .token;
    otherFocal = (
      await invitedFocalPoint(kazakhstan, 'focal.kz@example.org', 'Айгерим Нурланова', 'RU')
    ).token;
    const p = await aPerson().named('Participant Person').withEmail('p@example.org').create(t);
    participant = await anAccount(t, 'PARTICIPANT', p.id);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('refuses a delegation without its country, twice for a country, or with too many category seats', async () => {
    const bad = async (input: Record<string, unknown>) =>
      problem(
        await t.gql(
          CREATE,
          { input: { editionId, kind: 'COUNTRY', seats: 2, ...input } },
          organizer.token,
        ),
      );
    expect(await bad({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    expect(await bad({ country: 'UZ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'country',
    });
    expect(
      await bad({ country: 'TJ', categorySeats: [{ category: 'JUDGE', seats: 3 }] }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categorySeats' });
    expect(
      await bad({ kind: 'ORGANIZATION', organizationId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({
      field: 'organizationId',
    });
    const unodc = await anOrganization()
      .named('UNODC Regional Office', 'UNODC')
      .ofType('INTERNATIONAL_ORGANIZATION')
      .create(t);
    const made = await t.ok(
      CREATE,
      { input: { editionId, kind: 'ORGANIZATION', organizationId: unodc.id, seats: 2 } },
      organizer.token,
    );
    expect(made.createDelegation).toMatchObject({
      name: 'UNODC Regional Office',
      seats: 2,
      seatsLeft: 2,
    });
    // Focal points and participants may not create delegations.
    const refused = await t.gql(
      CREATE,
      { input: { editionId, kind: 'COUNTRY', country: 'AF', seats: 1 } },
      focal,
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('invites a focal point by mail in their language, and refuses the email of another role', async () => {
    const [mail] = await mailsTo('focal.uz@example.org', 'FOCAL_POINT_INVITATION');
    expect(mail.subject).toContain('Delegatsiya koordinatori (Oʻzbekiston)');
    expect(mail.text).toContain('4 ta oʻrin (shundan Sudya: 1)');
    const [ru] = await mailsTo('focal.kz@example.org', 'FOCAL_POINT_INVITATION');
    expect(ru.subject).toContain('Координатор делегации (Казахстан)');
    const me = await t.ok(`{ me { role } }`, {}, focal);
    expect(me.me.role).toBe('FOCAL_POINT');
    const refused = await t.gql(
      INVITE,
      {
        input: {
          delegationId: uzbekistan,
          email: organizer.email,
          fullName: 'Someone',
          language: 'EN',
        },
      },
      organizer.token,
    );
    expect(problem(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    // The same focal point for a second delegation: the account is linked, not made again.
    await t.ok(
      INVITE,
      {
        input: {
          delegationId: kazakhstan,
          email: 'focal.kz@example.org',
          fullName: 'Aigerim N',
          language: 'RU',
        },
      },
      organizer.token,
    );
    const accounts = await t.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(`select count(*) as n from "user" where email = 'focal.kz@example.org'`);
    expect(Number(accounts[0].n)).toBe(1);
  });

  it('shows a focal point the unpublished edition and their own delegation only', async () => {
    const mine = await t.ok(`{ myDelegations { id name } }`, {}, focal);
    expect(mine.myDelegations).toEqual([{ id: uzbekistan, name: 'Uzbekistan' }]);
    const seen = await t.ok(
      `query($id: ID!) { edition(id: $id) { id delegations { id } } }`,
      { id: editionId },
      focal,
    );
    expect(seen.edition.delegations).toEqual([{ id: uzbekistan }]);
    expect(errorCode(await t.gql(DELEGATION, { id: uzbekistan }, otherFocal))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(DELEGATION, { id: uzbekistan }, participant.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(DELEGATION, { id: uzbekistan }))).toBe('UNAUTHENTICATED');
    const all = await t.ok(
      `query($id: ID!) { edition(id: $id) { delegations { id } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(all.edition.delegations.length).toBe(3);
  });

  it('nominates within the seats and the category seats, and refuses beyond them saying what is left', async () => {
    const judge = await nominate(focal, newcomer(uzbekistan, { category: 'JUDGE' }));
    expect(judge.errors).toBeUndefined();
    expect(judge.data.nominate).toMatchObject({ status: 'DRAFT', category: 'JUDGE', listed: true });
    expect(judge.data.nominate.person.fullNameAlt).toMatch(/^Делегат/);
    const secondJudge = problem(await nominate(focal, newcomer(uzbekistan, { category: 'JUDGE' })));
    expect(secondJudge).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    const message = (await nominate(focal, newcomer(uzbekistan, { category: 'JUDGE' }))).errors![0]
      .message;
    expect(message).toMatch(/no Judge seats left: all 1 are taken \(0 left; 3 seat\(s\) left/);
    // Names in the wrong script are refused, naming the field.
    expect(
      problem(await nominate(focal, newcomer(uzbekistan, { nameLatin: 'Делегат Каримов' }))),
    ).toMatchObject({ field: 'nameLatin' });
    expect(
      problem(await nominate(focal, newcomer(uzbekistan, { nameCyrillic: 'Delegate Karimov' }))),
    ).toMatchObject({ field: 'nameCyrillic' });
    // A person the focal point did not add cannot be picked by id.
    const stranger = await aPerson().named('Stranger Person').create(t);
    expect(
      problem(await nominate(focal, { delegationId: uzbekistan, personId: stranger.id })),
    ).toMatchObject({
      field: 'personId',
    });
    for (let i = 0; i < 3; i++)
      expect((await nominate(focal, newcomer(uzbekistan))).errors).toBeUndefined();
    const full = await nominate(focal, newcomer(uzbekistan));
    expect(problem(full)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delegationId' });
    expect(full.errors![0].message).toContain('all 4 seats of this delegation are taken (0 left)');
    const seats = await t.ok(DELEGATION, { id: uzbekistan }, focal);
    expect(seats.delegation).toMatchObject({ seats: 4, seatsUsed: 4, seatsLeft: 0 });
    expect(seats.delegation.categorySeats).toEqual([
      { category: 'JUDGE', seats: 1, used: 1, left: 0 },
    ]);
    // Fewer seats than nominations: refused.
    const fewer = await t.gql(
      SEATS,
      { input: { delegationId: uzbekistan, seats: 3, categorySeats: [] } },
      organizer.token,
    );
    expect(problem(fewer)).toMatchObject({ field: 'seats' });
    // A withdrawn draft frees its seat.
    const last = seats.delegation.nominations.at(-1).id;
    expect((await t.ok(WITHDRAW, { id: last }, focal)).withdrawNomination.seatsUsed).toBe(3);
  });

  it('never exceeds the seats when nominations arrive at once', async () => {
    const delegation = (
      await t.ok(
        CREATE,
        { input: { editionId, kind: 'COUNTRY', country: 'KG', seats: 3 } },
        organizer.token,
      )
    ).createDelegation.id;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => nominate(organizer.token, newcomer(delegation))),
    );
    const accepted = results.filter((res) => !res.errors);
    expect(accepted.length).toBe(3);
    for (const res of results.filter((r) => r.errors))
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(errorCode(res));
    const after = await t.ok(DELEGATION, { id: delegation }, organizer.token);
    expect(after.delegation).toMatchObject({ seatsUsed: 3, seatsLeft: 0 });
  });

  it('checks the letter’s type and size, and lets only organizers and the focal point read it', async () => {
    const [first] = (await t.ok(DELEGATION, { id: uzbekistan }, focal)).delegation.nominations;
    const upload = (letter: string, token = focal) =>
      t.gql(LETTER, { input: { nominationId: first.id, letter } }, token);
    const png = await upload(PNG.toString('base64'));
    expect(problem(png)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'letter' });
    expect(png.errors![0].message).toBe('letter: must be a PDF file');
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    expect((await upload(big)).errors![0].message).toBe('letter: must be at most 2048 KB');
    expect(errorCode(await upload(PDF.toString('base64'), otherFocal))).toBe('NOT_FOUND');
    const ok = await upload(PDF.toString('base64'));
    expect(ok.data.uploadNominationLetter).toMatchObject({
      hasLetter: true,
      letterSize: PDF.length,
    });
    const path = `/documents/nominations/${first.id}/letter.pdf`;
    for (const token of [focal, organizer.token, t.adminToken]) {
      const res = await t.download(path, token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.body.equals(PDF)).toBe(true);
    }
    expect((await t.download(path, otherFocal)).status).toBe(404);
    expect((await t.download(path, participant.token)).status).toBe(404);
    expect((await t.download(path)).status).toBe(401);
    // Never in lists: the nomination carries no letter field.
    const listed = await t.gql(
      `query($id: ID!) { delegation(id: $id) { nominations { letter } } }`,
      {
        id: uzbekistan,
      },
      focal,
    );
    expect(errorCode(listed)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('submits only with letters, and tells the organizers', async () => {
    const { nominations } = (await t.ok(DELEGATION, { id: uzbekistan }, focal)).delegation;
    const without = await t.gql(SUBMIT, { id: nominations[1].id }, focal);
    expect(problem(without)).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOMINATION_LETTER_MISSING',
    });
    expect(without.errors![0].message).toMatch(/^Upload the nomination letter before submitting/);
    expect((await t.ok(SUBMIT, { id: nominations[0].id }, focal)).submitNomination.status).toBe(
      'SUBMITTED',
    );
    for (const n of nominations.slice(1))
      await t.ok(LETTER, { input: { nominationId: n.id, letter: PDF.toString('base64') } }, focal);
    const all = await t.ok(SUBMIT_ALL, { d: uzbekistan }, focal);
    expect(all.submitNominations.map((n: { status: string }) => n.status)).toEqual([
      'SUBMITTED',
      'SUBMITTED',
    ]);
    const mails = await mailsTo(organizer.email, 'NOMINATIONS_SUBMITTED');
    expect(mails.length).toBe(2);
    const both = mails.find((mail) => mail.text!.includes('submitted 2 nomination(s)'));
    expect(both?.subject).toContain('Uzbekistan');
  });

  it('approves into registrations (waitlisted once the edition is full) and declines with a reason', async () => {
    const { nominations } = (await t.ok(DELEGATION, { id: uzbekistan }, organizer.token))
      .delegation;
    expect(errorCode(await t.gql(APPROVE, { id: nominations[0].id }, focal))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(APPROVE, { id: nominations[0].id }, otherFocal))).toBe(
      'NOT_FOUND',
    );
    // The edition has 5 seats: fill 4 of them with others first.
    for (let i = 0; i < 4; i++) {
      const person = await aPerson().create(t);
      await t.ok(
        `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
        { input: { editionId, personId: person.id } },
        organizer.token,
      );
    }
    const first = await t.ok(APPROVE, { id: nominations[0].id }, organizer.token);
    expect(first.approveNomination).toMatchObject({
      status: 'APPROVED',
      registration: { status: 'REGISTERED', delegationCountry: 'UZ', listed: true },
    });
    const second = await t.ok(APPROVE, { id: nominations[1].id }, organizer.token);
    expect(second.approveNomination.registration.status).toBe('WAITLISTED');
    const rows = await t.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(`select count(*) as n from registration where delegation_id = ?`, [uzbekistan]);
    expect(Number(rows[0].n)).toBe(2);
    const declined = await t.ok(
      DECLINE,
      { input: { nominationId: nominations[2].id, reason: 'Квота для этой категории исчерпана.' } },
      organizer.token,
    );
    expect(declined.declineNomination).toMatchObject({ status: 'DECLINED' });
    // The focal point (Uzbek), the nominee (their language, English by default).
    const approved = await mailsTo('focal.uz@example.org', 'NOMINATION_APPROVED');
    expect(approved.length).toBe(2);
    expect(approved[0].subject).toMatch(/^Nomzod tasdiqlandi: /);
    expect(approved.filter((mail) => mail.text!.includes('kutish roʻyxatiga')).length).toBe(1);
    const [declineMail] = await mailsTo('focal.uz@example.org', 'NOMINATION_DECLINED');
    expect(declineMail.text).toContain('Sababi: Квота для этой категории исчерпана.');
    const nominees = (await delivered()).filter((mail) =>
      /^(REGISTRATION_CONFIRMED|WAITLISTED):/.test(keyOf(mail)),
    );
    // The others registered have no address: these are the two nominees'.
    expect(nominees.map((mail) => keyOf(mail).split(':')[0]).sort()).toEqual([
      'REGISTRATION_CONFIRMED',
      'WAITLISTED',
    ]);
    // A declined seat is free again; a delegation with approved people stays.
    const seats = (await t.ok(DELEGATION, { id: uzbekistan }, focal)).delegation;
    expect(seats).toMatchObject({ seatsUsed: 2, seatsLeft: 2 });
    const remove = await t.gql(
      `mutation($id: ID!) { removeDelegation(id: $id) }`,
      { id: uzbekistan },
      organizer.token,
    );
    expect(problem(remove)).toMatchObject({ code: 'CONFLICT', reason: 'DELEGATION_HAS_APPROVED' });
  });
});
