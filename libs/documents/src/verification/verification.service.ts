import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { countryNameIn, LanguageCode } from '@platform/core';
import { holderNameIn } from '../rendering';
import { certificateTexts } from '../rendering/document-content';
import {
  Certificate,
  CertificateKind,
  CertificateStatus,
} from '../certificates/certificate.entity';
import { normalizeVerificationCode } from '../certificates/verification-code';
import { InvitationLetterVerification, VerifiableDocuments } from './verifiable-documents';

export type VerificationStatus = 'valid' | 'revoked' | 'replaced' | 'unknown';

/**
 * What anyone holding a code may learn: whether the certificate stands, whose it is and
 * for which event. Nothing else personal: no email, no organization, no revocation reason.
 */
export interface Verification {
  status: VerificationStatus;
  certificate?: {
    serial: string;
    kind: CertificateKind;
    /** In the script of the language asked for (Cyrillic for Russian, else Latin), where known. */
    holderName: string;
    /** In the language asked for, as the certificate was issued (English where untranslated). */
    event: {
      title: string;
      startDate: string;
      endDate: string;
      city: string;
      /** ISO 3166 code */
      country: string;
      countryName: string;
      issuers: string[];
    };
    issuedOn: string;
    revokedOn?: string;
    replacedOn?: string;
  };
  /** An invitation letter's code: genuine, its number, the person and the event. */
  invitationLetter?: InvitationLetterVerification;
}

const UNKNOWN: Verification = { status: 'unknown' };

@Injectable()
export class VerificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: VerifiableDocuments,
  ) {}

  /** Malformed and unknown codes get the very same answer. */
  async verify(input: string, language: LanguageCode): Promise<Verification> {
    const code = normalizeVerificationCode(input);
    const certificate = code && (await this.em.findOne(Certificate, { verificationCode: code }));
    if (!certificate) {
      const letter = code && (await this.documents.letter(code, language));
      return letter ? { status: 'valid', invitationLetter: letter } : UNKNOWN;
    }
    const { content } = certificate;
    const texts = certificateTexts(content, language);
    return {
      status: STATUS[certificate.status],
      certificate: {
        serial: certificate.serial,
        kind: certificate.kind,
        holderName: holderNameIn(content, language),
        event: {
          title: texts.eventTitle,
          startDate: content.startDate,
          endDate: content.endDate,
          city: texts.city,
          country: content.countryCode,
          countryName: countryNameIn(language, content.countryCode),
          issuers: texts.issuers,
        },
        issuedOn: content.issuedOn,
        revokedOn: certificate.revokedAt?.toISOString().slice(0, 10),
        replacedOn: certificate.replacedAt?.toISOString().slice(0, 10),
      },
    };
  }
}

const STATUS: Record<CertificateStatus, VerificationStatus> = {
  [CertificateStatus.VALID]: 'valid',
  [CertificateStatus.REVOKED]: 'revoked',
  [CertificateStatus.REPLACED]: 'replaced',
};
