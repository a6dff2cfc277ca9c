import { Clock } from '@platform/core';
import {
  anAccount,
  aPerson,
  aProgramme,
  attendanceOn,
  aTrainingEvent,
  enroll,
  theInlBureau,
  theInteriorMinistry,
} from './factories';
import { decodeQr, pdfText } from './support/pdf';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import { unzip } from './support/zip';
import { DOCUMENT_JOB, finishedJob } from './support/document-jobs';

const CONFIGURE = `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id serial downloadUrl verificationUrl } }`;
const ISSUE_ALL = `mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id issued total } }`;
const LIST = `query($filter: CertificateFilter!) { certificates(filter: $filter) { nodes { id serial holderName downloadUrl verificationUrl } } }`;

describe('training certificates and the attendance report', () => {
  let t: TestApp;
  let organizer: { token: string };
  let trainer: { id: string; token: string };
  let otherTrainer: { token: string };
  let trainee: { token: string };
  let eventId: string;
  let programmeId: string;
  const people: Record<string, { id: string; fullName: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const mia = await theInteriorMinistry().create(t);
    const inl = await theInlBureau().create(t);
    programmeId = (
      await aProgramme(mia.id)
        .titled('Investigating trafficking in persons')
        .fundedBy(inl.id)
        .create(t, organizer.token)
    ).id;
    eventId = (
      await aTrainingEvent(programmeId)
        .titled('Victim-centred investigations')
        .in('Samarkand region', 'Samarkand')
        .on('2023-03-14', '2023-03-15')
        .ledBy(trainer.id)
        .create(t, organizer.token)
    ).id;
    people.judge = await aPerson().named('Qodirov Jasur Gʻayratovich').judge().create(t);
    people.officer = await aPerson().named('Рахимов Алишер').officer().in(mia.id).create(t);
    people.absent = await aPerson().named('Toshmatov Bobur').officer().create(t);
    trainee = await anAccount(t, 'PARTICIPANT', people.officer.id);
    const enrollments: Record<string, string> = {};
    for (const [key, person] of Object.entries(people)) {
      enrollments[key] = (await enroll(t, eventId, person.id, trainer.token)).id;
    }
    await attendanceOn(eventId, '2023-03-14')
      .present(enrollments.judge)
      .present(enrollments.officer)
      .present(enrollments.absent)
      .record(t, trainer.token);
    await attendanceOn(eventId, '2023-03-15')
      .present(enrollments.judge)
      .present(enrollments.officer)
      .absent(enrollments.absent)
      .record(t, trainer.token);
    await t.ok(
      CONFIGURE,
      {
        input: {
          trainingEventId: eventId,
          serialPrefix: 'LET',
          hours: 16,
          signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
        },
      },
      trainer.token,
    );
  });
  afterAll(() => t.close());

  it('issues completion certificates to those who completed, and says why not to the others', async () => {
    const refused = await t.gql(
      ISSUE,
      {
        input: {
          kind: 'TRAINING_COMPLETION',
          trainingEventId: eventId,
          personId: people.absent.id,
        },
      },
      trainer.token,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      reason: 'NOT_ELIGIBLE',
      field: 'personId',
    });
    expect(refused.errors?.[0].message).toBe(
      'Toshmatov Bobur attended 1 of 2 days; completing this training event needs 2.',
    );

    const { issueCertificates: job } = await t.ok(
      ISSUE_ALL,
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId } },
      trainer.token,
    );
    expect(job).toMatchObject({ issued: 2, total: 2 });
    expect(await finishedJob(t, job.id, trainer.token)).toMatchObject({
      status: 'DONE',
      done: 2,
      total: 2,
    });
    expect(errorCode(await t.gql(DOCUMENT_JOB, { id: job.id }, otherTrainer.token))).toBe(
      'NOT_FOUND',
    );

    const { certificates } = await t.ok(
      LIST,
      { filter: { trainingEventId: eventId } },
      trainer.token,
    );
    expect(certificates.nodes.map((c: any) => [c.serial, c.holderName])).toEqual([
      ['LET-2023-000001', 'Qodirov Jasur Gʻayratovich'],
      ['LET-2023-000002', 'Рахимов Алишер'],
    ]);

    const officer = certificates.nodes[1];
    const path = new URL(officer.downloadUrl).pathname;
    const pdf = await t.download(path, trainee.token);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Рахимов Алишер');
    expect(text).toContain('Victim-centred investigations');
    expect(text).toContain('Samarkand');
    expect(text).toContain('Ministry of Internal Affairs of the Republic of Uzbekistan');
    expect(text).toContain('Sherzod Ismoilov');
    expect(await decodeQr(pdf.body)).toBe(officer.verificationUrl);
    expect((await t.download(path, otherTrainer.token)).status).toBe(404);

    const zip = await t.download(
      `/documents/training-events/${eventId}/certificates.zip`,
      trainer.token,
    );
    const entries = await unzip(zip.body);
    expect(entries).toHaveLength(2);
    expect(await pdfText(entries[0].content)).toContain('Qodirov Jasur Gʻayratovich');
    expect(
      (
        await t.download(
          `/documents/training-events/${eventId}/certificates.zip`,
          otherTrainer.token,
        )
      ).status,
    ).toBe(404);
  });

  it('issues completion certificates only once the last day of the event has come', async () => {
    // The second evening of a three-day seminar that needs two days: both trainees have
    // completed by the rule, but the seminar is not over.
    const clock = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockReturnValue(new Date('2030-03-15T15:00:00Z'));
    try {
      const event = await aTrainingEvent(programmeId)
        .titled('Financial investigations')
        .in('Bukhara region', 'Bukhara')
        .on('2030-03-14', '2030-03-16')
        .ledBy(trainer.id)
        .completedAfter({ minDays: 2 })
        .create(t, organizer.token);
      const enrollmentIds: string[] = [];
      for (const person of [people.judge, people.officer]) {
        enrollmentIds.push((await enroll(t, event.id, person.id, trainer.token)).id);
      }
      for (const day of ['2030-03-14', '2030-03-15']) {
        await attendanceOn(event.id, day).all(enrollmentIds, 'PRESENT').record(t, trainer.token);
      }
      const { trainingEvent } = await t.ok(
        `query($id: ID!) { trainingEvent(id: $id) { roster { completed } } }`,
        { id: event.id },
        trainer.token,
      );
      expect(trainingEvent.roster).toEqual([{ completed: true }, { completed: true }]);
      await t.ok(
        CONFIGURE,
        {
          input: {
            trainingEventId: event.id,
            serialPrefix: 'FIN',
            signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
          },
        },
        trainer.token,
      );

      const notYet =
        'Not yet: the training event ends on 2030-03-16; completion certificates are issued from that day (today is 2030-03-15).';
      const one = await t.gql(
        ISSUE,
        {
          input: {
            kind: 'TRAINING_COMPLETION',
            trainingEventId: event.id,
            personId: people.judge.id,
          },
        },
        trainer.token,
      );
      const all = await t.gql(
        ISSUE_ALL,
        { input: { kind: 'TRAINING_COMPLETION', trainingEventId: event.id } },
        trainer.token,
      );
      for (const refused of [one, all]) {
        expect(refused.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'trainingEventId',
          reason: 'NOT_ELIGIBLE',
        });
        expect(refused.errors?.[0].message).toBe(notYet);
      }
      const list = async () =>
        (await t.ok(LIST, { filter: { trainingEventId: event.id } }, trainer.token)).certificates
          .nodes;
      expect(await list()).toEqual([]);

      // On the last day they are issued.
      clock.mockReturnValue(new Date('2030-03-16T09:00:00Z'));
      const { issueCertificates: job } = await t.ok(
        ISSUE_ALL,
        { input: { kind: 'TRAINING_COMPLETION', trainingEventId: event.id } },
        trainer.token,
      );
      expect(job).toMatchObject({ issued: 2 });
      expect(await finishedJob(t, job.id, trainer.token)).toMatchObject({ status: 'DONE' });
      expect((await list()).map((c: { serial: string }) => c.serial)).toEqual([
        'FIN-2030-000001',
        'FIN-2030-000002',
      ]);
    } finally {
      clock.mockRestore();
    }
  });

  it('mails the trainees who completed: only them', async () => {
    const preview = await t.ok(
      `query($input: MailingInput!) { previewMailing(input: $input) { recipients withoutEmail } }`,
      { input: { template: 'CERTIFICATE_ISSUED', audience: { trainingEventId: eventId } } },
      trainer.token,
    );
    // Two completed (the third attended one day of two); only the one with an account
    // (a participant account gives its person an address) can be mailed.
    expect(preview.previewMailing).toEqual({ recipients: 1, withoutEmail: 1 });
    const wrong = await t.gql(
      `query($input: MailingInput!) { previewMailing(input: $input) { recipients } }`,
      { input: { template: 'REMINDER', audience: { trainingEventId: eventId } } },
      trainer.token,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'template',
    });
    const foreign = await t.gql(
      `query($input: MailingInput!) { previewMailing(input: $input) { recipients } }`,
      { input: { template: 'CERTIFICATE_ISSUED', audience: { trainingEventId: eventId } } },
      otherTrainer.token,
    );
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('reports the roster with per-day marks, completion and the programme figures', async () => {
    const report = await t.download(
      `/documents/training-events/${eventId}/attendance-report.pdf?lang=ru`,
      trainer.token,
    );
    expect(report.status).toBe(200);
    const text = await pdfText(report.body);
    for (const person of Object.values(people)) expect(text).toContain(person.fullName);
    expect(text).toContain('Victim-centred investigations');
    expect(text).toContain('Investigating trafficking in persons');
    expect(text).toMatch(/Судья|судья/);

    const english = await pdfText(
      (
        await t.download(
          `/documents/training-events/${eventId}/attendance-report.pdf`,
          organizer.token,
        )
      ).body,
    );
    expect(english).toMatch(/Judge/);
    expect(english).toContain('2023-03-14'.slice(8));

    expect(
      (
        await t.download(
          `/documents/training-events/${eventId}/attendance-report.pdf`,
          otherTrainer.token,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await t.download(
          `/documents/training-events/${eventId}/attendance-report.pdf`,
          trainee.token,
        )
      ).status,
    ).toBe(403);
    const badLanguage = await t
      .http()
      .get(`/documents/training-events/${eventId}/attendance-report.pdf?lang=de`)
      .set('authorization', `Bearer ${trainer.token}`);
    expect(badLanguage.status).toBe(400);
    expect(JSON.stringify(badLanguage.body)).toContain('lang');
  });
});
