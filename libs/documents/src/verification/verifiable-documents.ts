import { Injectable } from '@nestjs/common';
import type { LanguageCode } from '@platform/core';

/**
 * What /verify tells about an invitation letter: that it was issued, its number, whom it
 * invites and to what. Never the passport data it prints.
 */
export interface InvitationLetterVerification {
  /** e.g. TM-2026/0007 */
  number: string;
  /** The person's name in the script of the language asked for, where known. */
  personName: string;
  event: {
    title: string;
    startDate: string;
    endDate: string;
    city: string;
    country: string;
    countryName: string;
  };
  /** The host organization that issued it. */
  issuer: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

/** Finds the document of another domain a verification code belongs to, or null. */
export type LetterVerifier = (
  code: string,
  language: LanguageCode,
) => Promise<InvitationLetterVerification | null>;

/**
 * The documents other domains issue with a verification code like the certificates'
 * (conferences: invitation letters). They register here; /verify asks them when no
 * certificate has the code.
 */
@Injectable()
export class VerifiableDocuments {
  private readonly letters: LetterVerifier[] = [];

  registerLetters(verifier: LetterVerifier): void {
    this.letters.push(verifier);
  }

  async letter(code: string, language: LanguageCode): Promise<InvitationLetterVerification | null> {
    for (const verifier of this.letters) {
      const found = await verifier(code, language);
      if (found) return found;
    }
    return null;
  }
}
