/**
 * `kaohe explain <book.xlsx> --unit 名称 --rubric <id|file>` (or `--rubric-sheet`): one unit's
 * explanation and its 差距分析 — per indicator, the smallest single change that lifts a veto, reaches
 * the next grade, enters 表彰 or leaves 后进单位. Reads the sheet as `score` does; writes nothing.
 */
import { parseArgs } from "util";
import { explainFile } from "../app/explain-file";
import { explainUnit } from "../core/plan/explain";
import { catalog, pickLocale, texts } from "../i18n";
import { whatIfLines } from "../i18n/what-if";
import { type Shell, openWorkbook, rubricFromSheet } from "./rubric-commands";
import { terminalJson, terminalLine } from "./terminal-text";

const USAGE = "kaohe explain <workbook.xlsx> --unit 名称 --rubric <id|file>";

export async function explainCommand(sh: Shell, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: "string", short: "u" },
      rubric: { type: "string", short: "r" },
      "rubric-sheet": { type: "string" },
      sheet: { type: "string", short: "s" },
      map: { type: "string", multiple: true },
      format: { type: "string", default: "table" },
      lang: { type: "string" },
    },
  });
  const c = catalog(pickLocale(values.lang));
  const file = positionals[0];
  if (!file || positionals.length > 1) sh.bilingual("usage", { detail: USAGE });
  const name = values.unit?.trim();
  if (!name) sh.bilingual("usage", { detail: `--unit 名称 (${USAGE})` });
  const rubricSheet = values["rubric-sheet"];
  if (!values.rubric && rubricSheet === undefined) sh.bilingual("usage", { detail: "--rubric | --rubric-sheet" });
  if (values.rubric && rubricSheet !== undefined) sh.bilingual("usage", { detail: "--rubric / --rubric-sheet: one or the other" });
  if (values.format !== "table" && values.format !== "json") sh.bilingual("usage", { detail: `--format ${values.format}` });
  const mapping: Record<string, string> = {};
  for (const m of values.map ?? []) {
    const eq = m.indexOf("=");
    const k = eq < 0 ? "" : m.slice(0, eq).trim();
    const v = eq < 0 ? "" : m.slice(eq + 1).trim();
    if (!k || !v) sh.bilingual("usage", { detail: `--map ${m}` });
    mapping[k] = v;
  }

  const rubric = values.rubric === undefined ? undefined : await sh.readRubric(values.rubric);
  if (rubric && !rubric.ok) sh.fatalIssues(rubric.issues);
  const book = await openWorkbook(sh, file);
  const compiled = rubric ?? (await rubricFromSheet(book, rubricSheet ?? ""));
  if (!compiled.ok) sh.fatalIssues(compiled.issues);
  const sheets = await book.sheets();
  let sheet = values.sheet;
  // --rubric-sheet: the units are on another sheet than the 评分细则 one.
  if (rubricSheet !== undefined && sheet === undefined && sheets[0]?.name === rubricSheet) sheet = sheets.find((s) => s.name !== rubricSheet)?.name;
  if (sheet !== undefined && !sheets.some((s) => s.name === sheet)) {
    sh.bilingual("sheetNotFound", { file, sheet, available: sheets.map((s) => s.name).join(", ") });
  }

  const r = await explainFile(book, compiled.value, { ...(sheet !== undefined && { sheet }), mapping, unit: name });
  if (r.kind === "problems") sh.fatalIssues(r.issues);
  if (r.kind === "noUnit") {
    sh.bilingual("unitNotFound", { sheet: r.sheet, unit: name, near: r.near.join(", "), count: r.count, some: r.some.join(", ") });
  }
  const explanation = explainUnit(r.unit, texts(c));
  if (values.format === "json") {
    sh.out(terminalJson({ rubric: r.assessment.rubric, sheet: r.assessment.sheet, unit: r.unit, explanation, whatIf: r.whatIf }));
    return 0;
  }
  for (const line of [...explanation.split("\n"), "", ...whatIfLines(r.whatIf, c)]) sh.out(terminalLine(line));
  return 0;
}
