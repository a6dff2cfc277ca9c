export * from './certificates/certificate.entity';
export * from './certificates/certificate-settings.entity';
export * from './certificates/certificate-error-code';
export * from './certificates/certificate-files';
export * from './certificates/certificate-issuer';
export * from './jobs/document-job.entity';
export * from './outcomes/outcome-documents';
export * from './documents.module';

import { Certificate, CertificateSerial } from './certificates/certificate.entity';
import { CertificateSettings } from './certificates/certificate-settings.entity';
import { DocumentJob } from './jobs/document-job.entity';

export const documentEntities = [Certificate, CertificateSerial, CertificateSettings, DocumentJob];

// The certificate template and its fonts, for bench/ (certificates per second).
export { fontFiles, renderCertificate, sharedFonts } from './rendering';
export type { CertificateContent, FontSet } from './rendering';
