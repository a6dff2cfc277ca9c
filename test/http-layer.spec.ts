import { gzipSync } from 'node:zlib';
import { startTestApp, TestApp } from './support/test-app';

const TYPENAME = JSON.stringify({ query: '{ __typename }' });

/** What a client that sends a malformed request reads back. */
interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Record<string, string>;
}

describe('the HTTP layer answers malformed requests as the client’s mistake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** POSTs these exact bytes, with these headers. */
  const post = async (
    path: string,
    body: Buffer | string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<Answer> => {
    const req = t.http().post(path);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req.serialize((bytes: string) => bytes).send(body as string);
    return { status: res.status, body: res.body, text: res.text, headers: res.headers };
  };

  /** A GraphQL-shaped error on /graphql, with no stack and no parser's text. */
  const expectGraphQLError = (answer: Answer, status: number, reason: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST', reason } }],
    });
    expect(answer.text).not.toMatch(/\bat |node_modules|Error:/);
  };

  it('refuses a body over 8 MB with 413, and takes one just under', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { csv: 'x'.repeat(8.5e6) } });
    expectGraphQLError(await post('/graphql', big), 413, 'BODY_TOO_LARGE');

    const roster = JSON.stringify({
      query: '{ __typename }',
      variables: { csv: 'x'.repeat(7.5e6) },
    });
    const ok = await post('/graphql', roster);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses malformed JSON, and bytes that are not UTF-8, with 400', async () => {
    expectGraphQLError(await post('/graphql', '{"query": '), 400, 'MALFORMED_BODY');
    const latin1 = Buffer.concat([
      Buffer.from('{"query":"{ __typename }","variables":{"name":"'),
      Buffer.from([0xe9, 0xff, 0xfe]),
      Buffer.from('"}}'),
    ]);
    expectGraphQLError(await post('/graphql', latin1), 400, 'INVALID_ENCODING');
  });

  it('refuses a charset other than UTF-8 and an unknown Content-Encoding with 415', async () => {
    for (const charset of ['koi8-r', 'utf-16', 'no-such-charset']) {
      const answer = await post('/graphql', TYPENAME, {
        'content-type': `application/json; charset=${charset}`,
      });
      expectGraphQLError(answer, 415, 'UNSUPPORTED_CHARSET');
    }
    const answer = await post('/graphql', TYPENAME, {
      'content-type': 'application/json',
      'content-encoding': 'compress',
    });
    expectGraphQLError(answer, 415, 'UNSUPPORTED_CONTENT_ENCODING');
  });

  it('reads a gzip body, and refuses a corrupt one with 400', async () => {
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const ok = await post('/graphql', gzipSync(TYPENAME), headers);
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
    expectGraphQLError(await post('/graphql', TYPENAME, headers), 400, 'MALFORMED_BODY');
  });

  it('answers the same mistakes on the other routes as `{ message, code, reason }`', async () => {
    const answer = await post('/verify/ABCD', '{"code": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      message: expect.any(String),
      code: 'BAD_REQUEST',
      reason: 'MALFORMED_BODY',
    });
    const form = await post('/verify/ABCD', `a=${'x'.repeat(200_000)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(413);
  });

  it('does not say what it runs on', async () => {
    const answers = [
      await t.http().get('/health'),
      await t.http().post('/graphql').send({ query: '{ __typename }' }),
      await t.http().post('/graphql').set('content-type', 'application/json').send('{'),
      await t.http().get('/no-such-page'),
    ];
    for (const answer of answers) expect(answer.headers['x-powered-by']).toBeUndefined();
  });
});

describe('with introspection off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('suggests no names of the schema in errors, in the query or in its variables', async () => {
    const messages = [
      await t.gql('{ editon { id } }'),
      await t.gql('{ editions(filter: { yeer: 2022 }) { totalCount } }'),
      await t.gql('{ editions(filter: { status: PLANING }) { totalCount } }'),
      await t.gql('query($f: EditionFilter) { editions(filter: $f) { totalCount } }', {
        f: { yeer: 2022 },
      }),
      await t.gql('query($f: EditionFilter) { editions(filter: $f) { totalCount } }', {
        f: { status: 'PLANING' },
      }),
    ].map((res) => res.errors![0].message);
    expect(messages[0]).toBe('Cannot query field "editon" on type "Query".');
    for (const message of messages) expect(message).not.toMatch(/did you mean|year|PLANNING/i);
  });

  it('still suggests them while GraphiQL is on', async () => {
    const dev = await startTestApp();
    try {
      const res = await dev.gql('{ editon { id } }');
      expect(res.errors![0].message).toMatch(/Did you mean "edition"/);
    } finally {
      await dev.close();
    }
  });
});
