import type { LanguageCode } from '@platform/core/plain';
import { nameIn } from '@platform/directory/plain';
import type { CertificateContent } from './document-content';

/**
 * The holder's name as a certificate's text in `language` gives it, by the directory's
 * rule (nameIn): the PDF, its mail and the verification page. Certificates issued before
 * names by script have only the name as entered.
 */
export function holderNameIn(
  content: Pick<CertificateContent, 'holderName' | 'holderNames'>,
  language: LanguageCode,
): string {
  return nameIn({ fullName: content.holderName, ...content.holderNames }, language);
}
