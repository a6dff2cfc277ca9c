import type { LanguageCode } from '@platform/core/plain';

/** A breakdown of the people of a donor report: its rows are labelled by the caller. */
export type DonorReportBreakdownName = 'SEX' | 'CATEGORY' | 'REGION';

/**
 * A programme's donor report for a period, as printed: every label already in the
 * report's language (the trainings lib owns the words of its measures and keys).
 * Means of scores in percent, gains in points, shares 0–1, ratings 1–5.
 */
export interface DonorReportContent {
  language: LanguageCode;
  programmeTitle: string;
  owner: string;
  funders: string[];
  /** "2023" or "2023-01-01 – 2023-06-30". */
  periodLabel: string;
  from: string;
  to: string;
  total: { enrolled: number; trained: number };
  breakdowns: {
    by: DonorReportBreakdownName;
    rows: { label: string; enrolled: number; trained: number }[];
  }[];
  /** Empty when the period has no targets. */
  targets: {
    label: string;
    target: number | null;
    actual: number | null;
    percent: number | null;
  }[];
  knowledge: {
    testedPeople: number;
    meanPre: number | null;
    meanPost: number | null;
    meanGain: number | null;
    improvedShare: number | null;
    masteredShare: number | null;
  } | null;
  satisfaction: {
    invited: number;
    answered: number;
    responseRate: number | null;
    meanSatisfaction: number | null;
  } | null;
  events: {
    title: string;
    place: string;
    startDate: string;
    endDate: string;
    enrolled: number;
    trained: number;
  }[];
}
