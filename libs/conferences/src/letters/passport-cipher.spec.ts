import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@platform/core';
import { GENERATED_KEY_FILE, PassportCipher, PassportData } from './passport-cipher';

const DATA: PassportData = {
  nameAsInPassport: 'KARIMOVA DILNOZA',
  nationality: 'UZ',
  passportNumber: 'AB1234567',
  dateOfBirth: '1984-03-17',
};

describe('PassportCipher', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'passport-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cipherWith = (env: Record<string, string>) =>
    new PassportCipher(loadConfig({ DATA_DIR: dir, ...env }));

  it('seals each value with its own IV, bound to its row, and reads it back', () => {
    const cipher = cipherWith({ PASSPORT_DATA_KEY: 'ab'.repeat(32) });
    const one = cipher.encrypt(DATA, 'row-1');
    const two = cipher.encrypt(DATA, 'row-1');
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(one).not.toContain('AB1234567');
    expect(cipher.decrypt(one, 'row-1')).toEqual(DATA);
    // Copied into another row, or altered, it does not decrypt.
    expect(() => cipher.decrypt(one, 'row-2')).toThrow();
    const [version, id, sealed = ''] = one.split(':');
    const bytes = Buffer.from(sealed, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(() => cipher.decrypt(`${version}:${id}:${bytes.toString('base64')}`, 'row-1')).toThrow();
    // Another key: a clear refusal naming the key, not a crash.
    const other = cipherWith({ PASSPORT_DATA_KEY: 'cd'.repeat(32) });
    expect(() => other.decrypt(one, 'row-1')).toThrow('another key than PASSPORT_DATA_KEY');
  });

  it('generates a key once into DATA_DIR outside production, readable by the owner only', () => {
    const first = cipherWith({ NODE_ENV: 'development' });
    const sealed = first.encrypt(DATA, 'row');
    const file = join(dir, GENERATED_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    // The next start (or the worker) uses the same key.
    expect(cipherWith({ NODE_ENV: 'development' }).decrypt(sealed, 'row')).toEqual(DATA);
  });

  it('refuses in production without PASSPORT_DATA_KEY, and writes no key', () => {
    const cipher = cipherWith({ NODE_ENV: 'production' });
    expect(cipher.available).toBe(false);
    expect(() => cipher.encrypt(DATA, 'row')).toThrow('no PASSPORT_DATA_KEY');
    expect(() => statSync(join(dir, GENERATED_KEY_FILE))).toThrow();
  });
});
