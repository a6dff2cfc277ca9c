import { DATES, PLACE, RECIPIENT_NAME, defineMessage, paragraphs } from '@platform/mail';
import { COMMITTEE_SIGN_OFF, EDITION_TITLE } from './edition-mail';

export type FocalPointInvitationValues = {
  editionTitle: string;
  dates: string;
  place: string;
  delegation: string;
  seats: string;
  signInUrl: string;
  validDays: number;
};

/** Asks someone to be the focal point of a delegation: who nominates its people. */
export const FOCAL_POINT_INVITATION_MESSAGE = defineMessage<FocalPointInvitationValues>({
  name: 'FOCAL_POINT_INVITATION',
  description: "Asks someone to nominate a delegation's people, with a sign-in link.",
  placeholders: {
    ...RECIPIENT_NAME,
    ...EDITION_TITLE,
    ...DATES,
    ...PLACE,
    delegation: 'The country or organization the delegation represents.',
    seats: "The delegation's seats, with those per category, in the mail's language.",
    signInUrl: 'A one-time sign-in link to the platform.',
    validDays: 'Days the sign-in link stays valid.',
  },
  texts: {
    en: {
      subject: 'Focal point of the delegation of {{delegation}}: {{editionTitle}}',
      body: paragraphs(
        'Dear {{name}},',
        'The organizing committee of the conference “{{editionTitle}}” ({{dates}}, {{place}}) has named you focal point of the delegation of {{delegation}}.',
        'As focal point you nominate the members of the delegation, upload the nomination letter for each of them and submit the nominations to the organizers. The delegation has {{seats}}.',
        'Sign in to the platform with this link (it works once, for {{validDays}} days; afterwards ask for a new one on the sign-in page):',
        '{{signInUrl}}',
        COMMITTEE_SIGN_OFF.en,
      ),
    },
    ru: {
      subject: 'Координатор делегации ({{delegation}}): {{editionTitle}}',
      body: paragraphs(
        'Здравствуйте, {{name}}!',
        'Организационный комитет конференции «{{editionTitle}}» ({{dates}}, {{place}}) назначил вас координатором делегации: {{delegation}}.',
        'Как координатор вы выдвигаете членов делегации, загружаете письмо о выдвижении для каждого из них и направляете кандидатуры организаторам. Квота делегации: {{seats}}.',
        'Войдите на платформу по этой ссылке (она действует один раз, в течение {{validDays}} дн.; после этого запросите новую на странице входа):',
        '{{signInUrl}}',
        COMMITTEE_SIGN_OFF.ru,
      ),
    },
    uz: {
      subject: 'Delegatsiya koordinatori ({{delegation}}): {{editionTitle}}',
      body: paragraphs(
        'Hurmatli {{name}}!',
        '«{{editionTitle}}» konferensiyasi ({{dates}}, {{place}}) tashkiliy qoʻmitasi sizni delegatsiya koordinatori etib tayinladi: {{delegation}}.',
        'Koordinator sifatida siz delegatsiya aʼzolarini nomzod qilib koʻrsatasiz, har biri uchun tavsiyanoma xatini yuklaysiz va nomzodlarni tashkilotchilarga yuborasiz. Delegatsiya kvotasi: {{seats}}.',
        'Platformaga ushbu havola orqali kiring (u bir marta, {{validDays}} kun davomida ishlaydi; keyin kirish sahifasida yangisini soʻrang):',
        '{{signInUrl}}',
        COMMITTEE_SIGN_OFF.uz,
      ),
    },
  },
});
