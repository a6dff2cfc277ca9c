import { MikroORM } from '@mikro-orm/core';
import { createCanvas } from '@napi-rs/canvas';
import {
  BadgeTokens,
  Delegation,
  DelegationFocalPoint,
  DelegationKind,
  Registration,
} from '@platform/conferences';
import { Clock } from '@platform/core';
import { MailWorker } from '@platform/mail';
import { ParsedMail } from 'mailparser';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from './factories';
import { decodeQr, pdfPageCount, pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { problem, startTestApp, TestApp } from './support/test-app';

const BADGE = `query($r: ID!) {
  badge(registrationId: $r) {
    registrationId name nameLatin nameCyrillic organization delegation role roleSet
    photoUrl pdfUrl revocations printCount firstPrintedAt lastPrintedAt
  }
}`;
const BADGES = `query($e: ID!, $d: ID) { badges(editionId: $e, delegationId: $d) { registrationId name role } }`;
const SCAN = `mutation($e: ID!, $token: String!, $at: String) {
  checkInByBadge(editionId: $e, token: $token, scannedAt: $at) {
    registrationId name nameLatin nameCyrillic photoUrl organization delegation role
    day checkedInAt time alreadyCheckedIn message
  }
}`;
const COUNT = `query($e: ID!, $day: String) {
  badgeCheckInCount(editionId: $e, day: $day) { day checkedIn expected byDelegation { key label checkedIn expected } }
}`;
const SET_ROLE = `mutation($r: ID!, $role: BadgeRole) { setBadgeRole(registrationId: $r, role: $role) { role roleSet } }`;
const PHOTO = `mutation($r: ID!, $photo: String!) { uploadBadgePhoto(registrationId: $r, photo: $photo) { photoUrl } }`;
const REVOKE = `mutation($r: ID!) { revokeBadge(registrationId: $r) { revocations } }`;
const SEND = `mutation($e: ID!, $d: ID) { sendBadges(editionId: $e, delegationId: $d) }`;

const flat = (text: string) => text.replace(/\s+/g, ' ');
const keyOf = (mail: ParsedMail) => mail.headers.get('x-idempotency-key') as string;

function png(width = 60, height = 80): Buffer {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#b08060';
  context.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

/**
 * Accreditation badges of the 2026 conference in Ashgabat (UTC+5): printed and read back,
 * scanned at the entrance, revoked, mailed; who may see and change them.
 */
describe('badges and check-in by QR', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let organizer: { token: string };
  let otherOrganizer: { token: string };
  let editionId: string;
  let otherEditionId: string;
  let malika: { id: string; registrationId: string; token: string };
  let speaker: { id: string; registrationId: string };
  let stranger: { registrationId: string; token: string };
  let otherEditionRegistrationId: string;
  let focalPoint: { id: string; token: string };
  let delegationId: string;

  const now = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));

  /** The token in the QR code of a badge PDF, downloaded as `token` may. */
  async function tokenOf(registrationId: string, token = organizer.token): Promise<string> {
    const res = await t.download(`/documents/badges/${registrationId}.pdf`, token);
    expect(res.status).toBe(200);
    return decodeQr(res.body);
  }

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_RETRY_BASE_SECONDS: '0',
      MAIL_RATE_PER_SECOND: '1000',
    });
    organizer = await anAccount(t, 'ORGANIZER');
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    editionId = (
      await anEdition(series.id)
        .inYear(2026)
        .on('2026-10-14', '2026-10-15')
        .hostedBy('TM', 'Ashgabat')
        .published()
        .create(t, organizer.token)
    ).id;
    otherEditionId = (await anEdition(series.id).inYear(2027).create(t, otherOrganizer.token)).id;

    const court = await anOrganization()
      .named('Supreme Court of the Republic of Uzbekistan')
      .create(t);
    const malikaPerson = await aPerson()
      .named('Malika Qodirova', 'Малика Қодирова')
      .withEmail('malika@example.org')
      .speaking('RU')
      .in(court.id)
      .create(t);
    const malikaRegistration = (await register(t, editionId, malikaPerson.id, organizer.token))
      .data!.registerParticipant.id as string;
    const malikaAccount = await anAccount(t, 'PARTICIPANT', malikaPerson.id);
    malika = {
      id: malikaPerson.id,
      registrationId: malikaRegistration,
      token: malikaAccount.token,
    };

    const speakerPerson = await aPerson()
      .named('Aibek Seitkali', 'Айбек Сейткали')
      .from('KZ')
      .withEmail('aibek@example.org')
      .create(t);
    speaker = {
      id: speakerPerson.id,
      registrationId: (await register(t, editionId, speakerPerson.id, organizer.token)).data!
        .registerParticipant.id,
    };
    await t.ok(
      `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`,
      {
        e: editionId,
        input: {
          day: 1,
          startTime: '10:00',
          endTime: '11:00',
          kind: 'PANEL',
          title: 'Technology and trafficking',
          speakers: [{ personId: speakerPerson.id }],
        },
      },
      organizer.token,
    );

    const strangerPerson = await aPerson().named('Dilnoza Karimova').create(t);
    const strangerAccount = await anAccount(t, 'PARTICIPANT', strangerPerson.id);
    stranger = {
      registrationId: (await register(t, editionId, strangerPerson.id, organizer.token)).data!
        .registerParticipant.id,
      token: strangerAccount.token,
    };
    const otherPerson = await aPerson().named('Other Edition Person').create(t);
    otherEditionRegistrationId = (
      await register(t, otherEditionId, otherPerson.id, otherOrganizer.token)
    ).data!.registerParticipant.id;

    // Uzbekistan's delegation, with Malika in it and a focal point (made as the delegation
    // part of the platform makes them).
    const email = `focal-${Date.now()}@example.org`;
    const user = await t.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email, password: 'a-long-password-1', role: 'FOCAL_POINT' } },
      t.adminToken,
    );
    focalPoint = { id: user.createUser.id, token: await t.login(email, 'a-long-password-1') };
    const em = t.app.get(MikroORM).em.fork();
    const delegation = em.create(Delegation, {
      edition: editionId,
      kind: DelegationKind.COUNTRY,
      country: 'UZ',
      seats: 5,
    });
    em.create(DelegationFocalPoint, { delegation, user: focalPoint.id });
    (await em.findOneOrFail(Registration, malika.registrationId)).delegation = em.getReference(
      Delegation,
      delegation.id,
    ) as never;
    await em.flush();
    delegationId = delegation.id;

    // The first day of the conference, 11:30 in Ashgabat.
    now('2026-10-14T06:30:00Z');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await smtp?.close();
  });

  it('prints a badge with the name in both scripts, organization, delegation and role; its QR checks the person in', async () => {
    const res = await t.download(
      `/documents/badges/${malika.registrationId}.pdf?lang=ru`,
      organizer.token,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = flat(await pdfText(res.body));
    expect(text).toContain('Malika Qodirova');
    expect(text).toContain('Малика Қодирова');
    expect(text).toContain('Supreme Court of the Republic of Uzbekistan');
    expect(text).toContain('Узбекистан');
    expect(text).toContain('ДЕЛЕГАТ');
    const token = await decodeQr(res.body);
    expect(token).toMatch(/^B1\.[A-Za-z0-9_-]{48}$/);
    expect(token).not.toContain(malika.registrationId);

    const scan = await t.ok(SCAN, { e: editionId, token }, organizer.token);
    expect(scan.checkInByBadge).toMatchObject({
      registrationId: malika.registrationId,
      name: 'Malika Qodirova',
      nameLatin: 'Malika Qodirova',
      nameCyrillic: 'Малика Қодирова',
      organization: 'Supreme Court of the Republic of Uzbekistan',
      delegation: 'Uzbekistan',
      role: 'DELEGATE',
      day: '2026-10-14',
      time: '11:30',
      alreadyCheckedIn: false,
      message: 'Checked in at 11:30',
    });
    const registration = await t.ok(
      `query($id: ID!) { registration(id: $id) { checkIns { day } } }`,
      { id: malika.registrationId },
      organizer.token,
    );
    expect(registration.registration.checkIns).toEqual([{ day: '2026-10-14' }]);

    // A second scan, later that morning, changes nothing and says since when.
    now('2026-10-14T07:05:00Z');
    const again = await t.ok(SCAN, { e: editionId, token }, organizer.token, {
      'accept-language': 'ru',
    });
    expect(again.checkInByBadge).toMatchObject({
      alreadyCheckedIn: true,
      time: '11:30',
      message: 'Вход уже отмечен в 11:30',
    });
    now('2026-10-14T06:30:00Z');
  });

  it('records the first print and each reprint, but not the holder’s own copy', async () => {
    const before = (await t.ok(BADGE, { r: speaker.registrationId }, organizer.token)).badge;
    expect(before).toMatchObject({
      printCount: 0,
      firstPrintedAt: null,
      role: 'SPEAKER',
      roleSet: false,
    });
    await tokenOf(speaker.registrationId);
    await tokenOf(speaker.registrationId);
    const after = (await t.ok(BADGE, { r: speaker.registrationId }, organizer.token)).badge;
    expect(after.printCount).toBe(2);
    expect(after.firstPrintedAt).toBe('2026-10-14T06:30:00.000Z');

    const own = await t.ok(BADGE, { r: malika.registrationId }, malika.token);
    await tokenOf(malika.registrationId, malika.token);
    expect((await t.ok(BADGE, { r: malika.registrationId }, malika.token)).badge.printCount).toBe(
      own.badge.printCount,
    );
  });

  it('prints sheets of four badges for the edition or one delegation, recording each print', async () => {
    const res = await t.download(`/documents/editions/${editionId}/badges.pdf`, organizer.token);
    expect(res.status).toBe(200);
    expect(await pdfPageCount(res.body)).toBe(1);
    const text = flat(await pdfText(res.body));
    for (const name of [
      'Malika Qodirova',
      'Малика Қодирова',
      'Aibek Seitkali',
      'Айбек Сейткали',
      'Dilnoza Karimova',
    ])
      expect(text).toContain(name);
    expect(text).toContain('SPEAKER');
    expect(text).toContain('DELEGATE');

    const own = await t.download(
      `/documents/editions/${editionId}/badges.pdf?delegation=${delegationId}`,
      focalPoint.token,
    );
    expect(own.status).toBe(200);
    const ownText = flat(await pdfText(own.body));
    expect(ownText).toContain('Malika Qodirova');
    expect(ownText).not.toContain('Aibek Seitkali');
    // One badge on the sheet: its QR code reads back, and checks Malika in (already, today).
    const scan = await t.ok(
      SCAN,
      { e: editionId, token: await decodeQr(own.body) },
      organizer.token,
    );
    expect(scan.checkInByBadge).toMatchObject({ name: 'Malika Qodirova', alreadyCheckedIn: true });
    // The whole edition is the organizers' alone; another edition's organizer sees nothing.
    expect(
      (await t.download(`/documents/editions/${editionId}/badges.pdf`, focalPoint.token)).status,
    ).toBe(403);
    expect(
      (
        await t.download(
          `/documents/editions/${editionId}/badges.pdf?delegation=${delegationId}`,
          otherOrganizer.token,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await t.download(
          `/documents/editions/${editionId}/badges.pdf?delegation=nope`,
          organizer.token,
        )
      ).status,
    ).toBe(400);

    const printed = await t.ok(BADGE, { r: stranger.registrationId }, organizer.token);
    expect(printed.badge.printCount).toBe(1);
  });

  it('refuses a forged token, a tampered one, a revoked one and another edition’s, saying which', async () => {
    const token = await tokenOf(stranger.registrationId);
    const refusal = async (candidate: string) =>
      problem(await t.gql(SCAN, { e: editionId, token: candidate }, organizer.token));

    const forged = `B1.${Buffer.alloc(36, 7).toString('base64url')}`;
    const tampered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    for (const candidate of [forged, tampered, 'hello', stranger.registrationId, '']) {
      expect(await refusal(candidate)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'BADGE_INVALID',
        field: 'token',
      });
    }
    const other = await tokenOf(otherEditionRegistrationId, otherOrganizer.token);
    expect(await refusal(other)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BADGE_INVALID' });

    expect(
      (await t.ok(REVOKE, { r: stranger.registrationId }, organizer.token)).revokeBadge,
    ).toEqual({
      revocations: 1,
    });
    expect(await refusal(token)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BADGE_REVOKED',
      field: 'token',
    });
    // The reprint carries a new token, which works.
    const reissued = await tokenOf(stranger.registrationId);
    expect(reissued).not.toBe(token);
    const scan = await t.ok(SCAN, { e: editionId, token: reissued }, organizer.token);
    expect(scan.checkInByBadge.registrationId).toBe(stranger.registrationId);
  });

  it('checks a scan made offline in for the day it was made, and refuses a day outside the edition', async () => {
    const token = await tokenOf(speaker.registrationId);
    const outside = problem(
      await t.gql(SCAN, { e: editionId, token, at: '2026-10-13T09:00:00+05:00' }, organizer.token),
    );
    expect(outside).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DAY_OUTSIDE_EDITION',
      field: 'scannedAt',
    });
    expect(
      problem(await t.gql(SCAN, { e: editionId, token, at: 'yesterday' }, organizer.token)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scannedAt' });

    const scan = await t.ok(
      SCAN,
      { e: editionId, token, at: '2026-10-14T08:45:00+05:00' },
      organizer.token,
    );
    expect(scan.checkInByBadge).toMatchObject({
      day: '2026-10-14',
      time: '08:45',
      checkedInAt: '2026-10-14T03:45:00.000Z',
      role: 'SPEAKER',
      delegation: 'Kazakhstan',
    });
  });

  it('counts who is in today, by delegation', async () => {
    const { badgeCheckInCount } = await t.ok(COUNT, { e: editionId }, organizer.token);
    expect(badgeCheckInCount).toMatchObject({ day: '2026-10-14', checkedIn: 3, expected: 3 });
    expect(badgeCheckInCount.byDelegation).toEqual(
      expect.arrayContaining([
        { key: delegationId, label: 'Uzbekistan', checkedIn: 1, expected: 1 },
        { key: 'KZ', label: 'Kazakhstan', checkedIn: 1, expected: 1 },
      ]),
    );
    const tomorrow = await t.ok(COUNT, { e: editionId, day: '2026-10-15' }, organizer.token);
    expect(tomorrow.badgeCheckInCount).toMatchObject({ checkedIn: 0, expected: 3 });
  });

  it('checks in only people who hold a seat', async () => {
    const person = await aPerson().named('Cancelled Person').create(t);
    const registrationId = (await register(t, editionId, person.id, organizer.token)).data!
      .registerParticipant.id as string;
    const token = await tokenOf(registrationId);
    await t.ok(
      `mutation($id: ID!) { cancelRegistration(id: $id) { id } }`,
      { id: registrationId },
      organizer.token,
    );
    expect(problem(await t.gql(SCAN, { e: editionId, token }, organizer.token))).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_REGISTRATION_STATUS',
    });
    expect(
      (await t.download(`/documents/badges/${registrationId}.pdf`, organizer.token)).status,
    ).toBe(409);
  });

  it('lets the person, their focal point and the organizers see a badge, and nobody else', async () => {
    expect((await t.ok(BADGE, { r: malika.registrationId }, malika.token)).badge.name).toBe(
      'Malika Qodirova',
    );
    expect(
      (await t.ok(BADGE, { r: malika.registrationId }, focalPoint.token)).badge.delegation,
    ).toBe('Uzbekistan');
    for (const token of [stranger.token, otherOrganizer.token]) {
      expect(problem(await t.gql(BADGE, { r: malika.registrationId }, token)).code).toBe(
        'NOT_FOUND',
      );
      expect(
        (await t.download(`/documents/badges/${malika.registrationId}.pdf`, token)).status,
      ).toBe(404);
    }
    // The focal point manages only their delegation's people.
    expect(problem(await t.gql(BADGE, { r: speaker.registrationId }, focalPoint.token)).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await t.download(`/documents/badges/${speaker.registrationId}.pdf`, focalPoint.token))
        .status,
    ).toBe(404);
    expect((await t.download(`/documents/badges/${malika.registrationId}.pdf`)).status).toBe(401);
    const list = await t.ok(BADGES, { e: editionId, d: delegationId }, focalPoint.token);
    expect(list.badges.map((badge: { name: string }) => badge.name)).toEqual(['Malika Qodirova']);
    expect(
      problem(await t.gql(BADGES, { e: editionId, d: delegationId }, otherOrganizer.token)).code,
    ).toBe('NOT_FOUND');

    // Roles and scans are the organizers'.
    expect(
      problem(await t.gql(SET_ROLE, { r: malika.registrationId, role: 'PRESS' }, focalPoint.token))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      problem(await t.gql(SET_ROLE, { r: malika.registrationId, role: 'PRESS' }, malika.token))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.ok(SET_ROLE, { r: speaker.registrationId, role: 'STAFF' }, organizer.token))
        .setBadgeRole,
    ).toEqual({
      role: 'STAFF',
      roleSet: true,
    });
    expect(
      (await t.ok(SET_ROLE, { r: speaker.registrationId, role: null }, organizer.token))
        .setBadgeRole,
    ).toEqual({
      role: 'SPEAKER',
      roleSet: false,
    });
    const token = await tokenOf(malika.registrationId);
    expect(problem(await t.gql(SCAN, { e: editionId, token }, otherOrganizer.token)).code).toBe(
      'FORBIDDEN',
    );
    expect(problem(await t.gql(SCAN, { e: editionId, token }, focalPoint.token)).code).toBe(
      'FORBIDDEN',
    );
    expect(problem(await t.gql(REVOKE, { r: malika.registrationId }, malika.token)).code).toBe(
      'FORBIDDEN',
    );
  });

  it('takes a JPEG or PNG photo of at most 2 MB from the person or their focal point, and prints it', async () => {
    const photo = png();
    const mine = await t.ok(
      PHOTO,
      { r: malika.registrationId, photo: photo.toString('base64') },
      malika.token,
    );
    expect(mine.uploadBadgePhoto.photoUrl).toBe(`/documents/badges/${malika.registrationId}/photo`);
    const served = await t.download(mine.uploadBadgePhoto.photoUrl, focalPoint.token);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.body, photo)).toBe(0);
    expect((await t.download(mine.uploadBadgePhoto.photoUrl, stranger.token)).status).toBe(404);
    expect(
      (await t.download(`/documents/badges/${speaker.registrationId}/photo`, organizer.token))
        .status,
    ).toBe(404);

    await t.ok(
      PHOTO,
      { r: malika.registrationId, photo: png(90, 120).toString('base64') },
      focalPoint.token,
    );
    const pdf = await t.download(`/documents/badges/${malika.registrationId}.pdf`, organizer.token);
    expect(flat(await pdfText(pdf.body))).toContain('Malika Qodirova');
    const scan = await t.ok(
      SCAN,
      { e: editionId, token: await decodeQr(pdf.body) },
      organizer.token,
    );
    expect(scan.checkInByBadge.photoUrl).toBe(`/documents/badges/${malika.registrationId}/photo`);

    const pdfFile = Buffer.from('%PDF-1.7\n%âãÏÓ\n').toString('base64');
    const tooBig = Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    for (const [bad, says] of [
      [pdfFile, 'photo: must be a JPEG or PNG file'],
      [tooBig, 'photo: must be at most 2048 KB'],
      ['not base64!', 'photo: must be a file encoded in base64'],
    ]) {
      const res = await t.gql(PHOTO, { r: malika.registrationId, photo: bad }, malika.token);
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photo' });
      expect(res.errors![0].message).toBe(says);
    }
    expect(
      problem(
        await t.gql(
          PHOTO,
          { r: speaker.registrationId, photo: png().toString('base64') },
          focalPoint.token,
        ),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('mails each person their badge as a PDF, in their language, once per badge', async () => {
    const worker = t.app.get(MailWorker);
    const { sendBadges } = await t.ok(SEND, { e: editionId }, organizer.token);
    // Malika, Aibek and Dilnoza (whose account gave her an address); not the cancelled person.
    expect(sendBadges).toBe(3);
    expect(
      problem(await t.gql(SEND, { e: editionId, d: delegationId }, focalPoint.token)).code,
    ).toBe('FORBIDDEN');
    while ((await worker.drainOnce()) > 0);
    const mails = smtp.received.filter((mail) => keyOf(mail).startsWith('BADGE:'));
    expect(mails).toHaveLength(3);
    const toMalika = mails.find(
      (mail) => mail.to && JSON.stringify(mail.to).includes('malika@example.org'),
    )!;
    expect(toMalika.subject).toMatch(/^Ваш бейдж: /);
    expect(toMalika.attachments).toHaveLength(1);
    const attached = toMalika.attachments[0].content;
    const text = flat(await pdfText(attached));
    expect(text).toContain('Малика Қодирова');
    expect(text).toContain('ДЕЛЕГАТ');
    const scan = await t.ok(
      SCAN,
      { e: editionId, token: await decodeQr(attached) },
      organizer.token,
    );
    expect(scan.checkInByBadge).toMatchObject({
      registrationId: malika.registrationId,
      alreadyCheckedIn: true,
    });

    expect((await t.ok(SEND, { e: editionId }, organizer.token)).sendBadges).toBe(0);
  });

  it('signs alike in every process on the database, and with BADGE_SIGNING_KEY only under that key', async () => {
    const token = await tokenOf(speaker.registrationId);
    const claim = await t.app.get(BadgeTokens).verify(token);
    expect(claim).toMatchObject({ version: 1 });
    // A second API process on the same database reads the key the first one stored.
    const second = await startTestApp({ MAIL_WORKER: 'off' }, t.database);
    try {
      expect(await second.app.get(BadgeTokens).verify(token)).toEqual(claim);
    } finally {
      await second.app.close();
    }
    const keyed = await startTestApp(
      { MAIL_WORKER: 'off', BADGE_SIGNING_KEY: 'ab'.repeat(32) },
      t.database,
    );
    try {
      const tokens = keyed.app.get(BadgeTokens);
      expect(await tokens.verify(token)).toBeNull();
      const own = await tokens.sign({ id: claim!.badgeId, tokenVersion: 1 });
      expect(await tokens.verify(own)).toEqual(claim);
    } finally {
      await keyed.app.close();
    }
  });
});
