import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file under ./data', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.url).toMatch(/data\/platform\.sqlite$/);
    expect(config.port).toBe(3000);
    expect(config.graphql.ide).toBe(true);
  });

  it('switches to PostgreSQL with a postgresql:// DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/platform' });
    expect(config.database).toEqual({
      kind: 'postgresql',
      url: 'postgresql://postgres@127.0.0.1:5432/platform',
    });
  });

  it('turns the IDE and introspection off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.ide).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_IDE: 'true' }).graphql.ide).toBe(true);
  });

  it('gives anonymous callers a smaller GraphQL budget, never a larger one', () => {
    expect(loadConfig({}).graphql).toMatchObject({
      maxComplexity: 10_000,
      maxComplexityAnonymous: 5000,
    });
    expect(loadConfig({ GRAPHQL_MAX_COMPLEXITY: '800' }).graphql).toMatchObject({
      maxComplexity: 800,
      maxComplexityAnonymous: 400,
    });
    const both = { GRAPHQL_MAX_COMPLEXITY: '800', GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: '300' };
    expect(loadConfig(both).graphql.maxComplexityAnonymous).toBe(300);
    expect(() => loadConfig({ ...both, GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: '900' })).toThrow(
      'GRAPHQL_MAX_COMPLEXITY_ANONYMOUS must not exceed GRAPHQL_MAX_COMPLEXITY (got 900 > 800)',
    );
    expect(() => loadConfig({ GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: 'lots' })).toThrow(
      'GRAPHQL_MAX_COMPLEXITY_ANONYMOUS must be a whole number from 10 to 1000000 (got "lots")',
    );
  });

  it('refuses wrong values, naming every variable at fault', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        NODE_ENV: 'staging',
        DATABASE_URL: 'mysql://x/y',
        ADMIN_EMAIL: 'root',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT must be a whole number from 0 to 65535 (got "eighty")');
      expect(message).toContain('NODE_ENV must be one of development, production, test');
      expect(message).toContain('DATABASE_URL must be a postgresql:// URL or a SQLite file path');
      expect(message).toContain('ADMIN_EMAIL must be an email address');
      expect(message).toContain('ADMIN_PASSWORD must have at least 10 characters');
    }
  });

  it('reads the badge signing key in hex or base64, and refuses a short or garbled one', () => {
    expect(loadConfig({}).badges.signingKey).toBeUndefined();
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ BADGE_SIGNING_KEY: hex }).badges.signingKey).toEqual(
      Buffer.from(hex, 'hex'),
    );
    const base64 = Buffer.alloc(48, 7).toString('base64');
    expect(loadConfig({ BADGE_SIGNING_KEY: base64 }).badges.signingKey).toHaveLength(48);
    expect(() => loadConfig({ BADGE_SIGNING_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      'BADGE_SIGNING_KEY must be at least 32 bytes written in hex or base64, e.g. the output of "openssl rand -base64 32" (got 16 bytes)',
    );
    expect(() => loadConfig({ BADGE_SIGNING_KEY: 'not a key!' })).toThrow(
      '(got neither hex nor base64)',
    );
  });

  it('reads PASSPORT_DATA_KEY as hex or base64, and refuses anything else without quoting it', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ PASSPORT_DATA_KEY: hex }).passportData.key).toEqual(
      Buffer.from(hex, 'hex'),
    );
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ PASSPORT_DATA_KEY: base64 }).passportData.key).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({}).passportData).toEqual({ key: undefined, retentionDays: 30 });
    for (const wrong of ['secret-key', 'ab'.repeat(16), Buffer.alloc(16).toString('base64')]) {
      let message = '';
      try {
        loadConfig({ PASSPORT_DATA_KEY: wrong });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('PASSPORT_DATA_KEY must be 32 bytes');
      expect(message).not.toContain(wrong);
    }
    expect(() => loadConfig({ PASSPORT_RETENTION_DAYS: '-1' })).toThrow(
      'PASSPORT_RETENTION_DAYS must be a whole number from 0 to 3650 (got "-1")',
    );
  });
});
