import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20; // 100 random bits: not guessable, short enough to type
const CODE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

export function newVerificationCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET.charAt(byte & 31);
  return code;
}

/** "7k3m-q9x2 …" as typed → the stored form, or null when it cannot be a code. */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return CODE.test(code) ? code : null;
}

/** Groups of four for print: 7K3M-Q9X2-ABCD-EFGH-JKMN. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
