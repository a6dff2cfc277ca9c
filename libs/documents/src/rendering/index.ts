export * from './document-content';
export { holderNameIn } from './holder-name';
export { PdfRenderer } from './pdf-renderer';
export { countryName, TEXTS, Texts, textsFor } from './texts';
export { PARTICIPANT_LIST_TEXTS, ParticipantListTexts } from './participant-list.texts';
export * from './donor-report.content';
export { DONOR_REPORT_TEXTS, DonorReportTexts } from './donor-report.texts';
