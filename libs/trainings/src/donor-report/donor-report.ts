import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  countryNameIn,
  CsvSeparatorChar,
  inLanguage,
  LanguageCode,
  toCsv,
} from '@platform/core';
import { categoryLabel, Organization, sexLabel } from '@platform/directory';
import {
  DONOR_REPORT_TEXTS,
  DonorReportBreakdownName,
  DonorReportContent,
  PdfRenderer,
  textsFor,
} from '@platform/documents';
import { IndicatorRow } from '../indicators/indicators.types';
import { ProgrammeFunder } from '../programmes/training-programme.entity';
import {
  ProgrammeTargetsService,
  periodLabel,
  targetLines,
} from '../targets/programme-targets.service';

const round2 = (value: number | null): number | null =>
  value == null ? null : Math.round(value * 100) / 100;

/**
 * A programme's donor report for a period: gathered with the caller's rights (the
 * programme's organizers and admins, as for its targets), rendered as PDF or CSV.
 */
@Injectable()
export class DonorReport {
  constructor(
    private readonly em: EntityManager,
    private readonly targets: ProgrammeTargetsService,
    private readonly renderer: PdfRenderer,
  ) {}

  async content(
    actor: Actor,
    programmeId: string,
    from: string | undefined,
    to: string | undefined,
    language: LanguageCode,
  ): Promise<DonorReportContent> {
    const period = await this.targets.period(actor, programmeId, from, to);
    const { programme, target, outcome } = period;
    const orgName = (organization: Organization) =>
      inLanguage(organization.name, organization.translations, 'name', language);
    const funders = await this.em.find(
      ProgrammeFunder,
      { programme },
      { populate: ['organization'] },
    );
    const labelled = (
      by: DonorReportBreakdownName,
      rows: IndicatorRow[],
      label: (value: string) => string,
    ) => ({
      by,
      rows: rows.map((row) => ({
        label: label(row.keys[0]!.value),
        enrolled: row.peopleEnrolled,
        trained: row.peopleTrained,
      })),
    });
    const { knowledge, satisfaction } = outcome;
    return {
      language,
      programmeTitle: inLanguage(programme.title, programme.translations, 'title', language),
      owner: orgName(await programme.owner.loadOrFail()),
      funders: funders.map((f) => orgName(f.organization.getEntity())),
      periodLabel: periodLabel(period.from, period.to),
      from: period.from,
      to: period.to,
      total: { enrolled: outcome.totals.peopleEnrolled, trained: outcome.totals.peopleTrained },
      breakdowns: [
        labelled('SEX', outcome.bySex, (sex) => sexLabel(sex, language)),
        labelled('CATEGORY', outcome.byCategory, (category) => categoryLabel(category, language)),
        labelled('REGION', outcome.byRegion, (region) => region),
      ],
      targets: target
        ? targetLines(target, outcome, language).map(({ label, target, actual, percent }) => ({
            label,
            target,
            actual,
            percent,
          }))
        : [],
      knowledge,
      satisfaction: satisfaction && {
        ...satisfaction,
        responseRate:
          satisfaction.responseRate == null
            ? null
            : Math.round(satisfaction.responseRate * 10000) / 10000,
        meanSatisfaction: round2(satisfaction.meanSatisfaction),
      },
      events: outcome.events.map(({ event, enrolled, trained }) => {
        const text = (field: 'title' | 'city' | 'region') =>
          inLanguage(event[field], event.translations, field, language);
        return {
          title: text('title'),
          place: [text('city'), text('region'), countryNameIn(language, event.country)]
            .filter(Boolean)
            .join(', '),
          startDate: event.startDate,
          endDate: event.endDate,
          enrolled,
          trained,
        };
      }),
    };
  }

  async pdf(
    actor: Actor,
    programmeId: string,
    from: string | undefined,
    to: string | undefined,
    language: LanguageCode,
  ): Promise<Buffer> {
    return this.renderer.donorReport(await this.content(actor, programmeId, from, to, language));
  }

  /**
   * The same figures as the PDF, one per line: section, item, value, target, percent of
   * target. Shares and rates in percent; a figure not known is left empty.
   */
  static csv(content: DonorReportContent, separator: CsvSeparatorChar = ','): string {
    const t = DONOR_REPORT_TEXTS[content.language];
    const k = textsFor(content.language).attendance.knowledge;
    const value = (v: number | null | undefined) => (v == null ? '' : v);
    const pct = (share: number | null | undefined) =>
      share == null ? '' : Math.round(share * 10000) / 100;
    const rows: (string | number)[][] = [[t.section, t.item, t.value, t.target, t.percent]];
    rows.push([t.programme, content.programmeTitle, '', '', '']);
    rows.push([t.period, content.periodLabel, `${content.from} – ${content.to}`, '', '']);
    rows.push([t.implementedBy, content.owner, '', '', '']);
    for (const funder of content.funders) rows.push([t.fundedBy, funder, '', '', '']);
    rows.push([t.people, t.enrolled, content.total.enrolled, '', '']);
    rows.push([t.people, t.trained, content.total.trained, '', '']);
    for (const breakdown of content.breakdowns) {
      for (const row of breakdown.rows) {
        rows.push([
          `${t.people}: ${t.by[breakdown.by]}`,
          `${row.label}: ${t.enrolled}`,
          row.enrolled,
          '',
          '',
        ]);
        rows.push([
          `${t.people}: ${t.by[breakdown.by]}`,
          `${row.label}: ${t.trained}`,
          row.trained,
          '',
          '',
        ]);
      }
    }
    for (const line of content.targets)
      rows.push([
        t.targets,
        line.label,
        value(line.actual),
        value(line.target),
        value(line.percent),
      ]);
    const knowledge = content.knowledge;
    if (knowledge?.testedPeople) {
      rows.push(
        [t.knowledge, k.tested, knowledge.testedPeople, '', ''],
        [t.knowledge, k.meanPre, value(knowledge.meanPre), '', ''],
        [t.knowledge, k.meanPost, value(knowledge.meanPost), '', ''],
        [t.knowledge, k.meanGain, value(knowledge.meanGain), '', ''],
        [t.knowledge, `${k.improved}, %`, pct(knowledge.improvedShare), '', ''],
        [t.knowledge, `${k.mastered}, %`, pct(knowledge.masteredShare), '', ''],
      );
    }
    const satisfaction = content.satisfaction;
    if (satisfaction?.invited) {
      rows.push(
        [t.satisfaction, t.invited, satisfaction.invited, '', ''],
        [t.satisfaction, t.answered, satisfaction.answered, '', ''],
        [t.satisfaction, `${t.responseRate}, %`, pct(satisfaction.responseRate), '', ''],
        [t.satisfaction, t.meanSatisfaction, value(satisfaction.meanSatisfaction), '', ''],
      );
    }
    for (const event of content.events) {
      const item = `${event.title} (${event.place}; ${event.startDate} – ${event.endDate})`;
      rows.push([t.events, `${item}: ${t.enrolled}`, event.enrolled, '', '']);
      rows.push([t.events, `${item}: ${t.trained}`, event.trained, '', '']);
    }
    return toCsv(rows, separator);
  }
}
