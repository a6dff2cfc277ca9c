import { move } from 'piscina';
import { renderAgenda } from './agenda.template';
import { renderAttendanceReport } from './attendance-report.template';
import { renderBadge, renderBadgeSheet } from './badge.template';
import { renderCertificate } from './certificate.template';
import type {
  AgendaContent,
  AttendanceReportContent,
  BadgesContent,
  CertificateContent,
  InvitationLetterContent,
  ParticipantListContent,
  RecommendationsContent,
} from './document-content';
import type { DonorReportContent } from './donor-report.content';
import { renderDonorReport } from './donor-report.template';
import { renderInvitationLetter } from './invitation-letter.template';
import { renderParticipantList } from './participant-list.template';
import { renderRecommendations } from './recommendations.template';

/**
 * What crosses into a render thread: which template, the document's plain content and the
 * creation date when the caller fixes one. Fonts are loaded in the thread on first use.
 */
export type RenderTask = { creationDate?: Date } & (
  | { template: 'certificate'; content: CertificateContent }
  | { template: 'agenda'; content: AgendaContent }
  | { template: 'attendanceReport'; content: AttendanceReportContent }
  | { template: 'recommendations'; content: RecommendationsContent }
  | { template: 'donorReport'; content: DonorReportContent }
  | { template: 'badge'; content: BadgesContent }
  | { template: 'badgeSheet'; content: BadgesContent }
  | { template: 'invitationLetter'; content: InvitationLetterContent }
  | { template: 'participantList'; content: ParticipantListContent }
);

function rendered(task: RenderTask): Promise<Buffer> {
  const options = { creationDate: task.creationDate };
  switch (task.template) {
    case 'certificate':
      return renderCertificate(task.content, options);
    case 'agenda':
      return renderAgenda(task.content, options);
    case 'attendanceReport':
      return renderAttendanceReport(task.content, options);
    case 'recommendations':
      return renderRecommendations(task.content, options);
    case 'donorReport':
      return renderDonorReport(task.content, options);
    case 'badge':
      return renderBadge(task.content, options);
    case 'badgeSheet':
      return renderBadgeSheet(task.content, options);
    case 'invitationLetter':
      return renderInvitationLetter(task.content, options);
    case 'participantList':
      return renderParticipantList(task.content, options);
  }
}

/** Runs in a render thread (see PdfRenderer): the PDF goes back moved, not copied. */
export default async function render(task: RenderTask): Promise<Uint8Array> {
  const pdf = await rendered(task);
  // Only a buffer that owns its whole ArrayBuffer may be moved; a pooled one is copied out.
  const own =
    pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : Uint8Array.from(pdf);
  return move(own) as Uint8Array;
}
