import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Clock, EventKind } from '@platform/core';
import { Certificate, CertificateKind, DocumentJob } from '@platform/documents';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from './factories';
import { decodeQr, pdfPageCount, pdfText } from './support/pdf';
import { unzip } from './support/zip';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import { finishedJob } from './support/document-jobs';

const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
const CONFIGURE = `mutation($input: CertificateSettingsInput!) {
  configureCertificates(input: $input) { serialPrefix secondLanguage hours signatories { name position } }
}`;
const FIELDS = `id kind serial status languages holderName eventTitle verificationCode verificationUrl downloadUrl replacedById revokedReason holder { fullName }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { ${FIELDS} } }`;
const ISSUE_ALL = `mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id status issued total done } }`;
const REVOKE = `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { ${FIELDS} } }`;
const REISSUE = `mutation($input: ReissueCertificateInput!) { reissueCertificate(input: $input) { ${FIELDS} } }`;
const LIST = `query($filter: CertificateFilter!) { certificates(filter: $filter) { totalCount nodes { serial holderName status } } }`;
const MINE = `query { myCertificates { serial holderName } }`;
const ONE = `query($id: ID!) { certificate(id: $id) { serial } }`;

const pathOf = (url: string) => new URL(url).pathname;

describe('certificates: issue, download, verify, revoke and reissue', () => {
  let t: TestApp;
  let organizer: { id: string; token: string };
  let otherOrganizer: { token: string };
  let editionId: string;
  let rahimov: { id: string; fullName: string };
  let gulomov: { id: string; fullName: string };
  let qodirova: { id: string; fullName: string };
  let speaker: { id: string; fullName: string };
  let holder: { token: string };
  let stranger: { token: string };

  const waitForJob = (id: string, token = organizer.token) => finishedJob(t, id, token);

  async function verify(code: string, accept = 'application/json') {
    return t
      .http()
      .get(`/verify/${encodeURIComponent(code)}`)
      .set('accept', accept);
  }

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    editionId = (await anEdition(series.id).published().create(t, organizer.token)).id;
    const commission = await anOrganization()
      .named('National Commission on Combating Trafficking in Persons and Forced Labour')
      .create(t);
    const unodc = await anOrganization()
      .named('United Nations Office on Drugs and Crime', 'UNODC')
      .ofType('INTERNATIONAL_ORGANIZATION')
      .from('AT')
      .create(t);
    for (const [organization, role] of [
      [commission, 'HOST'],
      [unodc, 'CO_ORGANIZER'],
    ] as const) {
      await t.ok(
        `mutation($editionId: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $editionId, input: $input) { id } }`,
        { editionId, input: { organizationId: organization.id, role } },
        organizer.token,
      );
    }
    const ministry = await anOrganization().named('Ministry of Internal Affairs').create(t);
    rahimov = await aPerson().named('Рахимов Алишер').speaking('RU').in(ministry.id).create(t);
    gulomov = await aPerson().named('Gʻulomov Oʻtkir Oʻrinboyevich').speaking('UZ').create(t);
    qodirova = await aPerson().named('Dilnoza Qodirova').create(t);
    speaker = await aPerson().named('Malika Yusupova').create(t);
    holder = await anAccount(t, 'PARTICIPANT', rahimov.id);
    stranger = await anAccount(t, 'PARTICIPANT', qodirova.id);

    const days = ['2022-07-28', '2022-07-29'];
    for (const [person, day] of [
      [rahimov, days[0]],
      [gulomov, days[1]],
      [qodirova, undefined],
    ] as const) {
      const registration = (await register(t, editionId, person.id, organizer.token)).data
        .registerParticipant;
      if (day) {
        await t.ok(CHECK_IN, { input: { registrationId: registration.id, day } }, organizer.token);
      }
    }
  });

  afterAll(() => t.close());

  it('asks for the settings before the first certificate', async () => {
    const res = await t.gql(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: rahimov.id } },
      organizer.token,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CERTIFICATES_NOT_CONFIGURED',
    });
  });

  it('refuses settings that name a bad prefix or the wrong event', async () => {
    const bad = await t.gql(
      CONFIGURE,
      { input: { editionId, serialPrefix: 'tip-1', signatories: [] } },
      organizer.token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'serialPrefix',
    });
    const neither = await t.gql(
      CONFIGURE,
      { input: { serialPrefix: 'TIP', signatories: [] } },
      organizer.token,
    );
    expect(neither.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'editionId',
    });
    const notTheirs = await t.gql(
      CONFIGURE,
      { input: { editionId, serialPrefix: 'TIP', signatories: [] } },
      otherOrganizer.token,
    );
    expect(errorCode(notTheirs)).toBe('FORBIDDEN');
  });

  it('issues a bilingual certificate whose PDF carries the name, code, event and a QR to the public page', async () => {
    const settings = await t.ok(
      CONFIGURE,
      {
        input: {
          editionId,
          serialPrefix: 'TIP',
          secondLanguage: 'EN',
          hours: 16,
          signatories: [
            { name: 'Akmal Saidov', position: 'Chair of the National Commission' },
            { name: 'Ashita Mittal', position: 'Regional Representative', organization: 'UNODC' },
          ],
        },
      },
      organizer.token,
    );
    expect(settings.configureCertificates).toMatchObject({ serialPrefix: 'TIP', hours: 16 });

    const { issueCertificate: certificate } = await t.ok(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: rahimov.id } },
      organizer.token,
    );
    expect(certificate).toMatchObject({
      serial: 'TIP-2022-000001',
      status: 'VALID',
      languages: ['RU', 'EN'],
      holderName: 'Рахимов Алишер',
    });
    expect(certificate.verificationCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(certificate.verificationUrl).toBe(
      `${t.config.publicUrl}/verify/${certificate.verificationCode}`,
    );

    const pdf = await t.download(pathOf(certificate.downloadUrl), holder.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Рахимов Алишер');
    expect(text).toContain('TIP-2022-000001');
    expect(text).toContain(certificate.verificationCode);
    expect(text).toContain('Combating Trafficking in Persons');
    expect(text).toContain('Сертификат'.toUpperCase().slice(0, 3)); // Cyrillic fixed text
    expect(text).toMatch(/certificate/i);
    expect(text).toContain('Akmal Saidov');
    expect(text).toContain('United Nations Office on Drugs and Crime');
    expect(await pdfPageCount(pdf.body)).toBe(1);
    expect(await decodeQr(pdf.body)).toBe(certificate.verificationUrl);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    // The web app's "Open the PDF": the same file, shown in the browser.
    const shown = await t.download(`${pathOf(certificate.downloadUrl)}?inline=1`, holder.token);
    expect(shown.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(shown.body.equals(pdf.body)).toBe(true);
    const bad = await t.download(`${pathOf(certificate.downloadUrl)}?inline=yes`, holder.token);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'inline',
    });

    // Asking again gives the same certificate, not a second one.
    const again = await t.ok(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: rahimov.id } },
      organizer.token,
    );
    expect(again.issueCertificate.serial).toBe('TIP-2022-000001');
  });

  it('refuses people who are not eligible, saying why', async () => {
    const notCheckedIn = await t.gql(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: qodirova.id } },
      organizer.token,
    );
    expect(notCheckedIn.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'personId',
      reason: 'NOT_ELIGIBLE',
    });
    expect(notCheckedIn.errors?.[0].message).toBe(
      'Dilnoza Qodirova has not checked in on any day of this edition.',
    );
    const notRegistered = await t.gql(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: speaker.id } },
      organizer.token,
    );
    expect(notRegistered.errors?.[0].message).toBe(
      'Malika Yusupova is not registered for this edition.',
    );
    const notSpeaker = await t.gql(
      ISSUE,
      { input: { kind: 'SPEAKER', editionId, personId: speaker.id } },
      organizer.token,
    );
    expect(notSpeaker.errors?.[0].message).toBe(
      'Malika Yusupova is not a speaker in any session of this edition.',
    );
    const wrongEvent = await t.gql(
      ISSUE,
      { input: { kind: 'TRAINING_COMPLETION', editionId, personId: speaker.id } },
      organizer.token,
    );
    expect(wrongEvent.errors?.[0].extensions).toMatchObject({ field: 'trainingEventId' });
  });

  it('issues everyone eligible in a background job, once', async () => {
    const { issueCertificates: job } = await t.ok(
      ISSUE_ALL,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId } },
      organizer.token,
    );
    expect(job).toMatchObject({ issued: 1 });
    const finished = await waitForJob(job.id);
    expect(finished).toMatchObject({ status: 'DONE', done: finished.total });

    const { issueCertificates: second } = await t.ok(
      ISSUE_ALL,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId } },
      organizer.token,
    );
    expect(second).toMatchObject({ issued: 0, total: 0 });
    await waitForJob(second.id);

    const { certificates } = await t.ok(LIST, { filter: { editionId } }, organizer.token);
    expect(certificates.totalCount).toBe(2);
    expect(certificates.nodes.map((c: any) => [c.serial, c.holderName])).toEqual([
      ['TIP-2022-000001', 'Рахимов Алишер'],
      ['TIP-2022-000002', 'Gʻulomov Oʻtkir Oʻrinboyevich'],
    ]);

    // The Uzbek holder's certificate: Uzbek Latin with ʻ, and English beside it.
    const zip = await t.download(
      `/documents/editions/${editionId}/certificates.zip`,
      organizer.token,
    );
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = await unzip(zip.body);
    expect(entries.map((entry) => entry.name)).toEqual([
      'TIP-2022-000001-Рахимов-Алишер.pdf',
      'TIP-2022-000002-Gʻulomov-Oʻtkir-Oʻrinboyevich.pdf',
    ]);
    const uzbek = await pdfText(entries[1].content);
    expect(uzbek).toContain('Gʻulomov Oʻtkir Oʻrinboyevich');
    expect(uzbek).toContain('TIP-2022-000002');
    expect(uzbek).toMatch(/sertifikat/i);
  });

  it('issues speaker certificates naming the sessions', async () => {
    const session = await t.ok(
      `mutation($editionId: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $editionId, input: $input) { id } }`,
      {
        editionId,
        input: {
          day: 1,
          startTime: '10:00',
          endTime: '10:30',
          kind: 'PRESENTATION',
          title: 'National referral mechanism: lessons learned',
        },
      },
      organizer.token,
    );
    await t.ok(
      `mutation($sessionId: ID!, $input: SpeakerInput!) { addSessionSpeaker(sessionId: $sessionId, input: $input) { id } }`,
      { sessionId: session.addAgendaSession.id, input: { personId: speaker.id } },
      organizer.token,
    );
    const { issueCertificate } = await t.ok(
      ISSUE,
      { input: { kind: 'SPEAKER', editionId, personId: speaker.id, languages: ['EN'] } },
      organizer.token,
    );
    expect(issueCertificate).toMatchObject({ kind: 'SPEAKER', serial: 'TIP-2022-000003' });
    const pdf = await t.download(pathOf(issueCertificate.downloadUrl), organizer.token);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Malika Yusupova');
    expect(text).toContain('National referral mechanism: lessons learned');
  });

  it('issues attendance and speaker certificates from the first day of the edition on', async () => {
    const clock = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockReturnValue(new Date('2030-07-27T18:00:00Z'));
    try {
      const series = await aSeries(t, organizer.token);
      const edition = (await anEdition(series.id).inYear(2030).create(t, organizer.token)).id;
      await t.ok(
        CONFIGURE,
        { input: { editionId: edition, serialPrefix: 'ASH', signatories: [] } },
        organizer.token,
      );
      const session = await t.ok(
        `mutation($editionId: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $editionId, input: $input) { id } }`,
        {
          editionId: edition,
          input: {
            day: 1,
            startTime: '09:00',
            endTime: '09:30',
            kind: 'OPENING',
            title: 'Opening',
          },
        },
        organizer.token,
      );
      await t.ok(
        `mutation($sessionId: ID!, $input: SpeakerInput!) { addSessionSpeaker(sessionId: $sessionId, input: $input) { id } }`,
        { sessionId: session.addAgendaSession.id, input: { personId: speaker.id } },
        organizer.token,
      );
      const attendee = await aPerson().named('Oydin Ergasheva').create(t);
      const registration = (await register(t, edition, attendee.id, organizer.token)).data
        .registerParticipant;

      // The evening before: the speaker is on the agenda, but has not spoken yet.
      const refusals = [
        await t.gql(
          ISSUE,
          { input: { kind: 'SPEAKER', editionId: edition, personId: speaker.id } },
          organizer.token,
        ),
        await t.gql(ISSUE_ALL, { input: { kind: 'SPEAKER', editionId: edition } }, organizer.token),
        await t.gql(
          ISSUE_ALL,
          { input: { kind: 'CONFERENCE_ATTENDANCE', editionId: edition } },
          organizer.token,
        ),
      ];
      for (const [i, refused] of refusals.entries()) {
        expect(refused.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'editionId',
          reason: 'NOT_ELIGIBLE',
        });
        expect(refused.errors?.[0].message).toBe(
          `Not yet: the edition starts on 2030-07-28; ${i < 2 ? 'speaker' : 'attendance'} certificates are issued from that day (today is 2030-07-27).`,
        );
      }
      const none = await t.ok(LIST, { filter: { editionId: edition } }, organizer.token);
      expect(none.certificates.totalCount).toBe(0);

      // The first morning: checked in, and both are issued.
      clock.mockReturnValue(new Date('2030-07-28T08:00:00Z'));
      await t.ok(
        CHECK_IN,
        { input: { registrationId: registration.id, day: '2030-07-28' } },
        organizer.token,
      );
      for (const [kind, person] of [
        ['SPEAKER', speaker],
        ['CONFERENCE_ATTENDANCE', attendee],
      ] as const) {
        const { issueCertificate } = await t.ok(
          ISSUE,
          { input: { kind, editionId: edition, personId: person.id } },
          organizer.token,
        );
        expect(issueCertificate).toMatchObject({ kind, status: 'VALID' });
      }
    } finally {
      clock.mockRestore();
    }
  });

  it('lets only the holder, the organizers and admins see and download a certificate', async () => {
    const { certificates } = await t.ok(LIST, { filter: { editionId } }, organizer.token);
    const serial = certificates.nodes[0].serial;
    const { myCertificates } = await t.ok(MINE, {}, holder.token);
    expect(myCertificates).toEqual([{ serial, holderName: 'Рахимов Алишер' }]);
    expect((await t.ok(MINE, {}, stranger.token)).myCertificates).toEqual([]);

    const { issueCertificate: own } = await t.ok(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: rahimov.id } },
      organizer.token,
    );
    const path = pathOf(own.downloadUrl);
    expect((await t.download(path, holder.token)).status).toBe(200);
    expect((await t.download(path, t.adminToken)).status).toBe(200);
    expect((await t.download(path, stranger.token)).status).toBe(404);
    expect((await t.download(path, otherOrganizer.token)).status).toBe(404);
    expect((await t.download(path)).status).toBe(401);
    expect(
      (await t.download(`/documents/certificates/${randomUUID()}.pdf`, holder.token)).status,
    ).toBe(404);

    expect(errorCode(await t.gql(ONE, { id: own.id }, stranger.token))).toBe('NOT_FOUND');
    expect((await t.ok(ONE, { id: own.id }, holder.token)).certificate.serial).toBe(own.serial);
    expect(errorCode(await t.gql(LIST, { filter: { editionId } }, holder.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LIST, { filter: { editionId } }, otherOrganizer.token))).toBe(
      'FORBIDDEN',
    );
    const revokeByHolder = await t.gql(
      REVOKE,
      { input: { certificateId: own.id, reason: 'mine' } },
      holder.token,
    );
    expect(errorCode(revokeByHolder)).toBe('FORBIDDEN');
    const issueByStranger = await t.gql(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: qodirova.id } },
      stranger.token,
    );
    expect(errorCode(issueByStranger)).toBe('FORBIDDEN');

    const zipPath = `/documents/editions/${editionId}/certificates.zip`;
    expect((await t.download(zipPath, holder.token)).status).toBe(403);
    expect((await t.download(zipPath)).status).toBe(401);
  });

  it('verifies publicly, revokes with a reason and reissues with a new code', async () => {
    const { issueCertificate: original } = await t.ok(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId: rahimov.id } },
      organizer.token,
    );
    const valid = await verify(original.verificationCode);
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({
      status: 'valid',
      certificate: {
        serial: original.serial,
        kind: 'CONFERENCE_ATTENDANCE',
        holderName: 'Рахимов Алишер',
        event: {
          title: original.eventTitle,
          startDate: '2022-07-28',
          endDate: '2022-07-29',
          city: 'Tashkent',
          country: 'UZ',
          countryName: 'Uzbekistan',
          issuers: [
            'National Commission on Combating Trafficking in Persons and Forced Labour',
            'United Nations Office on Drugs and Crime',
          ],
        },
        issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    });
    // Typed by hand: lower case, without dashes.
    const typed = await verify(original.verificationCode.replace(/-/g, '').toLowerCase());
    expect(typed.body.status).toBe('valid');
    // A browser gets the web app's verification page, which asks for the same JSON.
    const page = await verify(original.verificationCode, 'text/html');
    expect(page.text).toContain('<div id="root">');

    // Unknown and malformed codes cannot be told apart.
    const unknown = await verify('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const malformed = await verify('not a code');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(unknown.status);
    expect(malformed.body).toEqual(unknown.body);
    expect(unknown.body).toEqual({ status: 'unknown' });

    const { revokeCertificate } = await t.ok(
      REVOKE,
      { input: { certificateId: original.id, reason: 'Issued by mistake to the wrong person' } },
      organizer.token,
    );
    expect(revokeCertificate).toMatchObject({
      status: 'REVOKED',
      revokedReason: 'Issued by mistake to the wrong person',
    });
    const revoked = await verify(original.verificationCode);
    expect(revoked.body.status).toBe('revoked');
    expect(JSON.stringify(revoked.body)).not.toContain('mistake');
    const twice = await t.gql(
      REVOKE,
      { input: { certificateId: original.id, reason: 'again' } },
      organizer.token,
    );
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CERTIFICATE_ALREADY_REVOKED',
    });

    // The name is corrected, then the certificate reissued.
    await t.ok(
      `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
      { id: rahimov.id, input: { fullName: 'Рахимов Алишер Бахтиёрович' } },
      t.adminToken,
    );
    const { reissueCertificate: replacement } = await t.ok(
      REISSUE,
      { input: { certificateId: original.id } },
      organizer.token,
    );
    expect(replacement.verificationCode).not.toBe(original.verificationCode);
    expect(replacement).toMatchObject({
      status: 'VALID',
      holderName: 'Рахимов Алишер Бахтиёрович',
      languages: ['RU', 'EN'],
    });
    expect((await verify(original.verificationCode)).body.status).toBe('replaced');
    const fresh = await verify(replacement.verificationCode);
    expect(fresh.body).toMatchObject({
      status: 'valid',
      certificate: { holderName: 'Рахимов Алишер Бахтиёрович' },
    });
    const old = await t.ok(
      `query($id: ID!) { certificate(id: $id) { status replacedById } }`,
      { id: original.id },
      holder.token,
    );
    expect(old.certificate).toEqual({ status: 'REPLACED', replacedById: replacement.id });
    const pdf = await t.download(pathOf(replacement.downloadUrl), holder.token);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Рахимов Алишер Бахтиёрович');
    expect(text).toContain(replacement.verificationCode);
    expect(await decodeQr(pdf.body)).toBe(replacement.verificationUrl);

    const again = await t.gql(REISSUE, { input: { certificateId: original.id } }, organizer.token);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CERTIFICATE_ALREADY_REPLACED',
    });
    // A later bulk run does not issue a duplicate next to the replacement.
    const { issueCertificates: job } = await t.ok(
      ISSUE_ALL,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId } },
      organizer.token,
    );
    expect(job.issued).toBe(0);
    await waitForJob(job.id);
  });

  it('never issues twice when bulk runs overlap, and resumes an unfinished run after a restart', async () => {
    const series = await aSeries(t);
    const edition = (await anEdition(series.id).inYear(2022).published().create(t, organizer.token))
      .id;
    await t.ok(
      CONFIGURE,
      { input: { editionId: edition, serialPrefix: 'RC', signatories: [] } },
      organizer.token,
    );
    for (let i = 0; i < 12; i++) {
      const person = await aPerson().create(t);
      const registration = (await register(t, edition, person.id, organizer.token)).data
        .registerParticipant;
      await t.ok(
        CHECK_IN,
        { input: { registrationId: registration.id, day: '2022-07-28' } },
        organizer.token,
      );
    }
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        t.ok(
          ISSUE_ALL,
          { input: { kind: 'CONFERENCE_ATTENDANCE', editionId: edition } },
          organizer.token,
        ),
      ),
    );
    expect(runs.map((run) => run.issueCertificates.issued).reduce((a, b) => a + b)).toBe(12);
    for (const run of runs)
      expect((await waitForJob(run.issueCertificates.id)).status).toBe('DONE');
    const { certificates } = await t.ok(LIST, { filter: { editionId: edition } }, organizer.token);
    expect(certificates.nodes.map((c: any) => c.serial)).toEqual(
      Array.from({ length: 12 }, (_, i) => `RC-2022-${String(i + 1).padStart(6, '0')}`),
    );

    // A crash left a run queued with its PDFs not rendered: the next start finishes it.
    const orm = t.app.get(MikroORM);
    await orm.em.fork().nativeUpdate(Certificate, { eventId: edition }, { pdf: null });
    const em = orm.em.fork();
    const job = em.create(DocumentJob, {
      certificateKind: CertificateKind.CONFERENCE_ATTENDANCE,
      eventKind: EventKind.EDITION,
      eventId: edition,
      issued: 0,
      total: 12,
    });
    await em.flush();
    const restarted = await startTestApp({}, t.database);
    try {
      expect(await waitForJob(job.id)).toMatchObject({ status: 'DONE', done: 12, total: 12 });
      expect(await orm.em.fork().count(Certificate, { eventId: edition, pdf: null })).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('rate limits the public verification page', async () => {
    const limited = await startTestApp({ VERIFY_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (
            await limited
              .http()
              .get('/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ')
              .set('accept', 'application/json')
          ).status,
        );
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
      const refused = await limited.http().get('/verify/ZZZZ').set('accept', 'application/json');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
