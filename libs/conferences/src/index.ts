export * from './agenda/agenda-order';
export * from './agenda/agenda-session.entity';
export * from './badges/badge.entity';
export * from './badges/badge-tokens';
export { BadgeErrorCode } from './badges/badges.service';
export * from './conference-error-code';
export * from './conferences.module';
export * from './delegations/delegation-access';
export * from './delegations/delegation.entity';
export * from './delegations/delegations.service';
export * from './delegations/nomination.entity';
export * from './mail/focal-point-invitation.email';
export * from './mail/nomination-decided.email';
export * from './mail/nominations-submitted.email';
export * from './editions/edition-access';
export * from './editions/edition-translations';
export * from './editions/edition.entity';
export * from './editions/editions.service';
export * from './letters/invitation-letter-approved.email';
export * from './letters/invitation-letter-declined.email';
export * from './letters/invitation-letter-requested.email';
export * from './letters/invitation-letter.entity';
export * from './letters/passport-cipher';
export * from './letters/passport-retention';
export * from './recommendations/recommendation.entity';
export * from './recommendations/recommendation-catalog';
export * from './recommendations/recommendation-evidence';
export * from './recommendations/recommendations.service';
export * from './registrations/registration.entity';
export * from './registrations/registrations.service';
export * from './mail/badge.email';
export * from './mail/edition-mailings';
export * from './mail/invitation.email';
export * from './mail/promoted-from-waitlist.email';
export * from './mail/recommendations.email';
export * from './mail/registration-confirmed.email';
export * from './mail/reminder.email';
export * from './mail/waitlisted.email';
export * from './series/conference-series.entity';
export * from './series/series.service';
export * from './working-groups/working-group.entity';

import { AgendaSession, SessionSpeaker } from './agenda/agenda-session.entity';
import { Badge, BadgePrint, BadgeSigningKey } from './badges/badge.entity';
import { Delegation, DelegationFocalPoint } from './delegations/delegation.entity';
import { Nomination } from './delegations/nomination.entity';
import { Edition, EditionOrganizer, EditionPartner } from './editions/edition.entity';
import { InvitationLetter, InvitationLetterCounter } from './letters/invitation-letter.entity';
import { Recommendation, RecommendationFollowUp } from './recommendations/recommendation.entity';
import { CheckIn, Registration } from './registrations/registration.entity';
import { ConferenceSeries, RotationSlot } from './series/conference-series.entity';
import {
  WorkingGroup,
  WorkingGroupFacilitator,
  WorkingGroupMember,
} from './working-groups/working-group.entity';

export const conferenceEntities = [
  ConferenceSeries,
  RotationSlot,
  Edition,
  EditionPartner,
  EditionOrganizer,
  AgendaSession,
  SessionSpeaker,
  WorkingGroup,
  WorkingGroupFacilitator,
  WorkingGroupMember,
  Delegation,
  DelegationFocalPoint,
  Nomination,
  Registration,
  CheckIn,
  Recommendation,
  RecommendationFollowUp,
  Badge,
  BadgePrint,
  BadgeSigningKey,
  InvitationLetter,
  InvitationLetterCounter,
];
