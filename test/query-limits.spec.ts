import { MikroORM } from '@mikro-orm/core';
import {
  AgendaSession,
  ConferenceSeries,
  Edition,
  EditionPartner,
  PartnerRole,
  Registration,
  RegistrationStatus,
  SessionKind,
  SessionSpeaker,
  WorkingGroup,
  WorkingGroupFacilitator,
  WorkingGroupMember,
} from '@platform/conferences';
import { Organization, OrganizationType, Person } from '@platform/directory';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { COST } from '@platform/core';
import { startTestApp, TestApp } from './support/test-app';

const EDITION_WITH_EVERYTHING = `query($id: ID!) {
  edition(id: $id) {
    title series { name }
    partners { role organization { name } }
    agenda {
      day startTime title
      moderator { fullName organization { name } }
      speakers { titleOnAgenda person { fullName organization { name type } } }
    }
    workingGroups {
      name memberCount
      facilitators { fullName organization { name } }
      members { delegationCountry person { fullName organization { name type } } }
    }
  }
}`;

/** Seeds an edition of the given size straight through the ORM (the query is what's measured). */
async function seedEdition(
  t: TestApp,
  size: { days: number; sessionsPerDay: number; people: number; groups: number },
) {
  const em = t.app.get(MikroORM).em.fork();
  const series = em.create(ConferenceSeries, { name: `Series ${size.people}` });
  const edition = em.create(Edition, {
    series,
    title: `Edition of ${size.people}`,
    year: 2000 + size.people,
    hostCountry: 'UZ',
    city: 'Tashkent',
    startDate: `${2000 + size.people}-07-27`,
    endDate: `${2000 + size.people}-07-${26 + size.days}`,
    isPublished: true,
  });
  // One organization each, so that every level of the query has rows left to load.
  const orgs = Array.from({ length: size.people }, (_, i) =>
    em.create(Organization, {
      name: `Org ${size.people}-${i}`,
      type: OrganizationType.GOVERNMENT,
      country: 'KZ',
    }),
  );
  for (const org of orgs.slice(0, 3))
    em.create(EditionPartner, { edition, organization: org, role: PartnerRole.CO_ORGANIZER });
  const people = Array.from({ length: size.people }, (_, i) =>
    em.create(Person, {
      fullName: `Delegate ${i}`,
      country: 'KZ',
      organization: orgs[i % orgs.length],
    }),
  );
  for (let day = 1; day <= size.days; day++) {
    for (let s = 0; s < size.sessionsPerDay; s++) {
      const hour = String(8 + s).padStart(2, '0');
      const session = em.create(AgendaSession, {
        edition,
        day,
        startTime: `${hour}:00`,
        endTime: `${hour}:45`,
        kind: SessionKind.PRESENTATION,
        title: `Session ${day}.${s}`,
        moderator: people[s % people.length],
      });
      for (let k = 0; k < 3; k++) {
        em.create(SessionSpeaker, {
          session,
          person: people[(s * 3 + k + day) % people.length],
          titleOnAgenda: 'Expert',
          position: k,
        });
      }
    }
  }
  const groups = Array.from({ length: size.groups }, (_, g) => {
    const group = em.create(WorkingGroup, { edition, name: `Group ${g}` });
    em.create(WorkingGroupFacilitator, { workingGroup: group, person: people[g] });
    return group;
  });
  people.forEach((person, i) => {
    const registration = em.create(Registration, {
      edition,
      person,
      delegationCountry: 'KZ',
      status: RegistrationStatus.REGISTERED,
    });
    em.create(WorkingGroupMember, { workingGroup: groups[i % groups.length], registration });
  });
  await em.flush();
  return edition.id;
}

describe('query limits and cost', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The mail worker's polls would land among the statements counted below.
    t = await startTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  it('answers an edition with agenda, speakers, working groups, members and organizations in the same few SQL statements whatever its size', async () => {
    const small = await seedEdition(t, { days: 1, sessionsPerDay: 2, people: 10, groups: 2 });
    const large = await seedEdition(t, { days: 3, sessionsPerDay: 12, people: 200, groups: 4 });

    const run = (id: string) =>
      t.countQueries(() => t.ok(EDITION_WITH_EVERYTHING, { id }, t.adminToken));
    const a = await run(small);
    const b = await run(large);

    expect(a.result.edition.agenda).toHaveLength(2);
    expect(b.result.edition.agenda).toHaveLength(36);
    expect(b.result.edition.agenda[0].speakers).toHaveLength(3);
    expect(
      b.result.edition.workingGroups.reduce(
        (n: number, g: { members: unknown[] }) => n + g.members.length,
        0,
      ),
    ).toBe(200);
    expect(b.result.edition.workingGroups[0].members[0].person.organization.name).toMatch(
      /^Org 200-/,
    );

    // One batched statement per relation level (a level may split into two batches
    // when its rows arrive in different ticks): 20 times the rows, the same bound.
    expect(a.statements.length).toBeLessThanOrEqual(18);
    expect(b.statements.length).toBeLessThanOrEqual(18);
    expect(b.statements.length - a.statements.length).toBeLessThanOrEqual(2);
  });

  it('refuses queries nested deeper than the limit, with a clear message', async () => {
    const deep = `{ editions { nodes { agenda { speakers { person { organization { name } } } } } } }`;
    const ok = await t.gql(deep);
    expect(ok.errors).toBeUndefined();
    const tooDeep = `query($id: ID!) { edition(id: $id) { recommendations { workingGroup { members { edition { recommendations { followUps { edition { series { rotation { year } } } } } } } } } } }`;
    const res = await t.gql(tooDeep, { id: '00000000-0000-0000-0000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toMatch(/11 levels deep; the limit is 10/);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_DEEP',
    });
  });

  it('refuses queries whose complexity exceeds the limit before running them', async () => {
    const heavy = `{ editions(first: 100) { nodes { registrations(first: 100) { nodes { person { fullName } checkIns { day } } } } } }`;
    const res = await t.gql(heavy, {}, t.adminToken);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COMPLEX',
    });
    expect(res.errors![0].message).toMatch(/complexity is \d+; the limit is 10000\./);
  });

  it("answers the app's own queries within their budgets: the README's anonymous example, the bench's edition with agenda, GraphiQL's schema", async () => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    const anonymousExample = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((block) => block[1])
      .find((block) => block.includes('conferenceSeries { name rotation'));
    await t.ok(anonymousExample!);

    const bench = readFileSync(join(__dirname, '../bench/edition-read.ts'), 'utf8');
    const editionWithAgenda = /EDITION_WITH_AGENDA = `([^`]+)`/.exec(bench)![1];
    const id = await seedEdition(t, { days: 2, sessionsPerDay: 8, people: 45, groups: 3 });
    const data = await t.ok(editionWithAgenda, { id }, t.adminToken);
    expect(data.edition.agenda).toHaveLength(16);

    const schema = await t.ok(getIntrospectionQuery());
    expect(schema.__schema.queryType.name).toBe('Query');
  });

  it('refuses page sizes over 100', async () => {
    const res = await t.gql(`{ editions(first: 500) { totalCount } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

/**
 * The budget here is what a login costs (the test app logs in), so the queries below,
 * each a little more, are refused with an answer that states their cost.
 */
describe('the cost of a query', () => {
  const { field, query, totalCount, listEstimate, introspection } = COST;
  const budget = String(field + query + field);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      GRAPHQL_MAX_COMPLEXITY: budget,
      GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: budget,
    });
  });
  afterAll(() => t?.close());

  const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables);
    const match = /complexity is (\d+)/.exec(res.errors?.[0]?.message ?? '');
    if (!match) throw new Error(`Not refused for its cost: ${JSON.stringify(res)}`);
    return Number(match[1]);
  };

  it('counts a root field as a SQL statement, and a page count as a COUNT on top of a field', async () => {
    const page = field + query;
    expect(await costOf('{ editions(first: 1) { pageInfo { hasNextPage } } }')).toBe(
      page + field + field,
    );
    expect(await costOf('{ editions(first: 1) { totalCount } }')).toBe(page + field + totalCount);
    expect(await costOf('{ organization(id: "x") { name acronym } }')).toBe(
      field + query + 2 * field,
    );
  });

  it('counts every alias again', async () => {
    const one = await costOf('{ editions(first: 1) { totalCount } }');
    expect(
      await costOf('{ a: editions(first: 1) { totalCount } b: editions(first: 1) { totalCount } }'),
    ).toBe(2 * one);
  });

  it("multiplies a page's items by its page size: given, from a variable, or the default", async () => {
    const page = field + query + field; // editions, nodes
    expect(await costOf('{ editions(first: 10) { nodes { id } } }')).toBe(page + 10 * field);
    expect(await costOf('query($n: Int) { editions(first: $n) { nodes { id } } }', { n: 3 })).toBe(
      page + 3 * field,
    );
    expect(
      await costOf('query($n: Int = 4) { editions(first: $n) { edges { node { id } } } }'),
    ).toBe(page + 4 * (field + field));
    expect(await costOf('{ editions { nodes { id } } }')).toBe(page + 20 * field);
  });

  it('counts a list that is not paginated as a stated number of items', async () => {
    expect(await costOf('{ conferenceSeries { name } }')).toBe(
      field + query + listEstimate * field,
    );
    expect(await costOf('{ editions(first: 1) { nodes { days { number } } } }')).toBe(
      field + query + field + (field + listEstimate * field),
    );
  });

  it('counts a paginated list below the root as a statement per parent', async () => {
    const registrations = field + query + field + 2 * field; // registrations(first: 2), nodes, id
    expect(
      await costOf('{ editions(first: 3) { nodes { registrations(first: 2) { nodes { id } } } } }'),
    ).toBe(field + query + field + 3 * registrations);
  });

  it('prices introspection as a whole, and the same inside a fragment as outside', async () => {
    expect(
      await costOf(
        '{ __schema { types { name fields { name } } } __type(name: "Edition") { name } }',
      ),
    ).toBe(2 * introspection);
    expect(
      await costOf(
        '{ editions(first: 2) { ...Page } } fragment Page on EditionConnection { totalCount nodes { id } }',
      ),
    ).toBe(await costOf('{ editions(first: 2) { totalCount nodes { id } } }'));
  });
});
