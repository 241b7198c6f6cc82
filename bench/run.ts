/**
 * npm run bench — figures, not assertions. Targets (issue 8): `kaohe score --out` on 10,000 rows
 * ≤ 1.0 s and ≤ 200 MiB peak RSS, on 100,000 rows ≤ 8 s and ≤ 1 GiB; at least 5× faster than
 * LibreOffice recalculating the same sheet written as formulas; the copy's size against the input's.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { assess } from "../src/core/assess";
import { builtinRubric } from "../src/app/rubrics";
import type { Grid, GridCell } from "../src/core/grid";
import { COMMUNITY_HEADERS, communityRow } from "../test/helpers/community";
import { writeWorkbook } from "../test/helpers/xlsx";
import { formulaWorkbook, haveLibreOffice, libreofficeRecalc } from "./libreoffice";
import { parseCell } from "../src/core/values";

const rubric = (() => {
  const c = builtinRubric("community-2009");
  if (!c.ok) throw new Error("rubric");
  return c.value.rubric;
})();

/** Deterministic pseudo-random units: a mix of full marks, shortfalls, vetoes and bad cells. */
function syntheticRows(n: number): (string | number | null)[][] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) =>
    communityRow(`单位${i + 1}`, {
      "计划生育率(%)": Math.round((80 + rnd() * 20) * 10) / 10,
      "群众满意率(%)": i % 997 === 0 ? "无数据" : Math.round((85 + rnd() * 15) * 10) / 10,
      "出租房登记率(%)": Math.round((88 + rnd() * 12) * 10) / 10,
      帐册差错项数: Math.floor(rnd() * 4),
      协会开展活动: rnd() < 0.1 ? "否" : "是",
      恶性案件数: i % 500 === 0 ? 1 : 0,
    }),
  );
}

function gridOf(rows: (string | number | null)[][]): Grid {
  const toCells = (r: (string | number | null)[]) => r.map((v): GridCell | undefined => (v === null ? undefined : { value: v }));
  return { sheet: "bench", rows: [toCells(["标题"]), toCells([...COMMUNITY_HEADERS]), ...rows.map(toCells)], merges: [] };
}

/** First run (cold JIT) and the best of three more (steady state), as figures. */
function engine(n: number): void {
  const g = gridOf(syntheticRows(n));
  const times: number[] = [];
  let heap = 0;
  let units = 0;
  for (let k = 0; k < 4; k++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const assessed = assess(g, rubric);
    const assessment = assessed.ok ? assessed.value : undefined;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (k === 0) heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    units = assessment?.units.length ?? 0;
  }
  const rate = (ms: number) => Math.round(units / (ms / 1000)).toLocaleString("en-US");
  const best = Math.min(...times.slice(1));
  console.log(`engine  community-2009  ${String(n).padStart(7)} units  first ${times[0]?.toFixed(0)} ms (${rate(times[0] ?? 1)} units/s)  steady ${best.toFixed(0)} ms (${rate(best)} units/s)  heap +${heap.toFixed(0)} MiB`);
}

/** Issue 11: twenty 32,000-character near-numbers in a percent column (a minute with the old pattern). */
function hostileNumbers(): void {
  const cells = Array.from({ length: 20 }, (_, i) => ({ value: `${"1".repeat(32000)}${i % 2 ? "x" : ".1.1"}` }));
  const t0 = process.hrtime.bigint();
  for (const c of cells) parseCell(c, "percent");
  console.log(`values  20 × 32,000-char near-numbers  ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);
}

async function cli(n: number, compare: boolean): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-"));
  try {
    const file = path.join(dir, "big.xlsx");
    const rows = syntheticRows(n);
    await writeWorkbook(file, [{ name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS], ...rows] }]);
    const out = path.join(dir, "scored.xlsx");
    // The real binary, as users run it, with a preloaded hook that reports its peak memory.
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ["-r", path.resolve("bench/report-rss.js"), path.resolve("bin/kaohe.js"), "score", file, "--rubric", "community-2009", "--out", out], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    const s = (Date.now() - t0) / 1000;
    const m = /MAXRSS (\d+) CPU ([\d.]+) EXIT (\d+)/.exec(r.stderr);
    const size = (f: string) => statSync(f, { throwIfNoEntry: false })?.size ?? NaN;
    const mib = (b: number) => (b / 2 ** 20).toFixed(2);
    console.log(`cli     kaohe score --out   ${String(n).padStart(7)} rows   ${s.toFixed(2).padStart(6)} s wall (${Number(m?.[2]).toFixed(2)} s CPU)   peak RSS ${m ? (Number(m[1]) / 1024).toFixed(0) : "?"} MiB  exit ${m?.[3] ?? r.status}   copy ${mib(size(out))} MiB vs input ${mib(size(file))} MiB (×${(size(out) / size(file)).toFixed(2)})`);
    if (!compare) return;
    if (!haveLibreOffice()) {
      console.log("libreoffice not installed: no comparison (apt-get install -y libreoffice-calc-nogui)");
      return;
    }
    const formulas = path.join(dir, "formulas.xlsx");
    await formulaWorkbook(formulas, rows);
    const lo = libreofficeRecalc(formulas, dir);
    const cpu = Number(m?.[2]);
    console.log(`lo      recalculate + save  ${String(n).padStart(7)} rows   ${lo.s.toFixed(2).padStart(6)} s wall (${lo.cpu.toFixed(2)} s CPU)   peak RSS ${lo.mib.toFixed(0)} MiB   Kaohe is ${(lo.s / s).toFixed(1)}× faster by wall time, ${(lo.cpu / cpu).toFixed(1)}× by CPU time`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** context.sync() calls for one scoring run in the task pane: the real Excel adapter on the Office.js simulator. */
async function syncs(n: number): Promise<void> {
  const { simSession } = await import("../test/helpers/excel-sim");
  const { session, user } = simSession({ sheets: [{ name: "考核", rows: [["标题"], [...COMMUNITY_HEADERS], ...syntheticRows(n)] }] });
  await session.open();
  let before = user.syncCount();
  const t0 = Date.now();
  await session.score();
  const first = user.syncCount() - before;
  const ms = Date.now() - t0;
  before = user.syncCount();
  await session.score();
  const again = user.syncCount() - before;
  before = user.syncCount();
  await session.clear();
  console.log(`pane    score (Excel adapter)  ${String(n).padStart(5)} rows   ${first} syncs first run, ${again} re-scoring, ${user.syncCount() - before} clearing  ${ms} ms on the simulator`);
}

async function main(): Promise<void> {
  const { loadavg, cpus } = await import("os");
  console.log(`Kaohe benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)} (figures stretch with load)`);
  engine(10_000);
  engine(100_000);
  hostileNumbers();
  await syncs(5_000);
  await cli(10_000, true);
  await cli(100_000, false);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
