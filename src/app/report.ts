/** The machine-readable result (`kaohe score --format json`): a stable shape, reasons in words. */
import type { Assessment } from "../core/assess";
import type { Issue } from "../core/issue";
import type { RubricChange } from "../core/rubric/hash";
import { type Catalog, formatIssue, formatReason } from "../i18n";
import { rubricChangeLines } from "../i18n/rubric-change";

export interface JsonReport {
  /** `hash`: SHA-256 of the rubric's canonical form (the same for its YAML, JSON and 评分细则 sheet). */
  rubric: { id: string; name: string; version: string; mode: string; hash: string };
  /** ISO time of the run. */
  scoredAt?: string;
  /** The workbook's last run used another version of this rubric: what changed, and in words. */
  rubricChange?: RubricChange & { message: string[] };
  sheet: string;
  units: {
    row: number;
    unit: string;
    category?: string;
    status: string;
    total: number | null;
    rank: number | null;
    outcomes: string[];
    grade?: string;
    vetoReasons: string[];
    /** 难度系数, 等次名额, 否决后等次, 后进单位 lines, when there are any. */
    outcomeReasons?: string[];
    rawTotal?: number;
    coefficient?: number;
    items: { name: string; section: string; score: number | null; max: number | null; met: boolean | null; notApplicable?: true; deductions: { points: number; reason: string; cell: string | null }[] }[];
    composites: { name: string; value: number | null }[];
    improvement?: number;
  }[];
  problems: { severity: string; cell: string | null; unit: string | null; code: string; message: string }[];
}

export function problemJson(p: Issue, c: Catalog): JsonReport["problems"][number] {
  return { severity: p.severity, cell: p.cell ?? null, unit: p.unit ?? null, code: p.code, message: formatIssue(p, c) };
}

export function jsonReport(a: Assessment, c: Catalog, run: { at?: string; rubricChange?: RubricChange } = {}): JsonReport {
  return {
    rubric: a.rubric,
    ...(run.at !== undefined && { scoredAt: run.at }),
    ...(run.rubricChange && { rubricChange: { ...run.rubricChange, message: rubricChangeLines(c, run.rubricChange) } }),
    sheet: a.sheet,
    units: a.units.map((u) => ({
      row: u.row + 1,
      unit: u.unit,
      ...(u.category !== undefined && { category: u.category }),
      status: u.status,
      total: u.total,
      rank: u.rank,
      outcomes: u.outcomes,
      ...(u.grade !== undefined && { grade: u.grade }),
      vetoReasons: u.vetoReasons.map((r) => formatReason(r, c)),
      ...(u.outcomeReasons?.length && { outcomeReasons: u.outcomeReasons.map((r) => formatReason(r, c)) }),
      ...(u.rawTotal !== undefined && { rawTotal: u.rawTotal }),
      ...(u.coefficient !== undefined && { coefficient: u.coefficient }),
      items: u.items.map((i) => ({
        name: i.name,
        section: i.section,
        score: i.score,
        max: i.max,
        met: i.met,
        ...(i.notApplicable && { notApplicable: true as const }),
        deductions: [...i.deductions, ...i.findings].map((d) => ({ points: d.points, reason: formatReason(d.reason, c), cell: d.cell ?? null })),
      })),
      composites: u.composites,
      ...(u.improvement !== undefined && { improvement: u.improvement }),
    })),
    problems: a.problems.map((p) => problemJson(p, c)),
  };
}
