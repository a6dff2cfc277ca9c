import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainError } from '@platform/core';
import { ConferenceErrorCode } from '../conference-error-code';

/** The passport data a letter needs, as its requester typed it. */
export interface PassportData {
  nameAsInPassport: string;
  /** ISO 3166-1 alpha-2 */
  nationality: string;
  passportNumber: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
}

/** The file a key is generated into outside production when PASSPORT_DATA_KEY is unset. */
export const GENERATED_KEY_FILE = 'passport-data.key';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts passport data at rest: AES-256-GCM with a random 12-byte IV per value, its
 * authentication tag, and the row's id as additional data (a value copied into another row
 * does not decrypt). A stored value reads `v1:<key id>:<base64 of IV, tag, ciphertext>`;
 * the key id (the first bytes of the key's SHA-256) tells a value made with another key.
 *
 * The key comes from PASSPORT_DATA_KEY. Without it, outside production, one is generated
 * once into DATA_DIR (mode 0600) and the log says so; in production without it, letters
 * are refused and the rest of the platform runs.
 */
@Injectable()
export class PassportCipher {
  private readonly logger = new Logger('InvitationLetters');
  private key?: Buffer;
  private loaded = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether letters can be requested: a key is configured (or generated outside production). */
  get available(): boolean {
    return this.keyOrUndefined() !== undefined;
  }

  /** CONFLICT (INVITATION_LETTERS_UNAVAILABLE) when there is no key. */
  assertAvailable(): void {
    this.requireKey();
  }

  encrypt(data: PassportData, rowId: string): string {
    const key = this.requireKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(rowId));
    const plain = Buffer.from(JSON.stringify(data), 'utf8');
    const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
    return `${VERSION}:${keyId(key)}:${sealed}`;
  }

  decrypt(stored: string, rowId: string): PassportData {
    const key = this.requireKey();
    const [version, id, sealed] = stored.split(':');
    if (version !== VERSION || !sealed) throw new Error('Passport data in an unknown format');
    if (id !== keyId(key))
      throw DomainError.conflict(
        ConferenceErrorCode.PASSPORT_KEY_CHANGED,
        'This passport data was encrypted with another key than PASSPORT_DATA_KEY.',
      );
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(rowId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as PassportData;
  }

  /** Loads (or generates) the key at start, so that the log tells where it is at once. */
  load(): void {
    this.keyOrUndefined();
  }

  private requireKey(): Buffer {
    const key = this.keyOrUndefined();
    if (!key)
      throw DomainError.conflict(
        ConferenceErrorCode.INVITATION_LETTERS_UNAVAILABLE,
        'Invitation letters are not available: the server has no PASSPORT_DATA_KEY to encrypt passport data with.',
      );
    return key;
  }

  private keyOrUndefined(): Buffer | undefined {
    if (this.loaded) return this.key;
    this.loaded = true;
    const { key } = this.config.passportData;
    if (key) {
      this.key = key;
    } else if (this.config.env === 'production') {
      this.logger.warn(
        'PASSPORT_DATA_KEY is not set: invitation letters cannot be requested until it is.',
      );
    } else {
      this.key = this.generatedKey();
    }
    return this.key;
  }

  /** The key of DATA_DIR/passport-data.key, made on first start (exclusive create: one wins). */
  private generatedKey(): Buffer {
    const file = join(this.config.dataDir, GENERATED_KEY_FILE);
    mkdirSync(this.config.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      this.logger.log(
        `Generated a passport data key in ${file} (mode 0600): set PASSPORT_DATA_KEY in production.`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      this.logger.log(`Passport data key: ${file} (set PASSPORT_DATA_KEY in production).`);
    }
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
    return key;
  }
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
