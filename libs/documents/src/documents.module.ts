import { Module } from '@nestjs/common';
import { CertificateAccess } from './certificates/certificate-access';
import { CertificateArchive } from './certificates/certificate-archive';
import { CertificateAttachments } from './certificates/certificate-attachments';
import { CertificateFiles } from './certificates/certificate-files';
import { CertificateIssuer } from './certificates/certificate-issuer';
import { CertificatesResolver } from './certificates/certificates.resolver';
import { CertificatesService } from './certificates/certificates.service';
import { CertifiedEvents } from './certificates/certified-event.port';
import { DocumentsController } from './documents.controller';
import { DocumentJobs } from './jobs/document-jobs';
import { PdfRenderer } from './rendering/pdf-renderer';
import { VerificationController } from './verification/verification.controller';
import { VerifiableDocuments } from './verification/verifiable-documents';
import { VerificationService } from './verification/verification.service';

/**
 * Certificates (issue, render, verify, mail) and the PDF renderers other domains print
 * their documents with. It knows no event domain: conferences and trainings plug their
 * events in through CertifiedEvents (see CertifiedEventPort).
 */
@Module({
  controllers: [DocumentsController, VerificationController],
  providers: [
    CertifiedEvents,
    CertificateAccess,
    CertificateAttachments,
    CertificateIssuer,
    CertificateFiles,
    CertificateArchive,
    CertificatesService,
    CertificatesResolver,
    DocumentJobs,
    PdfRenderer,
    VerificationService,
    VerifiableDocuments,
  ],
  exports: [
    CertifiedEvents,
    CertificateIssuer,
    CertificateFiles,
    CertificatesService,
    PdfRenderer,
    VerifiableDocuments,
  ],
})
export class DocumentsModule {}
