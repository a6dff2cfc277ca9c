import type { LanguageCode } from '@platform/core/plain';
// What the PDF templates print. Plain data, filled by the services from the database,
// so the templates know nothing about entities and can be rendered and tested alone.

/** Languages the fixed texts of a document are written in (uz is Uzbek in Latin script). */

export type CertificateKindName = 'CONFERENCE_ATTENDANCE' | 'SPEAKER' | 'TRAINING_COMPLETION';

export type HolderSex = 'FEMALE' | 'MALE';

export interface Signatory {
  name: string;
  /** e.g. "Chair of the National Commission" */
  position: string;
  organization?: string;
}

/** What organizers typed, as a certificate prints it in one language. */
export interface CertificateTexts {
  eventTitle: string;
  city: string;
  issuers: string[];
  signatories: Signatory[];
  sessionTitles?: string[];
  holderOrganization?: string;
}

export interface CertificateContent {
  kind: CertificateKindName;
  /** One language, or two for a bilingual certificate; the first is the main one. */
  languages: LanguageCode[];
  /** e.g. TIP-2022-000123 */
  serial: string;
  /** As printed for people to type, e.g. 7K3M-Q9X2-… */
  verificationCode: string;
  /** The public page the QR code points to. */
  verificationUrl: string;
  /** The holder's name as entered in the directory; all that certificates issued before names by script carry. */
  holderName: string;
  /** The holder's name in each script it is known in: each language prints its own (see holderNameIn). */
  holderNames?: { latin?: string; cyrillic?: string };
  /** Russian wording agrees with it; without it the wording needs no agreement. */
  holderSex?: HolderSex;
  holderOrganization?: string;
  /** Title of the edition or training event, as entered by the organizers. */
  eventTitle: string;
  /** Speaker certificates: the sessions the holder spoke in. */
  sessionTitles?: string[];
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  city: string;
  /** ISO 3166-1 alpha-2; printed as the country's name in each language. */
  countryCode: string;
  /** Printed as "N academic hours" when set, otherwise as the number of days. */
  hours?: number;
  days: number;
  /** The organizations issuing the certificate (hosts, co-organizers, programme owner…). */
  issuers: string[];
  signatories: Signatory[];
  /** YYYY-MM-DD */
  issuedOn: string;
  /**
   * The texts above in each language, as issued (English where untranslated). The fields
   * above are the English ones; certificates issued before translations have no
   * `translated` and print those.
   */
  translated?: Partial<Record<LanguageCode, CertificateTexts>>;
}

/** The texts a certificate prints in one language (see CertificateContent.translated). */
export function certificateTexts(
  content: CertificateContent,
  language: LanguageCode,
): CertificateTexts {
  const { eventTitle, city, issuers, signatories, sessionTitles, holderOrganization } = content;
  return (
    content.translated?.[language] ?? {
      eventTitle,
      city,
      issuers,
      signatories,
      sessionTitles,
      holderOrganization,
    }
  );
}

export interface EditionHeader {
  title: string;
  theme?: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  city: string;
  countryCode: string;
  venue?: string;
  partners: { name: string; role: 'HOST' | 'CO_ORGANIZER' | 'FUNDER' | 'PARTNER' }[];
  /** Who issues the edition's documents (its hosts and co-organizers): the PDF's author. */
  issuers: string[];
}

/** Figures of trainings that implement a recommendation. */
export interface TrainingEvidenceLine {
  eventsHeld: number;
  peopleTrained: number;
  /** Mean post-test minus pre-test, in percentage points; null without tests. */
  meanKnowledgeGain: number | null;
}

export interface RecommendationsContent {
  language: LanguageCode;
  edition: EditionHeader;
  /** Adopted recommendations by working group; `workingGroup` is undefined for plenary ones. */
  groups: {
    workingGroup?: string;
    recommendations: {
      number: number;
      text: string;
      addressedTo?: string;
      /** Follow-up recorded at later editions, oldest first. */
      followUps: {
        year: number;
        status: 'NOT_STARTED' | 'IN_PROGRESS' | 'IMPLEMENTED';
        note?: string;
        /**
         * The trainings that implement the recommendation, as of that edition: one line
         * per programme or event (title in the document's language), and the total
         * (people counted once) when there are several.
         */
        evidence?: {
          lines: (TrainingEvidenceLine & { title: string })[];
          total?: TrainingEvidenceLine;
        };
      }[];
    }[];
  }[];
}

export interface AgendaContent {
  language: LanguageCode;
  edition: EditionHeader;
  days: {
    number: number;
    /** YYYY-MM-DD */
    date: string;
    sessions: {
      /** HH:MM */
      startTime: string;
      endTime: string;
      kind: string;
      title: string;
      room?: string;
      moderator?: string;
      /** "Name, title on the agenda" */
      speakers: { name: string; title?: string }[];
    }[];
  }[];
}

export type AttendanceMarkName = 'PRESENT' | 'LATE' | 'EXCUSED' | 'ABSENT';

export interface AttendanceReportContent {
  language: LanguageCode;
  programmeTitle: string;
  eventTitle: string;
  startDate: string;
  endDate: string;
  city: string;
  region: string;
  countryCode: string;
  trainers: string[];
  /** e.g. "at least 2 of 2 days" — the rule in words is made by the template from these. */
  completionRule: { minDays?: number; minPercent?: number; excusedCounts: boolean };
  /** YYYY-MM-DD of each day, in order. */
  days: string[];
  rows: {
    name: string;
    organization?: string;
    /** ProfessionalCategory name, e.g. JUDGE; the template prints it in the document's language. */
    category?: string;
    /** One entry per day, same order as `days`; undefined when not marked. */
    marks: (AttendanceMarkName | undefined)[];
    attendedDays: number;
    completed: boolean;
    /** Knowledge test scores in percent, and post minus pre (in points). */
    pre?: number | null;
    post?: number | null;
    gain?: number | null;
  }[];
  /**
   * When the event has a knowledge test: pre/post/gain columns, and its figures (means in
   * percent, gain in points, shares 0–1).
   */
  knowledge?: {
    testedPeople: number;
    meanPre: number | null;
    meanPost: number | null;
    meanGain: number | null;
    improvedShare: number | null;
    masteredShare: number | null;
  };
  /** The programme's indicator table, by professional category (ProfessionalCategory names). */
  indicators: {
    rows: { category: string; enrolled: number; trained: number; completions: number }[];
    total: { enrolled: number; trained: number; completions: number };
  };
}

/** A badge's role, printed as a colour band with its word (see badge-texts.ts). */
export type BadgeRoleName = 'DELEGATE' | 'SPEAKER' | 'ORGANIZER' | 'PRESS' | 'STAFF';

/** One accreditation badge as printed. */
export interface BadgeFace {
  /** The name in each script it is known in; both are printed when both are known. */
  names: { fullName: string; latin?: string; cyrillic?: string };
  organization?: string;
  /** The country or organization whose delegation the person belongs to. */
  delegation?: string;
  role: BadgeRoleName;
  /** JPEG or PNG bytes, fitted into the photo box. */
  photo?: Uint8Array;
  /** The signed check-in token the QR code carries (never a guessable id). */
  token: string;
}

export interface BadgesContent {
  language: LanguageCode;
  edition: {
    title: string;
    /** YYYY-MM-DD */
    startDate: string;
    endDate: string;
    city: string;
    countryCode: string;
  };
  /** One badge (A6), or many (four to an A4 sheet). */
  badges: BadgeFace[];
}

/** A text of the invitation letter in its two languages. */
export interface LetterText {
  en: string;
  ru: string;
}

/**
 * A visa invitation letter: English, then Russian, on the host organization's letterhead.
 * The passport data is printed (that is the letter's purpose) and never stored with it.
 */
export interface InvitationLetterContent {
  /** e.g. TM-2026/0007 */
  number: string;
  /** YYYY-MM-DD: the day it was approved. */
  date: string;
  host: { name: LetterText; countryCode: string };
  edition: {
    title: LetterText;
    city: LetterText;
    venue?: LetterText;
    countryCode: string;
    /** YYYY-MM-DD */
    startDate: string;
    endDate: string;
  };
  passport: {
    nameAsInPassport: string;
    /** ISO 3166-1 alpha-2 */
    nationality: string;
    passportNumber: string;
    /** YYYY-MM-DD */
    dateOfBirth: string;
  };
  /** The person's position and organization, as the directory has them, if known. */
  affiliation?: LetterText;
  signatory: { name: string; position: string };
  /** As printed for people to type, e.g. 7K3M-Q9X2-… */
  verificationCode: string;
  verificationUrl: string;
}

export type ParticipantStatusName =
  | 'INVITED'
  | 'REGISTERED'
  | 'CONFIRMED'
  | 'WAITLISTED'
  | 'DECLINED'
  | 'CANCELLED';

/** The official list of participants by delegation; the internal one has everyone. */
export interface ParticipantListContent {
  language: LanguageCode;
  edition: EditionHeader;
  /** The organizers' list: every registration, its status and whether it may be published. */
  internal: boolean;
  groups: {
    /** The country's or organization's name, in the list's language. */
    delegation: string;
    rows: {
      name: string;
      position?: string;
      organization?: string;
      /** Internal list only. */
      status?: ParticipantStatusName;
      listed?: boolean;
    }[];
  }[];
}
