import { ProfessionalCategory } from '@platform/directory';
import {
  anAccount,
  aPerson,
  aProgramme,
  attendanceOn,
  aTrainingEvent,
  enroll,
  theInteriorMinistry,
} from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const WITHDRAW = `mutation($id: ID!) { withdrawTrainee(enrollmentId: $id) { status } }`;
const INDICATORS = `query($groupBy: [IndicatorDimension!]!, $filter: IndicatorFilter) {
  trainingIndicators(groupBy: $groupBy, filter: $filter) {
    rows { keys { dimension value label } peopleEnrolled peopleTrained enrollments completions }
    totals { peopleEnrolled peopleTrained enrollments completions }
    csv
  }
}`;

type Figures = [
  peopleEnrolled: number,
  peopleTrained: number,
  enrollments: number,
  completions: number,
];
interface Row {
  keys: { dimension: string; value: string; label: string }[];
  peopleEnrolled: number;
  peopleTrained: number;
  enrollments: number;
  completions: number;
}
const figures = (r: Omit<Row, 'keys'>): Figures => [
  r.peopleEnrolled,
  r.peopleTrained,
  r.enrollments,
  r.completions,
];
const byKey = (rows: Row[]) =>
  Object.fromEntries(rows.map((r) => [r.keys.map((k) => k.value).join('|'), figures(r)]));

describe('training indicators: people trained and enrolled, grouped, with totals', () => {
  let t: TestApp;
  let organizer: { id: string; token: string };
  let trainerA: { id: string; token: string };
  let trainerB: { id: string; token: string };
  let ownerId: string;

  async function aProgrammeTitled(title: string) {
    return (
      await aProgramme(ownerId)
        .titled(title)
        .targeting('OPERATIONAL_OFFICER', 'JUDGE')
        .create(t, organizer.token)
    ).id;
  }

  /** A seminar of the programme in the region, from `startDate` to `endDate`. */
  const aSeminar = (programmeId: string, region: string, startDate: string, endDate: string) =>
    aTrainingEvent(programmeId)
      .titled('Investigating trafficking in persons')
      .in(region, 'Seminar city')
      .on(startDate, endDate);

  async function enrolled(eventId: string, personId: string) {
    return (await enroll(t, eventId, personId, organizer.token)).id;
  }

  async function indicators(
    groupBy: string[],
    filter: Record<string, unknown>,
    token = t.adminToken,
  ): Promise<{ rows: Row[]; totals: Omit<Row, 'keys'>; csv: string }> {
    return (await t.ok(INDICATORS, { groupBy, filter }, token)).trainingIndicators;
  }

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    trainerA = await anAccount(t, 'TRAINER');
    trainerB = await anAccount(t, 'TRAINER');
    ownerId = (await theInteriorMinistry().create(t)).id;
  });
  afterAll(() => t.close());

  describe('a small series run through the API', () => {
    let programmeId: string;

    beforeAll(async () => {
      programmeId = await aProgrammeTitled('Victim-centred investigations');
      // A: Samarkand, March 2023, trainer A; excused does not count.
      const a = await aSeminar(programmeId, 'Samarkand region', '2023-03-14', '2023-03-15')
        .ledBy(trainerA.id)
        .create(t, organizer.token);
      // B: Bukhara, June 2023, trainer B.
      const b = await aSeminar(programmeId, 'Bukhara region', '2023-06-20', '2023-06-21')
        .ledBy(trainerB.id)
        .create(t, organizer.token);
      // C: Fergana, February 2024, trainer A; excused counts here.
      const c = await aSeminar(programmeId, 'Fergana region', '2024-02-06', '2024-02-07')
        .ledBy(trainerA.id)
        .completedAfter({ excusedCounts: true })
        .create(t, organizer.token);
      const [judge, late, excused, excusedCounts, withdrawn, absent] = await Promise.all([
        aPerson().judge().female().create(t),
        aPerson().officer().male().create(t),
        aPerson().officer().create(t),
        aPerson().officer().male().create(t),
        aPerson().officer().male().create(t),
        aPerson().officer().male().create(t),
      ]);
      const aJudge = await enrolled(a.id, judge.id);
      const aLate = await enrolled(a.id, late.id);
      const aExcused = await enrolled(a.id, excused.id);
      const bJudge = await enrolled(b.id, judge.id);
      const bWithdrawn = await enrolled(b.id, withdrawn.id);
      const bAbsent = await enrolled(b.id, absent.id);
      const cExcused = await enrolled(c.id, excusedCounts.id);
      const token = organizer.token;
      await attendanceOn(a.id, a.days[0])
        .present(aJudge)
        .late(aLate)
        .present(aExcused)
        .record(t, token);
      await attendanceOn(a.id, a.days[1])
        .present(aJudge)
        .present(aLate)
        .excused(aExcused)
        .record(t, token);
      await attendanceOn(b.id, b.days[0])
        .present(bJudge)
        .present(bWithdrawn)
        .present(bAbsent)
        .record(t, token);
      await attendanceOn(b.id, b.days[1])
        .present(bJudge)
        .present(bWithdrawn)
        .absent(bAbsent)
        .record(t, token);
      await attendanceOn(c.id, c.days[0]).present(cExcused).record(t, token);
      await attendanceOn(c.id, c.days[1]).excused(cExcused).record(t, token);
      await t.ok(WITHDRAW, { id: bWithdrawn }, organizer.token);
    });

    it('counts a person who completed two seminars once as trained and twice as completions', async () => {
      const { rows, totals } = await indicators([], { programmeId });
      // Enrolled: judge, late, excused, excusedCounts, absent (withdrawn excluded).
      // Trained: judge (A and B), late (late counts), excusedCounts (C counts excused).
      expect(figures(totals)).toEqual([5, 3, 6, 4]);
      expect(rows).toEqual([{ keys: [], ...totals }]);
    });

    it('groups by category, sex, region, year and quarter', async () => {
      const category = await indicators(['CATEGORY'], { programmeId });
      expect(byKey(category.rows)).toEqual({
        JUDGE: [1, 1, 2, 2],
        OPERATIONAL_OFFICER: [4, 2, 4, 2],
      });
      expect(category.rows.map((r) => r.keys[0].label)).toEqual(['Judge', 'Operational officer']);
      expect(figures(category.totals)).toEqual([5, 3, 6, 4]);

      const sex = await indicators(['SEX'], { programmeId });
      expect(byKey(sex.rows)).toEqual({
        FEMALE: [1, 1, 2, 2],
        MALE: [3, 2, 3, 2],
        UNKNOWN: [1, 0, 1, 0],
      });

      const region = await indicators(['REGION'], { programmeId });
      expect(byKey(region.rows)).toEqual({
        'Bukhara region': [2, 1, 2, 1],
        'Fergana region': [1, 1, 1, 1],
        'Samarkand region': [3, 2, 3, 2],
      });

      const year = await indicators(['YEAR'], { programmeId });
      expect(byKey(year.rows)).toEqual({ '2023': [4, 2, 5, 3], '2024': [1, 1, 1, 1] });

      const quarter = await indicators(['YEAR', 'QUARTER', 'MONTH'], { programmeId });
      expect(byKey(quarter.rows)).toEqual({
        '2023|2023-Q1|2023-03': [3, 2, 3, 2],
        '2023|2023-Q2|2023-06': [2, 1, 2, 1],
        '2024|2024-Q1|2024-02': [1, 1, 1, 1],
      });
      expect(quarter.rows[1].keys.map((k) => k.label)).toEqual(['2023', '2023 Q2', 'June 2023']);

      const others = await indicators(['COUNTRY', 'ORGANIZATION_TYPE', 'PROGRAMME'], {
        programmeId,
      });
      expect(others.rows).toEqual([
        {
          keys: [
            { dimension: 'COUNTRY', value: 'UZ', label: 'Uzbekistan' },
            { dimension: 'ORGANIZATION_TYPE', value: 'NONE', label: 'No organization' },
            { dimension: 'PROGRAMME', value: programmeId, label: 'Victim-centred investigations' },
          ],
          ...others.totals,
        },
      ]);
    });

    it('filters by region and by the start date', async () => {
      const samarkand = await indicators([], { programmeId, region: 'Samarkand region' });
      expect(figures(samarkand.totals)).toEqual([3, 2, 3, 2]);
      const in2023 = await indicators([], { programmeId, from: '2023-01-01', to: '2023-12-31' });
      expect(figures(in2023.totals)).toEqual([4, 2, 5, 3]);
      const bad = await t.gql(
        INDICATORS,
        { groupBy: [], filter: { from: '2023-13-01' } },
        t.adminToken,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    });

    it('gives the same figures as CSV, with a totals line', async () => {
      const { csv } = await indicators(['CATEGORY', 'SEX'], { programmeId });
      expect(csv.trim().split('\r\n')).toEqual([
        'Category,Sex,People enrolled,People trained,Enrollments,Completions',
        'Judge,Female,1,1,2,2',
        'Operational officer,Male,3,2,3,2',
        'Operational officer,Unknown,1,0,1,0',
        'Total,,5,3,6,4',
      ]);

      const res = await t
        .http()
        .get(`/trainings/indicators.csv?groupBy=CATEGORY,SEX&programmeId=${programmeId}`)
        .set('authorization', `Bearer ${organizer.token}`)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
      expect(res.text).toBe(`\uFEFF${csv}`);
      await t.http().get('/trainings/indicators.csv').expect(401);
      await t
        .http()
        .get('/trainings/indicators.csv?groupBy=SHOE_SIZE')
        .set('authorization', `Bearer ${organizer.token}`)
        .expect(400);
    });

    it('shows trainers only the events they run, and refuses participants', async () => {
      const a = await indicators(['REGION'], { programmeId }, trainerA.token);
      expect(byKey(a.rows)).toEqual({
        'Fergana region': [1, 1, 1, 1],
        'Samarkand region': [3, 2, 3, 2],
      });
      expect(figures(a.totals)).toEqual([4, 3, 4, 3]);
      const b = await indicators([], { programmeId }, trainerB.token);
      expect(figures(b.totals)).toEqual([2, 1, 2, 1]);

      const otherOrganizer = await anAccount(t, 'ORGANIZER');
      const none = await indicators([], { programmeId }, otherOrganizer.token);
      expect(figures(none.totals)).toEqual([0, 0, 0, 0]);

      const participant = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
      expect(errorCode(await t.gql(INDICATORS, { groupBy: [] }, participant.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(INDICATORS, { groupBy: [] }))).toBe('UNAUTHENTICATED');
    });

    it('runs two SQL statements for the figures, whatever the grouping', async () => {
      const { statements } = await t.countQueries(() =>
        indicators(['CATEGORY', 'SEX', 'REGION', 'QUARTER'], { programmeId }),
      );
      expect(statements.filter((sql) => /indicator_fact/.test(sql))).toHaveLength(2);
    });
  });

  describe('the 2023 regional seminar series', () => {
    const TRAINED: [ProfessionalCategory, number][] = [
      [ProfessionalCategory.OPERATIONAL_OFFICER, 260],
      [ProfessionalCategory.INVESTIGATOR, 96],
      [ProfessionalCategory.JUDGE, 28],
      [ProfessionalCategory.PROSECUTOR, 26],
    ];
    const REGIONS = [
      'Tashkent city',
      'Samarkand region',
      'Bukhara region',
      'Fergana region',
      'Andijan region',
      'Namangan region',
      'Kashkadarya region',
      'Surkhandarya region',
      'Khorezm region',
      'Navoi region',
      'Jizzakh region',
      'Syrdarya region',
      'Republic of Karakalpakstan',
      'Tashkent region',
    ];

    it('gives back exactly 260 officers, 96 investigators, 28 judges and 26 prosecutors: 410', async () => {
      const programmeId = await aProgrammeTitled(
        'Investigating trafficking in persons: regional seminars',
      );
      const events: { id: string; days: string[] }[] = [];
      for (const [j, region] of REGIONS.entries()) {
        const month = String(2 + Math.floor((j * 10) / REGIONS.length)).padStart(2, '0');
        events.push(
          await aSeminar(programmeId, region, `2023-${month}-14`, `2023-${month}-15`).create(
            t,
            organizer.token,
          ),
        );
      }
      // One roster file per regional seminar, imported as trainers do; 9 extra trainees
      // miss day 2 (enrolled, not trained) and every 30th arrives late on day 1.
      const categories = TRAINED.flatMap(([c, n]) => Array.from({ length: n }, () => c as string));
      const extra = 9;
      const files = events.map(() => [
        'full_name,full_name_alt,sex,category,organization,organization_type,country',
      ]);
      for (let i = 0; i < categories.length + extra; i++) {
        const category = i < categories.length ? categories[i] : 'INVESTIGATOR';
        const organization =
          category === 'JUDGE'
            ? 'Supreme Court'
            : category === 'PROSECUTOR'
              ? "General Prosecutor's Office"
              : 'Ministry of Internal Affairs';
        files[i % events.length].push(
          [
            `Trainee Oʻrinov ${i + 1}`,
            `Слушатель ${i + 1}`,
            i % 4 === 0 ? 'F' : 'M',
            category,
            `"${organization}"`,
            'GOVERNMENT',
            'UZ',
          ].join(','),
        );
      }
      const IMPORT = `mutation($eventId: ID!, $csv: String!) { importRoster(eventId: $eventId, csv: $csv) { stored enrolled errors { line reason } } }`;
      const ROSTER_IDS = `query($id: ID!) { trainingEvent(id: $id) { roster { enrollment { id } person { fullName } } } }`;
      for (const [j, event] of events.entries()) {
        const report = (
          await t.ok(IMPORT, { eventId: event.id, csv: files[j].join('\n') }, organizer.token)
        ).importRoster;
        expect(report).toMatchObject({ stored: true, errors: [], enrolled: files[j].length - 1 });
        const roster = (await t.ok(ROSTER_IDS, { id: event.id }, organizer.token)).trainingEvent
          .roster;
        const number = (entry: { person: { fullName: string } }) =>
          Number(entry.person.fullName.split(' ').pop()) - 1;
        const firstDay = attendanceOn(event.id, event.days[0]);
        const secondDay = attendanceOn(event.id, event.days[1]);
        for (const e of roster) {
          firstDay.mark(e.enrollment.id, number(e) % 30 === 0 ? 'LATE' : 'PRESENT');
          secondDay.mark(e.enrollment.id, number(e) < categories.length ? 'PRESENT' : 'ABSENT');
        }
        await firstDay.record(t, organizer.token);
        await secondDay.record(t, organizer.token);
      }

      const { rows, totals, csv } = await indicators(['CATEGORY'], { programmeId });
      expect(byKey(rows)).toEqual({
        INVESTIGATOR: [96 + extra, 96, 96 + extra, 96],
        JUDGE: [28, 28, 28, 28],
        OPERATIONAL_OFFICER: [260, 260, 260, 260],
        PROSECUTOR: [26, 26, 26, 26],
      });
      expect(figures(totals)).toEqual([410 + extra, 410, 410 + extra, 410]);
      expect(csv).toContain('Total,419,410,419,410');

      const regions = await indicators(['REGION'], { programmeId });
      expect(regions.rows).toHaveLength(14);
      expect(regions.rows.reduce((sum, r) => sum + r.peopleTrained, 0)).toBe(410);
    });
  });
});
