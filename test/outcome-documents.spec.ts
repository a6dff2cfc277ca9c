import { anAccount, anEdition, anOrganization, aPerson, aSeries } from './factories';
import { pdfText } from './support/pdf';
import { startTestApp, TestApp } from './support/test-app';

const ADD_RECOMMENDATION = `mutation($editionId: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $editionId, input: $input) { id } }`;
const SET_STATUS = `mutation($id: ID!, $status: RecommendationStatus!) { setRecommendationStatus(id: $id, status: $status) { id } }`;
const FOLLOW_UP = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`;

describe('outcome documents of an edition: recommendations and agenda', () => {
  let t: TestApp;
  let organizer: { token: string };
  let editionId: string;
  let draftEditionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    editionId = (await anEdition(series.id).published().create(t, organizer.token)).id;
    const later = (
      await anEdition(series.id)
        .inYear(2023)
        .hostedBy('KZ', 'Astana')
        .published()
        .create(t, organizer.token)
    ).id;
    draftEditionId = (
      await anEdition(series.id).inYear(2024).hostedBy('KG', 'Bishkek').create(t, organizer.token)
    ).id;

    const commission = await anOrganization()
      .named('National Commission on Combating Trafficking in Persons')
      .create(t);
    const iom = await anOrganization()
      .named('International Organization for Migration', 'IOM')
      .ofType('INTERNATIONAL_ORGANIZATION')
      .from('CH')
      .create(t);
    for (const [organizationId, role] of [
      [commission.id, 'HOST'],
      [iom.id, 'CO_ORGANIZER'],
    ]) {
      await t.ok(
        `mutation($editionId: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $editionId, input: $input) { id } }`,
        { editionId, input: { organizationId, role } },
        organizer.token,
      );
    }

    const group = await t.ok(
      `mutation($editionId: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $editionId, input: $input) { id } }`,
      { editionId, input: { name: 'Social partnership' } },
      organizer.token,
    );
    const adopted = await t.ok(
      ADD_RECOMMENDATION,
      {
        editionId,
        input: {
          text: 'Improve social partnership between state bodies and NGOs in the referral of victims.',
          addressedTo: 'National commissions',
          workingGroupId: group.createWorkingGroup.id,
        },
      },
      organizer.token,
    );
    await t.ok(
      SET_STATUS,
      { id: adopted.addRecommendation.id, status: 'ADOPTED' },
      organizer.token,
    );
    const plenary = await t.ok(
      ADD_RECOMMENDATION,
      { editionId, input: { text: 'Укрепить трансграничное сотрудничество пограничных служб.' } },
      organizer.token,
    );
    await t.ok(
      SET_STATUS,
      { id: plenary.addRecommendation.id, status: 'ADOPTED' },
      organizer.token,
    );
    await t.ok(
      ADD_RECOMMENDATION,
      { editionId, input: { text: 'A draft nobody adopted.' } },
      organizer.token,
    );
    await t.ok(
      FOLLOW_UP,
      {
        input: {
          recommendationId: adopted.addRecommendation.id,
          editionId: later,
          status: 'IN_PROGRESS',
          note: 'Memoranda signed in two regions.',
        },
      },
      organizer.token,
    );

    const speaker = await aPerson().named('Gʻulomov Oʻtkir').create(t);
    await t.ok(
      `mutation($editionId: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $editionId, input: $input) { id } }`,
      {
        editionId,
        input: {
          day: 1,
          startTime: '10:00',
          endTime: '10:20',
          kind: 'SPEECH',
          title: 'Welcoming speech',
          speakers: [{ personId: speaker.id, titleOnAgenda: 'Deputy Minister of Justice' }],
        },
      },
      organizer.token,
    );
    await t.ok(
      `mutation($editionId: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $editionId, input: $input) { id } }`,
      {
        editionId,
        input: {
          day: 2,
          startTime: '11:00',
          endTime: '12:30',
          kind: 'WORKING_GROUP_SITTING',
          title: 'Plenary sitting of the working groups',
        },
      },
      organizer.token,
    );
  });
  afterAll(() => t.close());

  it('prints the adopted recommendations by working group, with the follow-up of later editions', async () => {
    const res = await t.download(`/documents/editions/${editionId}/recommendations.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    expect(text).toContain('Strengthening National and International Partnerships');
    expect(text).toContain('Use and Abuse of Technology');
    expect(text).toContain('Tashkent');
    expect(text).toContain('International Organization for Migration');
    expect(text).toContain('Social partnership');
    expect(text).toContain('Improve social partnership between state bodies and NGOs');
    expect(text).toContain('Укрепить трансграничное сотрудничество пограничных служб.');
    expect(text).toContain('Memoranda signed in two regions.');
    expect(text).toContain('2023');
    expect(text).not.toContain('A draft nobody adopted.');

    const russian = await pdfText(
      (await t.download(`/documents/editions/${editionId}/recommendations.pdf?lang=ru`)).body,
    );
    expect(russian).toMatch(/принятые рекомендации/i);
    expect(russian).toContain('Состояние на 2023 г.: выполняется');
    const uzbek = await pdfText(
      (await t.download(`/documents/editions/${editionId}/recommendations.pdf?lang=uz`)).body,
    );
    expect(uzbek).toMatch(/tavsiya/i);
  });

  it('prints the agenda by day with speakers and their titles', async () => {
    const res = await t.download(`/documents/editions/${editionId}/agenda.pdf`);
    expect(res.status).toBe(200);
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    expect(text).toContain('Welcoming speech');
    expect(text).toContain('Gʻulomov Oʻtkir');
    expect(text).toContain('Deputy Minister of Justice');
    expect(text).toContain('10:00');
    expect(text).toContain('Plenary sitting of the working groups');
  });

  it('keeps the documents of an unpublished edition to its organizers', async () => {
    expect((await t.download(`/documents/editions/${draftEditionId}/agenda.pdf`)).status).toBe(404);
    expect(
      (await t.download(`/documents/editions/${draftEditionId}/recommendations.pdf`)).status,
    ).toBe(404);
    const participant = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
    expect(
      (await t.download(`/documents/editions/${draftEditionId}/agenda.pdf`, participant.token))
        .status,
    ).toBe(404);
    expect(
      (await t.download(`/documents/editions/${draftEditionId}/agenda.pdf`, organizer.token))
        .status,
    ).toBe(200);
  });
});
