import { reportTitle, type ReportContent } from '@ccgov/report';
import { figuresObject } from './fields';
import type { PublishedReport } from './outline';

/**
 * The open-data shapes. Field names are a public contract (documented in the README): add
 * fields, never rename or remove them.
 */
export type OpenReportListItem = {
  id: number;
  department: string;
  departmentKind: string;
  year: number;
  title: string;
  publishedAt: string;
  corrected: boolean;
  url: string;
};

export type OpenReport = OpenReportListItem & {
  current: boolean;
  correctionNote: string | null;
  previousVersionId: number | null;
  currentVersionId: number | null;
  contact: ReportContent['contact'];
  text: {
    opening: string;
    overview: ReportContent['overview'];
    problems: string;
    other: string;
  };
  figures: ReturnType<typeof figuresObject>;
};

type ListSource = Pick<PublishedReport, 'id' | 'departmentName' | 'departmentKind' | 'year' | 'publishedAt'> & {
  corrected: boolean;
};

export function openReportListItem(r: ListSource): OpenReportListItem {
  return {
    id: r.id,
    department: r.departmentName,
    departmentKind: r.departmentKind,
    year: r.year,
    title: reportTitle(r.departmentName, r.year),
    publishedAt: r.publishedAt.toISOString(),
    corrected: r.corrected,
    url: `/reports/${r.id}`,
  };
}

export function openReport(r: PublishedReport, currentVersionId: number | null): OpenReport {
  const c = r.content;
  return {
    ...openReportListItem({ ...r, corrected: r.supersedesId != null }),
    current: r.current,
    correctionNote: r.correctionNote,
    previousVersionId: r.supersedesId,
    currentVersionId,
    contact: { ...c.contact },
    text: { opening: c.opening, overview: { ...c.overview }, problems: c.problems, other: c.other },
    figures: figuresObject(c),
  };
}
