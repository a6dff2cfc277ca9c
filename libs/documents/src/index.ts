export * from './certificates/certificate.entity';
export * from './certificates/certificate-settings.entity';
export * from './certificates/certificate-error-code';
export * from './certificates/certificate-files';
export * from './certificates/certificate-issued.email';
export * from './certificates/certificate-issuer';
export * from './certificates/certificates.service';
export * from './certificates/certified-event.port';
export * from './jobs/document-job.entity';
export * from './documents.module';
export * from './pdf-response';
export * from './rendering';
export * from './verification/verifiable-documents';
export {
  formatVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
} from './certificates/verification-code';

import { Certificate, CertificateSerial } from './certificates/certificate.entity';
import { CertificateSettings } from './certificates/certificate-settings.entity';
import { DocumentJob } from './jobs/document-job.entity';

export const documentEntities = [Certificate, CertificateSerial, CertificateSettings, DocumentJob];
