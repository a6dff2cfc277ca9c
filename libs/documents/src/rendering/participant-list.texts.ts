import type { LanguageCode } from '@platform/core/plain';
import type { ParticipantStatusName } from './document-content';

/** The words of the list of participants (PDF and CSV) in en, ru and uz (Latin). */
export interface ParticipantListTexts {
  title: string;
  internalTitle: string;
  number: string;
  delegation: string;
  name: string;
  position: string;
  organization: string;
  status: string;
  listed: string;
  none: string;
  yes: string;
  no: string;
  statuses: Record<ParticipantStatusName, string>;
}

export const PARTICIPANT_LIST_TEXTS: Record<LanguageCode, ParticipantListTexts> = {
  en: {
    title: 'List of participants',
    internalTitle: 'List of participants (internal)',
    number: 'No.',
    delegation: 'Delegation',
    name: 'Name',
    position: 'Position',
    organization: 'Organization',
    status: 'Status',
    listed: 'Listed',
    none: 'No participants to list.',
    yes: 'yes',
    no: 'no',
    statuses: {
      INVITED: 'invited',
      REGISTERED: 'registered',
      CONFIRMED: 'confirmed',
      WAITLISTED: 'waitlisted',
      DECLINED: 'declined',
      CANCELLED: 'cancelled',
    },
  },
  ru: {
    title: 'Список участников',
    internalTitle: 'Список участников (для организаторов)',
    number: '№',
    delegation: 'Делегация',
    name: 'ФИО',
    position: 'Должность',
    organization: 'Организация',
    status: 'Статус',
    listed: 'В списке',
    none: 'Участников для списка нет.',
    yes: 'да',
    no: 'нет',
    statuses: {
      // Nouns: a status is not about one participant's sex.
      INVITED: 'приглашение',
      REGISTERED: 'регистрация',
      CONFIRMED: 'участие подтверждено',
      WAITLISTED: 'лист ожидания',
      DECLINED: 'отказ',
      CANCELLED: 'отмена',
    },
  },
  uz: {
    title: 'Ishtirokchilar roʻyxati',
    internalTitle: 'Ishtirokchilar roʻyxati (tashkilotchilar uchun)',
    number: '№',
    delegation: 'Delegatsiya',
    name: 'F.I.Sh.',
    position: 'Lavozim',
    organization: 'Tashkilot',
    status: 'Holat',
    listed: 'Roʻyxatda',
    none: 'Roʻyxatga kiritiladigan ishtirokchilar yoʻq.',
    yes: 'ha',
    no: 'yoʻq',
    statuses: {
      INVITED: 'taklif qilingan',
      REGISTERED: 'roʻyxatdan oʻtgan',
      CONFIRMED: 'tasdiqlangan',
      WAITLISTED: 'kutish roʻyxatida',
      DECLINED: 'rad etgan',
      CANCELLED: 'bekor qilingan',
    },
  },
};
