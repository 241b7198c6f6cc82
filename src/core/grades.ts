/**
 * 等次: grade bands by total (≥ min), with quotas (优秀 at most 15% of the units) and what a veto
 * does to the grade. Within each ranking group (a category, or all units with 难度系数):
 * - bands are filled from the highest; a band with a quota admits at most ⌊percent × units⌋ (or
 *   rounded / ⌈⌉ as the rubric says) of the units qualifying by score, best totals first; the
 *   units counted are those with a total (scored and vetoed);
 * - ties at the boundary are broken by the quota's tie-break indicator (higher first), and units
 *   still tied then all come in (allIn) or all stay out (allOut);
 * - a unit left out falls to the next band (and may be left out of that one too);
 * - vetoed units take no place in a quota: the veto's effect sets their grade (定为不合格) or
 *   moves the grade their total earns one band down (降一等次; never below the lowest band).
 *   Without an effect a vetoed unit gets no grade, as before.
 * Grades come only in points mode (outcomes.ts), where a unit has a total exactly when it is not
 * incomplete, and only a vetoed unit carries a veto's effect (assess.ts); the filters below rely on it.
 */
import type { GradeDoc } from "./rubric/schema";
import type { Reason, UnitResult } from "./score/types";

type Quota = NonNullable<GradeDoc["quota"]>;

const ROUND: Record<Quota["rounding"], (x: number) => number> = {
  floor: Math.floor,
  ceil: Math.ceil,
  // Half up: 2.5 places → 3.
  round: (x) => Math.floor(x + 0.5),
};

/** The number of places: percent × units / 100, rounded as stated (12 significant digits first: 15 × 20 / 100 is 3). */
export function quotaCount(quota: Quota, units: number): number {
  return ROUND[quota.rounding](Number(((quota.percent * units) / 100).toPrecision(12)));
}

/** A unit a quota leaves out (`tie`: how a tie at the boundary decided it), or lets in on a tie (allIn). */
interface QuotaCall {
  unit: UnitResult;
  band: GradeDoc;
  quota: Quota;
  count: number;
  tie?: "allOut" | "tieBreak";
}

/** Order by total, then by the tie-break value (a unit without one comes last). */
function compare(tieBreak: string | undefined) {
  const tb = (u: UnitResult) => (tieBreak ? (u.tieValues?.[tieBreak] ?? -Infinity) : 0);
  // Not tb(b) − tb(a): two units without a value would give −∞ − −∞ = NaN, which is no order at all.
  const byTie = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
  return (a: UnitResult, b: UnitResult) => (b.total ?? 0) - (a.total ?? 0) || byTie(tb(b), tb(a));
}

/** The units a band with a quota admits, best first; the rest are returned as exclusions. */
function admit(pool: UnitResult[], band: GradeDoc, quota: Quota, base: number, out: QuotaCall[], tiedIn: QuotaCall[]): UnitResult[] {
  const count = quotaCount(quota, base);
  if (pool.length <= count) return pool;
  const cmp = compare(quota.tieBreak);
  const sorted = [...pool].sort(cmp);
  const last = sorted[count - 1];
  const first = sorted[count] as UnitResult;
  let admitted: UnitResult[];
  if (last !== undefined && cmp(last, first) === 0) {
    // A tie across the boundary: all of it in, or all of it out.
    if (quota.ties === "allIn") {
      admitted = sorted.filter((u) => cmp(u, first) <= 0);
      for (const u of admitted) if (cmp(u, first) === 0) tiedIn.push({ unit: u, band, quota, count });
    } else admitted = sorted.filter((u) => cmp(u, first) < 0);
  } else admitted = sorted.slice(0, count);
  const boundaryTie = last !== undefined && cmp(last, first) === 0;
  const lastIn = admitted[admitted.length - 1];
  for (const u of sorted.slice(admitted.length)) {
    const ex: QuotaCall = { unit: u, band, quota, count };
    if (boundaryTie && cmp(u, first) === 0) ex.tie = "allOut";
    // Same total as the last unit in, behind it on the tie-break column. (Without a tie-break column
    // a unit left out with the last one's total is a boundary tie, caught above.)
    else if (lastIn !== undefined && lastIn.total === u.total) ex.tie = "tieBreak";
    out.push(ex);
  }
  return admitted;
}

function quotaReason(ex: QuotaCall): Reason {
  const q = ex.quota;
  const params: Reason["params"] = { grade: ex.band.label, percent: q.percent, count: ex.count, result: ex.unit.grade ?? "", rounding: q.rounding };
  if (ex.tie === "allOut") params.tie = "allOut";
  if (ex.tie === "tieBreak" && q.tieBreak) Object.assign(params, { tie: "tieBreak", by: q.tieBreak, value: ex.unit.tieValues?.[q.tieBreak] ?? "" });
  return { code: "grade.quota", params };
}

function vetoedGrade(u: UnitResult, bands: ReadonlyArray<GradeDoc>): void {
  const effect = u.vetoGrade;
  if (!effect) return;
  if ("label" in effect) {
    u.grade = effect.label;
    (u.outcomeReasons ??= []).push({ code: "grade.veto", params: { grade: effect.label } });
    return;
  }
  const i = bands.findIndex((b) => (u.total ?? 0) >= b.min);
  if (i < 0) return;
  const to = bands[Math.min(i + effect.down, bands.length - 1)] as GradeDoc;
  u.grade = to.label;
  (u.outcomeReasons ??= []).push({ code: "grade.vetoDown", params: { from: (bands[i] as GradeDoc).label, down: effect.down, grade: to.label } });
}

export function assignGrades(groups: ReadonlyArray<ReadonlyArray<UnitResult>>, grades: ReadonlyArray<GradeDoc>): void {
  const bands = [...grades].sort((a, b) => b.min - a.min);
  for (const group of groups) {
    // The units with a total: scored and vetoed (an incomplete unit has none).
    const base = group.filter((u) => u.total !== null).length;
    let pool = group.filter((u) => u.status === "scored");
    const excluded: QuotaCall[] = [];
    const tiedIn: QuotaCall[] = [];
    for (const band of bands) {
      const qualify = pool.filter((u) => (u.total ?? 0) >= band.min);
      const admitted = band.quota ? admit(qualify, band, band.quota, base, excluded, tiedIn) : qualify;
      for (const u of admitted) u.grade = band.label;
      const taken = new Set(admitted);
      pool = pool.filter((u) => !taken.has(u));
    }
    // Said once every band is filled, so the sentence names the grade the unit ends with.
    for (const ex of excluded) (ex.unit.outcomeReasons ??= []).push(quotaReason(ex));
    for (const t of tiedIn) {
      const q = t.quota;
      (t.unit.outcomeReasons ??= []).push({ code: "grade.tiesIn", params: { grade: t.band.label, percent: q.percent, count: t.count, rounding: q.rounding } });
    }
    // Only a vetoed unit has a veto's effect; any other returns at once.
    for (const u of group) vetoedGrade(u, bands);
  }
}
