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
import { readRubricSheet } from "../app/rubric-sheet";
import { type Shell, checkRubricOptions, openWorkbook, parseMapping, sheetToScore } from "./rubric-commands";
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
  checkRubricOptions(sh, values.rubric, rubricSheet);
  if (values.format !== "table" && values.format !== "json") sh.bilingual("usage", { detail: `--format ${values.format}` });
  const mapping = parseMapping(sh, values.map);

  const rubric = values.rubric === undefined ? undefined : await sh.readRubric(values.rubric);
  if (rubric && !rubric.ok) sh.fatalIssues(rubric.issues);
  const book = await openWorkbook(sh, file);
  const compiled = rubric ?? (await readRubricSheet(book, rubricSheet ?? ""));
  if (!compiled.ok) sh.fatalIssues(compiled.issues);
  const sheet = await sheetToScore(sh, book, file, values.sheet, rubricSheet);

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
