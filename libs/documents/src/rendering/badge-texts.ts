import type { LanguageCode } from '@platform/core/plain';
import type { BadgeRoleName } from './document-content';

// The fixed texts of accreditation badges, one table per language like texts.ts. Uzbek is
// in Latin script with ʻ (U+02BB) in oʻ/gʻ.

export interface BadgeTexts {
  /** The word printed in the role's colour band. */
  role: Record<BadgeRoleName, string>;
  /** Under the QR code. */
  scanToCheckIn: string;
  /** The PDF's title. */
  title: string;
  /** The title of a sheet of many badges. */
  sheetTitle: string;
}

export const BADGE_TEXTS: Record<LanguageCode, BadgeTexts> = {
  en: {
    role: {
      DELEGATE: 'DELEGATE',
      SPEAKER: 'SPEAKER',
      ORGANIZER: 'ORGANIZER',
      PRESS: 'PRESS',
      STAFF: 'STAFF',
    },
    scanToCheckIn: 'Scan at the entrance',
    title: 'Badge',
    sheetTitle: 'Badges for printing',
  },
  ru: {
    role: {
      DELEGATE: 'ДЕЛЕГАТ',
      SPEAKER: 'ДОКЛАДЧИК',
      ORGANIZER: 'ОРГАНИЗАТОР',
      PRESS: 'ПРЕССА',
      STAFF: 'ПЕРСОНАЛ',
    },
    scanToCheckIn: 'Предъявите при входе',
    title: 'Бейдж',
    sheetTitle: 'Бейджи для печати',
  },
  uz: {
    role: {
      DELEGATE: 'DELEGAT',
      SPEAKER: 'MAʼRUZACHI',
      ORGANIZER: 'TASHKILOTCHI',
      PRESS: 'MATBUOT',
      STAFF: 'XODIM',
    },
    scanToCheckIn: 'Kirishda koʻrsating',
    title: 'Beyj',
    sheetTitle: 'Chop etish uchun beyjlar',
  },
};

/** The colour of each role's band: told apart at a glance, white text readable on each. */
export const BADGE_ROLE_COLOURS: Record<BadgeRoleName, string> = {
  DELEGATE: '#1f5fa8',
  SPEAKER: '#b3261e',
  ORGANIZER: '#2e7d32',
  PRESS: '#c25e00',
  STAFF: '#5b3c99',
};
