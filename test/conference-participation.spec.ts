import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

/** Participation figures of an edition. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('participation figures', () => {
    const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
    const PARTICIPATION = `query($id: ID!) {
      edition(id: $id) {
        participation {
          registered attended waitlisted invited countries organizations
          byOrganizationType { key registered attended }
          byCountry { key attended }
          bySex { key registered attended }
          byDay { number date checkedIn }
          summary
        }
      }
    }`;

    it('counts who registered and who came, by organization type and by delegation', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const seriesId = (await aSeries(t)).id;
      const editionId = (
        await anEdition(seriesId)
          .inYear(2022)
          .on('2022-07-28', '2022-07-29')
          .seats(6)
          .published()
          .create(t, organizer.token)
      ).id;

      const miaUz = await anOrganization()
        .named('Ministry of Internal Affairs of the Republic of Uzbekistan', 'MIA')
        .from('UZ')
        .create(t);
      const miaKz = await anOrganization()
        .named('Ministry of Internal Affairs of the Republic of Kazakhstan', 'MIA')
        .from('KZ')
        .create(t);
      const tenir = await anOrganization()
        .named('Tenir legal aid clinic')
        .ofType('NGO')
        .from('KG')
        .create(t);
      const iom = await anOrganization()
        .named('International Organization for Migration', 'IOM')
        .ofType('INTERNATIONAL_ORGANIZATION')
        .from('UZ')
        .create(t);
      const tm = await anOrganization()
        .named('Ministry of Foreign Affairs of Turkmenistan', 'MFA')
        .from('TM')
        .create(t);

      const enrol = async (
        name: string,
        country: string,
        organizationId: string | undefined,
        delegationCountry?: string,
      ) => {
        let person = aPerson().named(name).from(country);
        if (organizationId) person = person.in(organizationId);
        const { id } = await person.create(t);
        const data = await t.ok(
          `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id status } }`,
          { input: { editionId, personId: id, delegationCountry } },
          organizer.token,
        );
        return data.registerParticipant as { id: string; status: string };
      };
      const otkir = await enrol('Oʻtkir Rahimov', 'UZ', miaUz.id);
      const shavkat = await enrol('Shavkat Toʻxtayev', 'UZ', miaUz.id);
      const aigerim = await enrol('Aigerim Nurlanovna', 'KZ', miaKz.id);
      const aibek = await enrol('Aibek Dzhumabaev', 'KG', tenir.id);
      // A Russian citizen attending with the delegation of Tajikistan, without an organization.
      const firuz = await enrol('Firuz Nazarov', 'RU', undefined, 'TJ');
      const rustam = await enrol('Rustam Karimov', 'UZ', iom.id);
      const merdan = await enrol('Merdan Atayev', 'TM', tm.id);
      expect(merdan.status).toBe('WAITLISTED');
      const invitee = await aPerson().named('Cholpon Ismailova').from('KG').create(t);
      await t.ok(
        `mutation($input: RegisterParticipantInput!) { inviteParticipant(input: $input) { id } }`,
        { input: { editionId, personId: invitee.id } },
        organizer.token,
      );
      await t.ok(
        `mutation($id: ID!) { confirmRegistration(id: $id) { status } }`,
        { id: rustam.id },
        organizer.token,
      );

      const checkIns: [{ id: string }, string][] = [
        [otkir, '2022-07-28'],
        [otkir, '2022-07-29'],
        [shavkat, '2022-07-28'],
        [aigerim, '2022-07-29'],
        [firuz, '2022-07-28'],
        [rustam, '2022-07-29'],
      ];
      for (const [registration, day] of checkIns) {
        await t.ok(CHECK_IN, { input: { registrationId: registration.id, day } }, organizer.token);
      }
      expect(aibek.status).toBe('REGISTERED');

      const data = await t.ok(PARTICIPATION, { id: editionId }, organizer.token);
      expect(data.edition.participation).toEqual({
        registered: 6,
        attended: 5,
        waitlisted: 1,
        invited: 1,
        countries: 3,
        organizations: 3,
        byOrganizationType: [
          { key: 'GOVERNMENT', registered: 3, attended: 3 },
          { key: 'INTERNATIONAL_ORGANIZATION', registered: 1, attended: 1 },
          { key: 'NGO', registered: 1, attended: 0 },
          { key: 'NONE', registered: 1, attended: 1 },
        ],
        byCountry: [
          { key: 'UZ', attended: 3 },
          { key: 'KG', attended: 0 },
          { key: 'KZ', attended: 1 },
          { key: 'TJ', attended: 1 },
        ],
        // Nobody's sex is recorded here.
        bySex: [{ key: 'UNKNOWN', registered: 6, attended: 5 }],
        byDay: [
          { number: 1, date: '2022-07-28', checkedIn: 3 },
          { number: 2, date: '2022-07-29', checkedIn: 3 },
        ],
        summary:
          '5 representatives of government and international organizations from 3 countries attended.',
      });

      // The same figures for a Russian and an Uzbek reader: labels and sentence in their language.
      const ru = await t.ok(PARTICIPATION, { id: editionId }, organizer.token, {
        'accept-language': 'ru',
      });
      expect(ru.edition.participation.summary).toBe(
        'Участвовали 5 представителей из 3 стран: государственные органы, международные организации.',
      );
      const uz = await t.ok(
        `query($id: ID!) @inContext(language: UZ) { edition(id: $id) { participation { summary byCountry { key label } bySex { label } } } }`,
        { id: editionId },
        organizer.token,
      );
      expect(uz.edition.participation).toMatchObject({
        summary: '3 mamlakatdan 5 vakil qatnashdi (davlat organlari, xalqaro tashkilotlar).',
        bySex: [{ label: 'Koʻrsatilmagan' }],
      });
      expect(uz.edition.participation.byCountry[0]).toEqual({ key: 'UZ', label: 'Oʻzbekiston' });

      // The organizer finds a participant by part of their name.
      const found = await t.ok(
        `query($id: ID!) { registrations(editionId: $id, filter: { search: "rahim" }) { totalCount nodes { status person { fullName } } } }`,
        { id: editionId },
        organizer.token,
      );
      expect(found.registrations).toEqual({
        totalCount: 1,
        nodes: [{ status: 'REGISTERED', person: { fullName: 'Oʻtkir Rahimov' } }],
      });

      const admin = await t.ok(
        `query($id: ID!) { edition(id: $id) { participation { attended } } }`,
        { id: editionId },
        t.adminToken,
      );
      expect(admin.edition.participation.attended).toBe(5);
    });

    it('keeps the figures from participants and anonymous visitors', async () => {
      const seriesId = (await aSeries(t)).id;
      const editionId = (await anEdition(seriesId).inYear(2022).published().create(t)).id;
      const person = await aPerson().create(t);
      await register(t, editionId, person.id);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);

      expect(errorCode(await t.gql(PARTICIPATION, { id: editionId }, participant.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(PARTICIPATION, { id: editionId }))).toBe('UNAUTHENTICATED');
      const empty = await t.ok(
        `query($id: ID!) { edition(id: $id) { participation { registered attended summary } } }`,
        { id: editionId },
        t.adminToken,
      );
      expect(empty.edition.participation).toEqual({
        registered: 1,
        attended: 0,
        summary: 'Nobody has checked in yet.',
      });
    });
  });
});
