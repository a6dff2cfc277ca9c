import { Module } from '@nestjs/common';
import { ConferencesModule } from '@platform/conferences';
import { TrainingsModule } from '@platform/trainings';
import { CertificateAccess } from './certificates/certificate-access';
import { CertificateArchive } from './certificates/certificate-archive';
import { DocumentAttachments } from './outcomes/document-attachments';
import { CertificateFiles } from './certificates/certificate-files';
import { CertificateIssuer } from './certificates/certificate-issuer';
import { CertificatesResolver } from './certificates/certificates.resolver';
import { CertificatesService } from './certificates/certificates.service';
import { DocumentsController } from './documents.controller';
import { DocumentJobs } from './jobs/document-jobs';
import { OutcomeDocuments } from './outcomes/outcome-documents';
import { VerificationController } from './verification/verification.controller';
import { VerificationService } from './verification/verification.service';

@Module({
  imports: [ConferencesModule, TrainingsModule],
  controllers: [DocumentsController, VerificationController],
  providers: [
    CertificateAccess,
    DocumentAttachments,
    CertificateIssuer,
    CertificateFiles,
    CertificateArchive,
    CertificatesService,
    CertificatesResolver,
    DocumentJobs,
    OutcomeDocuments,
    VerificationService,
  ],
  exports: [CertificateIssuer, CertificateFiles, OutcomeDocuments],
})
export class DocumentsModule {}
