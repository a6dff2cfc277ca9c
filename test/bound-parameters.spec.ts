import { MikroORM, raw } from '@mikro-orm/core';
import { AbstractSqlConnection } from '@mikro-orm/knex';
import { bindParameters } from '../libs/core/src/database/bound-parameters';
import { aPerson } from './factories';
import { startTestApp, TestApp } from './support/test-app';

describe('values reach the database as bound parameters, never as SQL text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  it("sends a client's text as a parameter, whatever it holds", async () => {
    const text = `O'Brien"; drop table person; --`;
    const knex = (t.app.get(MikroORM).em.getConnection() as AbstractSqlConnection).getKnex();
    const sent: { sql: string; bindings: unknown[] }[] = [];
    const listener = (query: { sql: string; bindings?: unknown[] }) =>
      sent.push({ sql: query.sql, bindings: query.bindings ?? [] });
    knex.on('query', listener);
    try {
      await aPerson().named(text).create(t);
      const found = await t.ok(
        `query($s: String) { people(filter: { search: $s }) { nodes { fullName } } }`,
        { s: 'drop table' },
        t.adminToken,
      );
      expect(found.people.nodes).toEqual([{ fullName: text }]);
    } finally {
      knex.off('query', listener);
    }
    expect(sent.some((q) => q.bindings.includes(text))).toBe(true);
    expect(sent.filter((q) => q.sql.includes('Brien') || q.sql.includes('drop table'))).toEqual([]);
  });

  it('reads placeholders as MikroORM does: identifiers, escapes, raw fragments, lists, JSON', () => {
    const bound = bindParameters(
      'select ?? from t where a = ? and b like ? and c in (?) and d = ? and e \\? f and g = ?',
      ['name', 'x', raw(`? escape '\\'`, ['%y%']), [1, 2, 3], { k: 'v' }, undefined],
      (value) => value,
    );
    expect(bound).toEqual({
      sql: "select ?? from t where a = ? and b like ? escape '\\' and c in (?, ?, ?) and d = ? and e \\? f and g = ?",
      bindings: ['name', 'x', '%y%', 1, 2, 3, '{"k":"v"}', null],
    });
  });
});
