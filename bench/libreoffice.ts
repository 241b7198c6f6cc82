/**
 * The comparison the CLI figure is measured against: the same sheet with the rubric written as Excel
 * formulas (one item score per indicator, a total and a rank per row), loaded, recalculated and saved
 * by LibreOffice headless — what an official without Kaohe would run.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { columnLetter } from "../src/core/grid";
import { COMMUNITY_HEADERS, PERFECT } from "../test/helpers/community";
import { writeWorkbook, type XCell } from "../test/helpers/xlsx";

export function haveLibreOffice(): boolean {
  try {
    execFileSync("libreoffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** One item-score formula per indicator column, in the rubric's manner: targets, deductions, yes/no. */
function itemFormula(col: number, row: number): string {
  const ref = `${columnLetter(col)}${row}`;
  const h = COMMUNITY_HEADERS[col] as Exclude<(typeof COMMUNITY_HEADERS)[number], "社区">;
  const perfect = PERFECT[h];
  if (typeof perfect === "string") return `IF(${ref}="是",2,0)`;
  if (h.includes("(%)")) return `MAX(0,5-MAX(0,${perfect}-${ref}))`;
  return `MAX(0,5-${ref}*0.5)`;
}

export async function formulaWorkbook(file: string, rows: (string | number | null)[][]): Promise<void> {
  const n = COMMUNITY_HEADERS.length;
  const total = columnLetter(n);
  const last = rows.length + 2;
  const body: XCell[][] = rows.map((r, i) => {
    const row = i + 3;
    const items = COMMUNITY_HEADERS.slice(1).map((_, k) => itemFormula(k + 1, row));
    return [...r, { value: { formula: items.join("+") } }, { value: { formula: `RANK(${total}${row},$${total}$3:$${total}$${last})` } }];
  });
  await writeWorkbook(file, [{ name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS, "总分", "排名"], ...body] }]);
}

/** Wall and CPU seconds and peak RSS (MiB) of LibreOffice converting (loading, recalculating, saving) the file. */
export function libreofficeRecalc(file: string, dir: string): { s: number; cpu: number; mib: number } {
  const t0 = Date.now();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS %M CPU %U %S", "libreoffice", `-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), file], { encoding: "utf8", timeout: 600_000 });
  const s = (Date.now() - t0) / 1000;
  const m = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return { s, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, mib: m ? Number(m[1]) / 1024 : NaN };
}
