import { buildSchema, getOperationAST, GraphQLError, parse } from 'graphql';
import { COST, measureOperation } from './query-cost';

const schema = buildSchema(`
  type Query { items(first: Int): ItemConnection! item: Item }
  type ItemConnection { nodes: [Item!]! pageInfo: PageInfo! totalCount: Int! }
  type PageInfo { hasNextPage: Boolean! }
  type Item { name: String! parts: [Item!]! }
`);

const measure = (query: string) => {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!);
};

describe('measureOperation', () => {
  it('measures each fragment once, so 2^40 spreads cost no more time than 40', () => {
    let query = 'query { ...F40 }\nfragment F0 on Query { item { name } }\n';
    for (let i = 1; i <= 40; i++)
      query += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
    expect(measure(query)).toEqual({
      depth: 2,
      cost: 2 ** 40 * (COST.field + COST.query + COST.field),
    });
  });

  it('refuses a fragment that spreads itself instead of looping', () => {
    const cycle =
      '{ item { ...A } } fragment A on Item { parts { ...B } } fragment B on Item { ...A }';
    expect(() => measure(cycle)).toThrow(GraphQLError);
    expect(() => measure(cycle)).toThrow('Fragment "A" spreads itself.');
  });

  it('counts depth in fields, not in fragments, and leaves introspection out', () => {
    expect(
      measure('{ item { ... on Item { parts { ...P } } } } fragment P on Item { name }'),
    ).toEqual({
      depth: 3,
      cost: COST.field + COST.query + COST.field + COST.listEstimate * COST.field,
    });
    expect(measure('{ __schema { types { fields { name } } } __typename }').depth).toBe(0);
  });
});
