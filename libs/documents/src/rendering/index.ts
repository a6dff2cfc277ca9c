export * from './document-content';
export { holderNameIn } from './holder-name';
export { renderAgenda } from './agenda.template';
export { renderAttendanceReport } from './attendance-report.template';
export { renderCertificate } from './certificate.template';
export { fontFiles, FontSet, RenderOptions, sharedFonts } from './fonts';
export { renderRecommendations } from './recommendations.template';
export { countryName, TEXTS, Texts, textsFor } from './texts';
