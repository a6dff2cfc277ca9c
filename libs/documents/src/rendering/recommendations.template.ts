import type { RecommendationsContent } from './document-content';
import { pdfToBuffer, RenderOptions } from './fonts';
import {
  ACCENT,
  bold,
  contentWidth,
  drawText,
  heightOf,
  keepTogether,
  MUTED,
  newEditionPdf,
  numberPages,
  paragraph,
  regular,
} from './layout';
import { Texts, textsFor } from './texts';

const NUMBER_WIDTH = 28;

type Recommendation = RecommendationsContent['groups'][number]['recommendations'][number];

/** The adopted recommendations of an edition, by working group, with their follow-up. */
export async function renderRecommendations(
  content: RecommendationsContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const { language, edition } = content;
  const texts = textsFor(language);
  const doc = newEditionPdf(language, edition, texts.recommendations.title, options);

  const groups = content.groups.filter((group) => group.recommendations.length);
  if (!groups.length) paragraph(doc, texts.recommendations.none, regular(11, MUTED));
  for (const group of groups) {
    const heading = group.workingGroup ?? texts.recommendations.plenary;
    const headingStyle = bold(13, ACCENT);
    // A heading never ends a page: it stays with the start of its first recommendation.
    keepTogether(
      doc,
      heightOf(doc, heading, headingStyle, contentWidth(doc)) +
        firstLines(doc, group.recommendations[0]),
    );
    paragraph(doc, heading, headingStyle, 0, 6);
    for (const recommendation of group.recommendations)
      drawRecommendation(doc, texts, recommendation);
    doc.y += 8;
  }

  numberPages(doc, language);
  return pdfToBuffer(doc);
}

function drawRecommendation(
  doc: PDFKit.PDFDocument,
  texts: Texts,
  recommendation: Recommendation,
): void {
  keepTogether(doc, firstLines(doc, recommendation));
  const top = doc.y;
  drawText(doc, `${recommendation.number}.`, doc.page.margins.left, top, NUMBER_WIDTH, bold(10.5));
  doc.y = top;
  paragraph(doc, recommendation.text, regular(10.5), NUMBER_WIDTH, 3);
  if (recommendation.addressedTo)
    paragraph(
      doc,
      `${texts.recommendations.addressedTo}: ${recommendation.addressedTo}`,
      regular(9.5, MUTED),
      NUMBER_WIDTH,
      2,
    );
  for (const followUp of recommendation.followUps) {
    const status = texts.followUpStatus[followUp.status];
    const note = followUp.note ? ` — ${followUp.note}` : '';
    paragraph(
      doc,
      `${texts.recommendations.followUp(followUp.year)}: ${status}${note}`,
      regular(9, MUTED),
      NUMBER_WIDTH,
      1,
    );
    if (followUp.evidence) drawEvidence(doc, texts, followUp.evidence);
  }
  doc.y += 7;
}

/** Below a follow-up: the trainings that implement the recommendation and their figures. */
function drawEvidence(
  doc: PDFKit.PDFDocument,
  texts: Texts,
  evidence: NonNullable<Recommendation['followUps'][number]['evidence']>,
): void {
  const style = regular(9, MUTED);
  const indent = NUMBER_WIDTH + 12;
  paragraph(doc, `${texts.recommendations.evidence}:`, bold(9, MUTED), indent, 1);
  for (const line of evidence.lines)
    paragraph(
      doc,
      `${line.title}: ${texts.recommendations.evidenceFigures(line)}`,
      style,
      indent + 8,
      1,
    );
  if (evidence.total)
    paragraph(
      doc,
      `${texts.recommendations.evidenceTotal}: ${texts.recommendations.evidenceFigures(evidence.total)}`,
      style,
      indent + 8,
      1,
    );
}

/** The height of a recommendation's first three lines, kept on one page with what precedes. */
function firstLines(doc: PDFKit.PDFDocument, recommendation: Recommendation | undefined): number {
  if (!recommendation) return 0;
  const style = regular(10.5);
  const lineHeight = heightOf(doc, 'X', style, 100);
  return Math.min(
    heightOf(doc, recommendation.text, style, contentWidth(doc) - NUMBER_WIDTH),
    3 * lineHeight,
  );
}
