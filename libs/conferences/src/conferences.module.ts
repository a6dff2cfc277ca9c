import { EditionReadModel } from './editions/edition-read-model';
import { AccountsModule } from '@platform/accounts';
import { DirectoryModule } from '@platform/directory';
import { DocumentsModule } from '@platform/documents';
import { EditionCertificates } from './editions/edition-certificates';
import { EditionDocuments } from './editions/edition-documents';
import { EditionDocumentsController } from './editions/edition-documents.controller';
import { EditionMailings } from './mail/edition-mailings';
import { RecommendationsAttachment } from './mail/recommendations-attachment';
import { EditionPeople } from './editions/edition-people';
import { Module } from '@nestjs/common';
import { BadgeAttachment } from './badges/badge-attachment';
import { BadgeTokens } from './badges/badge-tokens';
import { BadgesController } from './badges/badges.controller';
import { BadgesResolver } from './badges/badges.resolver';
import { BadgesService } from './badges/badges.service';
import { InvitationLetterFiles } from './letters/invitation-letter-files';
import { InvitationLettersController } from './letters/invitation-letters.controller';
import { InvitationLettersResolver } from './letters/invitation-letters.resolver';
import { InvitationLettersService } from './letters/invitation-letters.service';
import { PassportCipher } from './letters/passport-cipher';
import { PassportRetention } from './letters/passport-retention';
import { ParticipantListController } from './participant-list/participant-list.controller';
import { ParticipantListResolver } from './participant-list/participant-list.resolver';
import { ParticipantListService } from './participant-list/participant-list.service';
import { AgendaCalendar } from './agenda/agenda-calendar';
import { AgendaCalendarController } from './agenda/agenda-calendar.controller';
import {
  AgendaResolver,
  EditionAgendaResolver,
  SessionSpeakerResolver,
} from './agenda/agenda.resolver';
import { AgendaService } from './agenda/agenda.service';
import { DelegationAccess } from './delegations/delegation-access';
import {
  DelegationsResolver,
  EditionDelegationsResolver,
  NominationsResolver,
} from './delegations/delegations.resolver';
import { DelegationsService } from './delegations/delegations.service';
import { NominationLetterController } from './delegations/nomination-letter.controller';
import { EditionAccess } from './editions/edition-access';
import { EditionTranslations } from './editions/edition-translations';
import { EditionPartnerResolver, EditionsResolver } from './editions/editions.resolver';
import { EditionsService } from './editions/editions.service';
import { RecommendationCatalog } from './recommendations/recommendation-catalog';
import { RecommendationEvidenceSources } from './recommendations/recommendation-evidence';
import {
  EditionRecommendationsResolver,
  FollowUpResolver,
  RecommendationsResolver,
} from './recommendations/recommendations.resolver';
import { RecommendationsService } from './recommendations/recommendations.service';
import { RegistrationNotices } from './registrations/registration-notices';
import { ParticipationService } from './registrations/participation';
import {
  EditionRegistrationsResolver,
  RegistrationsResolver,
} from './registrations/registrations.resolver';
import { RegistrationsService } from './registrations/registrations.service';
import { Waitlist } from './registrations/waitlist';
import { SeriesResolver } from './series/series.resolver';
import { SeriesService } from './series/series.service';
import {
  EditionWorkingGroupsResolver,
  WorkingGroupsResolver,
} from './working-groups/working-groups.resolver';
import { WorkingGroupsService } from './working-groups/working-groups.service';

@Module({
  imports: [DirectoryModule, DocumentsModule, AccountsModule],
  controllers: [
    AgendaCalendarController,
    EditionDocumentsController,
    BadgesController,
    NominationLetterController,
    InvitationLettersController,
    ParticipantListController,
  ],
  providers: [
    EditionReadModel,
    AgendaCalendar,
    EditionPeople,
    EditionAccess,
    DelegationAccess,
    DelegationsService,
    DelegationsResolver,
    NominationsResolver,
    EditionDelegationsResolver,
    EditionTranslations,
    EditionCertificates,
    EditionDocuments,
    EditionMailings,
    RecommendationsAttachment,
    SeriesService,
    EditionsService,
    AgendaService,
    WorkingGroupsService,
    RegistrationsService,
    ParticipationService,
    RecommendationsService,
    RecommendationEvidenceSources,
    RecommendationCatalog,
    RegistrationNotices,
    Waitlist,
    SeriesResolver,
    EditionsResolver,
    EditionPartnerResolver,
    AgendaResolver,
    EditionAgendaResolver,
    SessionSpeakerResolver,
    WorkingGroupsResolver,
    EditionWorkingGroupsResolver,
    RegistrationsResolver,
    EditionRegistrationsResolver,
    RecommendationsResolver,
    EditionRecommendationsResolver,
    FollowUpResolver,
    BadgeTokens,
    BadgesService,
    BadgeAttachment,
    BadgesResolver,
    PassportCipher,
    PassportRetention,
    InvitationLettersService,
    InvitationLetterFiles,
    InvitationLettersResolver,
    ParticipantListService,
    ParticipantListResolver,
  ],
  exports: [
    EditionAccess,
    EditionTranslations,
    SeriesService,
    EditionsService,
    RegistrationsService,
    RecommendationsService,
    RecommendationEvidenceSources,
    RecommendationCatalog,
    EditionMailings,
    BadgeTokens,
  ],
})
export class ConferencesModule {}
