import { MikroORM } from '@mikro-orm/core';
import { Organization, Person, SearchKeyBackfill } from '@platform/directory';
import { anOrganization, aPerson } from './factories';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = `query($s: String) { people(filter: { search: $s }) { nodes { fullName } } }`;

/**
 * Names are found however they are typed: the Uzbek apostrophe in any spelling or none,
 * any case in Latin and Cyrillic (SQLite's LIKE folds ASCII only), and either script.
 */
describe('finding a person by name', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await aPerson().named('Dilnoza Gʻulomova', 'Дилноза Ғуломова').create(t);
    await aPerson().named('Гулнора Каримова').create(t);
    await aPerson().named('Sherzod Ismoilov').create(t);
    await anOrganization().named('Fargʻona viloyati IIB').create(t);
  });
  afterAll(() => t.close());

  const found = async (search: string): Promise<string[]> =>
    (await t.ok(SEARCH, { s: search }, t.adminToken)).people.nodes.map(
      (person: { fullName: string }) => person.fullName,
    );

  it.each(['Gulomova', "G'ulomova", 'G‘ulomova', 'G’ulomova', 'G`ulomova', 'GʻULOMOVA'])(
    'finds Gʻulomova typed as %s',
    async (search) => {
      expect(await found(search)).toEqual(['Dilnoza Gʻulomova']);
    },
  );

  it('ignores case in Cyrillic', async () => {
    expect(await found('ғуломова')).toEqual(['Dilnoza Gʻulomova']);
    expect(await found('КАРИМОВА')).toEqual(['Гулнора Каримова']);
  });

  it('finds a name typed in the other script', async () => {
    expect(await found('Karimova')).toEqual(['Гулнора Каримова']);
    expect(await found('Исмоилов')).toEqual(['Sherzod Ismoilov']);
  });

  it('gives people and organizations stored before search keys existed theirs at start-up', async () => {
    const orm = t.app.get(MikroORM);
    const em = orm.em.fork();
    await em.nativeUpdate(
      Person,
      { fullName: { $in: ['Sherzod Ismoilov', 'Dilnoza Gʻulomova'] } },
      { searchKey: null, fullNameKey: null, fullNameAltKey: null },
    );
    await em.nativeUpdate(Organization, { name: 'Fargʻona viloyati IIB' }, { nameKey: null });
    expect(await found('Ismoilov')).toEqual([]);
    await t.app.get(SearchKeyBackfill).onApplicationBootstrap();
    expect(await found('Ismoilov')).toEqual(['Sherzod Ismoilov']);
    // And the keys imports match a name and an organization by.
    const dilnoza = await orm.em.fork().findOneOrFail(Person, { fullName: 'Dilnoza Gʻulomova' });
    expect([dilnoza.fullNameKey, dilnoza.fullNameAltKey]).toEqual([
      'dilnoza gulomova',
      'dilnoza gulomova',
    ]);
    const office = await orm.em
      .fork()
      .findOneOrFail(Organization, { name: 'Fargʻona viloyati IIB' });
    expect(office.nameKey).toBe('fargona viloyati iib');
  });
});
