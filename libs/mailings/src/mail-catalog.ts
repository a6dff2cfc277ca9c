import { registerEnumType } from '@nestjs/graphql';
import { EMAIL_CHANGE_MESSAGE, LOGIN_LINK_MESSAGE } from '@platform/accounts';
import {
  BADGE_MESSAGE,
  FOCAL_POINT_INVITATION_MESSAGE,
  INVITATION_LETTER_APPROVED_MESSAGE,
  INVITATION_LETTER_DECLINED_MESSAGE,
  INVITATION_LETTER_REQUESTED_MESSAGE,
  INVITATION_MESSAGE,
  NOMINATION_APPROVED_MESSAGE,
  NOMINATION_DECLINED_MESSAGE,
  NOMINATIONS_SUBMITTED_MESSAGE,
  PROMOTED_FROM_WAITLIST_MESSAGE,
  RECOMMENDATIONS_MESSAGE,
  REGISTRATION_CONFIRMED_MESSAGE,
  REMINDER_MESSAGE,
  WAITLISTED_MESSAGE,
} from '@platform/conferences';
import { CERTIFICATE_ISSUED_MESSAGE } from '@platform/documents';
import { EVALUATION_INVITATION_MESSAGE, EVALUATION_REMINDER_MESSAGE } from '@platform/evaluations';
import { MailMessage } from '@platform/mail';
import { ENROLLMENT_CONFIRMED_MESSAGE } from '@platform/trainings';

/**
 * Every message the platform sends, each defined by the domain that sends it: the list
 * organizers pick from, read the placeholders and default wording of, and reword.
 */
export const MAIL_MESSAGES: readonly MailMessage[] = [
  INVITATION_MESSAGE,
  REGISTRATION_CONFIRMED_MESSAGE,
  WAITLISTED_MESSAGE,
  PROMOTED_FROM_WAITLIST_MESSAGE,
  REMINDER_MESSAGE,
  CERTIFICATE_ISSUED_MESSAGE,
  RECOMMENDATIONS_MESSAGE,
  BADGE_MESSAGE,
  ENROLLMENT_CONFIRMED_MESSAGE,
  LOGIN_LINK_MESSAGE,
  EMAIL_CHANGE_MESSAGE,
  FOCAL_POINT_INVITATION_MESSAGE,
  NOMINATIONS_SUBMITTED_MESSAGE,
  NOMINATION_APPROVED_MESSAGE,
  NOMINATION_DECLINED_MESSAGE,
  INVITATION_LETTER_REQUESTED_MESSAGE,
  INVITATION_LETTER_APPROVED_MESSAGE,
  INVITATION_LETTER_DECLINED_MESSAGE,
  EVALUATION_INVITATION_MESSAGE,
  EVALUATION_REMINDER_MESSAGE,
] as MailMessage[];

/** A message's name, as the API spells it. */
export type MailTemplate = string;
export const MailTemplate: Readonly<Record<string, MailTemplate>> = Object.fromEntries(
  MAIL_MESSAGES.map((message) => [message.name, message.name]),
);
registerEnumType(MailTemplate, {
  name: 'MailTemplate',
  valuesMap: Object.fromEntries(
    MAIL_MESSAGES.map((message) => [message.name, { description: message.description }]),
  ),
});

export function messageNamed(name: MailTemplate): MailMessage {
  const message = MAIL_MESSAGES.find((candidate) => candidate.name === name);
  if (!message) throw new Error(`No mail message named ${name}`);
  return message;
}
