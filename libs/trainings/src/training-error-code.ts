/** Reasons sent in `extensions.reason` by the trainings domain. */
export enum TrainingErrorCode {
  NOT_A_TRAINER = 'NOT_A_TRAINER',
  ALREADY_ENROLLED = 'ALREADY_ENROLLED',
  NOT_ENROLLED = 'NOT_ENROLLED',
  DAY_OUTSIDE_EVENT = 'DAY_OUTSIDE_EVENT',
  EVENT_FULL = 'EVENT_FULL',
}
