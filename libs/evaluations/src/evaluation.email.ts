import { LanguageCode, languageOr } from '@platform/core';
import { Person } from '@platform/directory';
import {
  defineMessage,
  MailRequest,
  ORGANIZERS_SIGN_OFF,
  paragraphs,
  RECIPIENT_NAME,
} from '@platform/mail';
import { EvaluatedEvent } from './evaluated-events';
import { EvaluationForm, EvaluationKind } from './evaluation.entities';

type EvaluationValues = {
  eventTitle: string;
  purpose: string;
  privacy: string;
  evaluationUrl: string;
};

const PLACEHOLDERS = {
  ...RECIPIENT_NAME,
  eventTitle: 'Title of the training event or conference edition.',
  purpose:
    'One sentence on what is asked: how the event went (at the end) or how its content has been applied (follow-up).',
  privacy: 'One sentence: whether the answers are anonymous or kept with the name.',
  evaluationUrl: 'The personal link to the answer page (works without signing in).',
} as const;

const PURPOSE: Record<EvaluationKind, Record<LanguageCode, string>> = {
  END: {
    en: 'Please tell us how the event went for you: it takes a few minutes.',
    ru: 'Расскажите, пожалуйста, как прошло для вас мероприятие: это займет несколько минут.',
    uz: 'Iltimos, tadbir siz uchun qanday oʻtganini bizga aytib bering: bu bir necha daqiqa oladi.',
  },
  FOLLOW_UP: {
    en: 'Some months have passed since the event: please tell us how you have applied what you learned in your work.',
    ru: 'С момента мероприятия прошло несколько месяцев: расскажите, пожалуйста, как вы применяете полученные знания в работе.',
    uz: 'Tadbirdan beri bir necha oy oʻtdi: iltimos, olgan bilimlaringizni ishda qanday qoʻllayotganingizni aytib bering.',
  },
};

const PRIVACY: Record<'anonymous' | 'named', Record<LanguageCode, string>> = {
  anonymous: {
    en: 'Your answers are anonymous: they are stored without your name, and nobody, not even the organizers, can tell which answers are yours.',
    ru: 'Ответы анонимны: они хранятся без вашего имени, и никто, даже организаторы, не сможет узнать, какие ответы ваши.',
    uz: 'Javoblaringiz anonim: ular ismingizsiz saqlanadi va hech kim, hatto tashkilotchilar ham, qaysi javoblar sizniki ekanini bila olmaydi.',
  },
  named: {
    en: 'Your answers are kept with your name and read by the organizers.',
    ru: 'Ваши ответы сохраняются с вашим именем и доступны организаторам.',
    uz: 'Javoblaringiz ismingiz bilan saqlanadi va tashkilotchilar tomonidan oʻqiladi.',
  },
};

/** Asks a participant to answer an evaluation, with their personal link. */
export const EVALUATION_INVITATION_MESSAGE = defineMessage<EvaluationValues>({
  name: 'EVALUATION_INVITATION',
  description: 'Asks a participant to answer an evaluation, with their personal link.',
  placeholders: PLACEHOLDERS,
  texts: {
    en: {
      subject: 'Your feedback: {{eventTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'Thank you for taking part in “{{eventTitle}}”. {{purpose}}',
        ['Answer here:', '{{evaluationUrl}}'],
        '{{privacy}}',
        ORGANIZERS_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Ваш отзыв: {{eventTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Благодарим вас за участие в мероприятии «{{eventTitle}}». {{purpose}}',
        ['Ответить можно по ссылке:', '{{evaluationUrl}}'],
        '{{privacy}}',
        ORGANIZERS_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Fikringiz: {{eventTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{eventTitle}}» tadbirida ishtirok etganingiz uchun rahmat. {{purpose}}',
        ['Bu havola orqali javob bering:', '{{evaluationUrl}}'],
        '{{privacy}}',
        ORGANIZERS_SIGN_OFF.uz,
      ),
    },
  },
});

/** The one reminder to those who have not answered an evaluation yet. */
export const EVALUATION_REMINDER_MESSAGE = defineMessage<EvaluationValues>({
  name: 'EVALUATION_REMINDER',
  description: 'The one reminder to those who have not answered an evaluation yet.',
  placeholders: PLACEHOLDERS,
  texts: {
    en: {
      subject: 'Reminder: your feedback on {{eventTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'We have not yet received your answers about “{{eventTitle}}”. {{purpose}}',
        ['Answer here:', '{{evaluationUrl}}'],
        '{{privacy}} This is the only reminder.',
        ORGANIZERS_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Напоминание: ваш отзыв о мероприятии «{{eventTitle}}»',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Мы еще не получили ваших ответов о мероприятии «{{eventTitle}}». {{purpose}}',
        ['Ответить можно по ссылке:', '{{evaluationUrl}}'],
        '{{privacy}} Это единственное напоминание.',
        ORGANIZERS_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Eslatma: «{{eventTitle}}» haqida fikringiz',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{eventTitle}}» tadbiri haqidagi javoblaringizni hali olmadik. {{purpose}}',
        ['Bu havola orqali javob bering:', '{{evaluationUrl}}'],
        '{{privacy}} Bu yagona eslatma.',
        ORGANIZERS_SIGN_OFF.uz,
      ),
    },
  },
});

/** The invitation (or the reminder) of one person, in their language. */
export function evaluationMail(
  reminder: boolean,
  form: EvaluationForm,
  event: EvaluatedEvent,
  person: Person,
  invitationId: string,
  evaluationUrl: string,
): MailRequest<EvaluationValues> {
  const language = languageOr(person.language);
  const message = reminder ? EVALUATION_REMINDER_MESSAGE : EVALUATION_INVITATION_MESSAGE;
  return {
    message,
    idempotencyKey: `${message.name}:${invitationId}`,
    to: { email: person.email, name: person.nameIn(language), language, personId: person.id },
    values: {
      eventTitle: event.title[language],
      purpose: PURPOSE[form.kind][language],
      privacy: PRIVACY[form.anonymous ? 'anonymous' : 'named'][language],
      evaluationUrl,
    },
    about: event.ref,
  };
}
