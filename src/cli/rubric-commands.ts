/**
 * `kaohe rubric export <id|file> --format sheet|yaml|json [--out FILE]`, and reading a rubric from a
 * 评分细则 sheet of a workbook (`score --rubric-sheet`, `check-rubric book.xlsx --sheet`). The shell's
 * own helpers (bilingual exits, file problems) are handed in by main.ts.
 */
import * as path from "path";
import { parseArgs } from "util";
import type { Issue, Result } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import { rubricToSheet, SHEET_NAME } from "../core/rubric/sheet";
import { rubricText } from "../app/rubric-export";
import { dataSheetBeside, readRubricSheet } from "../app/rubric-sheet";
import type { WorkbookPort } from "../app/ports";
import { XlsxWorkbook } from "./workbook-file";
import { openErrorMessage } from "./open-error";
import { rubricSheetFile, workbookBytes } from "../adapters/xlsx/rubric-sheet-file";
import { catalog, pickLocale, type CliMessage } from "../i18n";
import { inspectInputFile, prepareOutput, writeOutput } from "./output-file";
import { escapeControls, terminalLine } from "./terminal-text";

export interface Shell {
  out: (s: string) => void;
  err: (s: string) => void;
  bilingual: (key: CliMessage, params: Record<string, string | number>) => never;
  fatalIssues: (issues: ReadonlyArray<Issue>) => never;
  fileProblem: (e: unknown) => never;
  readRubric: (ref: string) => Promise<Result<Compiled>>;
  maxWorkbookBytes: number;
}

/** The published schema, from wherever kaohe runs (lib/cli → ../../schema). */
const SCHEMA_FILE = path.resolve(__dirname, "../../schema/rubric.schema.json");

/** Open a workbook given on the command line; a missing, odd or corrupt file exits 2. */
export async function openWorkbook(sh: Shell, file: string): Promise<XlsxWorkbook> {
  await inspectInputFile(file, sh.maxWorkbookBytes).catch((e: unknown) => sh.fileProblem(e));
  const opened = await XlsxWorkbook.open(file, sh.maxWorkbookBytes).catch((e: unknown) => sh.fileProblem(e));
  if (!opened.ok) {
    const m = openErrorMessage(opened.error, file);
    sh.bilingual(m.key, m.params);
  }
  return opened.value;
}

/** `--rubric` or `--rubric-sheet`, exactly one of the two (score, explain). */
export function checkRubricOptions(sh: Pick<Shell, "bilingual">, rubric: string | undefined, rubricSheet: string | undefined): void {
  if (!rubric && rubricSheet === undefined) sh.bilingual("usage", { detail: "--rubric | --rubric-sheet" });
  if (rubric && rubricSheet !== undefined) sh.bilingual("usage", { detail: "--rubric / --rubric-sheet: one or the other" });
}

/** `--map 指标=列` options as a mapping; a malformed one exits 2. */
export function parseMapping(sh: Pick<Shell, "bilingual">, maps: ReadonlyArray<string> | undefined): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const m of maps ?? []) {
    const eq = m.indexOf("=");
    const k = eq < 0 ? "" : m.slice(0, eq).trim();
    const v = eq < 0 ? "" : m.slice(eq + 1).trim();
    if (!k || !v) sh.bilingual("usage", { detail: `--map ${m}` });
    mapping[k] = v;
  }
  return mapping;
}

/**
 * The sheet to score: the one named, else (with --rubric-sheet) the first that is not the rubric's own,
 * else the workbook's first (undefined). A named sheet the workbook lacks exits 2 with the sheets it has.
 */
export async function sheetToScore(sh: Pick<Shell, "bilingual">, book: WorkbookPort, file: string, named: string | undefined, rubricSheet: string | undefined): Promise<string | undefined> {
  const sheets = await book.sheets();
  const sheet = named ?? (rubricSheet !== undefined ? await dataSheetBeside(book, rubricSheet) : undefined);
  if (named !== undefined && !sheets.some((s) => s.name === named)) {
    sh.bilingual("sheetNotFound", { file, sheet: named, available: sheets.map((s) => s.name).join(", ") });
  }
  return sheet;
}

export async function rubricCommand(sh: Shell, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "export") sh.bilingual("usage", { detail: `kaohe rubric export <id|file> --format sheet|yaml|json --out FILE (${sub ?? ""})` });
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "yaml" },
      out: { type: "string", short: "o" },
      sheet: { type: "string", short: "s" },
      force: { type: "boolean" },
      lang: { type: "string" },
    },
  });
  const c = catalog(pickLocale(values.lang));
  const ref = positionals[0];
  const format = values.format;
  if (!ref || positionals.length > 1) sh.bilingual("usage", { detail: "kaohe rubric export <id|file> --format sheet|yaml|json --out FILE" });
  if (format !== "sheet" && format !== "yaml" && format !== "json") sh.bilingual("usage", { detail: `--format ${format}` });
  if (values.out !== undefined && values.out.trim() === "") sh.bilingual("usage", { detail: "--out ''" });
  if (format === "sheet" && values.out === undefined) sh.bilingual("usage", { detail: "--format sheet --out FILE.xlsx" });

  const read = values.sheet !== undefined ? await readRubricSheet(await openWorkbook(sh, ref), values.sheet) : await sh.readRubric(ref);
  if (!read.ok) sh.fatalIssues(read.issues);
  const doc = read.value.rubric.doc;

  const target = values.out === undefined
    ? undefined
    : await prepareOutput(values.out, { replace: !!values.force, checkName: format === "sheet" }).catch((e: unknown) => sh.fileProblem(e));
  let bytes: Uint8Array;
  if (format === "sheet") bytes = workbookBytes([rubricSheetFile(rubricToSheet(doc, SHEET_NAME))]);
  else {
    // Editors find the schema relative to the written file; on stdout, at its absolute path.
    const schemaRef = target ? path.relative(path.dirname(target.real), SCHEMA_FILE).split(path.sep).join("/") : SCHEMA_FILE;
    const text = rubricText(doc, format, schemaRef);
    if (!target) {
      sh.out(text);
      return 0;
    }
    bytes = new TextEncoder().encode(text);
  }
  if (!target) return 0;
  await writeOutput(target, bytes).catch((e: unknown) => sh.fileProblem(e));
  sh.err(terminalLine(c.cli.written({ file: escapeControls(target.given) })));
  return 0;
}
