import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  Connection,
  CurrentActor,
  eventIdsOf,
  IdArg,
  Paginated,
} from '@platform/core';
import { Person } from '@platform/directory';
import { DocumentJob } from '../jobs/document-job.entity';
import { DocumentJobs } from '../jobs/document-jobs';
import { CertificateAccess, certificateEventOf } from './certificate-access';
import { CertificateIssuer } from './certificate-issuer';
import { CertificateSettings } from './certificate-settings.entity';
import { Certificate } from './certificate.entity';
import { CertificatesService } from './certificates.service';
import {
  CertificateEventInput,
  CertificatesArgs,
  CertificateSettingsInput,
  IssueCertificateInput,
  IssueCertificatesInput,
  ReissueCertificateInput,
  RevokeCertificateInput,
} from './dto/certificate.input';
import { formatVerificationCode } from './verification-code';

const CertificateConnection = Paginated(Certificate);

@Resolver(() => Certificate)
export class CertificatesResolver {
  constructor(
    private readonly service: CertificatesService,
    private readonly issuer: CertificateIssuer,
    private readonly jobs: DocumentJobs,
    private readonly access: CertificateAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => CertificateSettings, {
    description: "Serial prefix, languages, hours and signatories of an event's certificates.",
  })
  configureCertificates(
    @CurrentActor() actor: Actor,
    @Args('input') input: CertificateSettingsInput,
  ): Promise<CertificateSettings> {
    return this.service.configure(actor, input);
  }

  @Query(() => CertificateSettings, { nullable: true })
  certificateSettings(
    @CurrentActor() actor: Actor,
    @Args('event') event: CertificateEventInput,
  ): Promise<CertificateSettings | null> {
    return this.service.settings(actor, event);
  }

  @Mutation(() => Certificate, {
    description: 'Issues one certificate to an eligible person (or returns their current one).',
  })
  issueCertificate(
    @CurrentActor() actor: Actor,
    @Args('input') input: IssueCertificateInput,
  ): Promise<Certificate> {
    const event = certificateEventOf(input, input.kind);
    return this.issuer.issueOne(actor, input.kind, event, input.personId, input.languages);
  }

  @Mutation(() => DocumentJob, {
    description:
      'Issues a certificate to everyone eligible who has none yet, then renders the PDFs in the background: poll documentJob for progress.',
  })
  issueCertificates(
    @CurrentActor() actor: Actor,
    @Args('input') input: IssueCertificatesInput,
  ): Promise<DocumentJob> {
    return this.jobs.issueAll(actor, input.kind, certificateEventOf(input, input.kind));
  }

  @Query(() => DocumentJob)
  documentJob(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<DocumentJob> {
    return this.jobs.get(actor, id);
  }

  @Mutation(() => Certificate)
  revokeCertificate(
    @CurrentActor() actor: Actor,
    @Args('input') input: RevokeCertificateInput,
  ): Promise<Certificate> {
    return this.issuer.revoke(actor, input.certificateId, input.reason);
  }

  @Mutation(() => Certificate, {
    description:
      'A new certificate with a new code and current facts; the old one verifies as replaced.',
  })
  reissueCertificate(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReissueCertificateInput,
  ): Promise<Certificate> {
    return this.issuer.reissue(actor, input.certificateId, input.languages);
  }

  @Query(() => CertificateConnection, {
    description: 'Certificates of an edition or training event you manage.',
  })
  certificates(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: CertificatesArgs,
  ): Promise<Connection<Certificate>> {
    return this.service.list(actor, filter, page);
  }

  @Query(() => [Certificate], { description: 'Your own certificates.' })
  myCertificates(@CurrentActor() actor: Actor): Promise<Certificate[]> {
    return this.service.mine(actor);
  }

  @Query(() => Certificate)
  certificate(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<Certificate> {
    return this.access.visible(actor, id);
  }

  @ResolveField(() => Person)
  holder(@Parent() certificate: Certificate): Promise<Person> {
    return certificate.person.loadOrFail();
  }

  @ResolveField(() => ID, { nullable: true })
  editionId(@Parent() certificate: Certificate): string | undefined {
    return eventIdsOf(certificate.event).editionId;
  }

  @ResolveField(() => ID, { nullable: true })
  trainingEventId(@Parent() certificate: Certificate): string | undefined {
    return eventIdsOf(certificate.event).trainingEventId;
  }

  @ResolveField(() => ID, {
    nullable: true,
    description: 'The certificate that replaced this one.',
  })
  replacedById(@Parent() certificate: Certificate): string | undefined {
    return certificate.replacedBy?.id;
  }

  @ResolveField(() => String, { description: 'As printed; only the holder and the staff see it.' })
  verificationCode(@Parent() certificate: Certificate): string {
    return formatVerificationCode(certificate.verificationCode);
  }

  @ResolveField(() => String, { description: 'The public page the QR code points to.' })
  verificationUrl(@Parent() certificate: Certificate): string {
    return certificate.content.verificationUrl;
  }

  @ResolveField(() => String, { description: 'GET with your bearer token.' })
  downloadUrl(@Parent() certificate: Certificate): string {
    return `${this.config.publicUrl}/documents/certificates/${certificate.id}.pdf`;
  }
}
