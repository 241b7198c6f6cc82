/**
 * `kaohe` — score .xlsx workbooks from the command line. A thin shell: argument parsing, files,
 * output formats and exit codes. Exit 0 when scoring ran (problems are reported), 2 for bad input
 * (workbook, sheet, rubric, columns, output path), 1 for a bug.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import type { Compiled } from "../core/rubric/compile";
import type { Issue, Result } from "../core/issue";
import { builtinRubric, builtinRubrics, parseRubricText } from "../app/rubrics";
import { scoreWorkbook } from "../app/score-workbook";
import { jsonReport } from "../app/report";
import { type Catalog, type CliMessage, catalog, formatIssueWithPlace, pickLocale } from "../i18n";
import { XlsxWorkbook, isOpenError } from "./workbook-file";
import { lateProblem, openErrorMessage } from "./open-error";
import { outputKind } from "./output-kind";
import { renderScoreTable, renderRubricList } from "./render";
import { HELP } from "./help";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
const ZH = catalog("zh-CN");
const EN = catalog("en-US");

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Fatal messages: one line, in Chinese and English. */
function bilingual(io: Io, key: CliMessage, params: Record<string, string | number>): never {
  io.err(`kaohe: ${ZH.cli[key](params)} | ${EN.cli[key](params)}\n`);
  throw new Exit(2);
}

function fatalIssues(io: Io, issues: ReadonlyArray<Issue>): never {
  for (const i of issues.filter((x) => x.severity === "error")) {
    io.err(`kaohe: ${formatIssueWithPlace(i, ZH)} | ${formatIssueWithPlace(i, EN)}\n`);
  }
  throw new Exit(2);
}

/** A rubric named on the command line: a file that exists, else a built-in id. */
async function readRubric(io: Io, ref: string): Promise<Result<Compiled>> {
  let text: string;
  try {
    text = await fs.readFile(ref, "utf8");
  } catch {
    const builtin = builtinRubric(ref);
    if (builtin.ok) return builtin;
    bilingual(io, "rubricFileNotFound", { file: ref, available: builtinRubrics().map((c) => c.rubric.id).join(", ") });
  }
  return parseRubricText(text, ref);
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

async function score(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rubric: { type: "string", short: "r" },
      sheet: { type: "string", short: "s" },
      out: { type: "string", short: "o" },
      "in-place": { type: "boolean" },
      force: { type: "boolean" },
      format: { type: "string", default: "table" },
      lang: { type: "string" },
      map: { type: "string", multiple: true },
      notes: { type: "string", default: "shortfalls" },
    },
  });
  const c: Catalog = catalog(pickLocale(values.lang));
  const file = positionals[0];
  if (!file || positionals.length > 1) bilingual(io, "usage", { detail: "kaohe score <workbook.xlsx> --rubric <id|file>" });
  if (!values.rubric) bilingual(io, "usage", { detail: "--rubric" });
  if (values.format !== "table" && values.format !== "json") bilingual(io, "usage", { detail: `--format ${values.format}` });
  const notes = values.notes;
  if (notes !== "none" && notes !== "shortfalls" && notes !== "all") bilingual(io, "usage", { detail: `--notes ${notes} (none|shortfalls|all)` });
  const mapping: Record<string, string> = {};
  for (const m of values.map ?? []) {
    const [k, v] = m.split("=");
    if (!k || !v) bilingual(io, "usage", { detail: `--map ${m}` });
    mapping[k.trim()] = v.trim();
  }

  const rubric = await readRubric(io, values.rubric);
  if (!rubric.ok) fatalIssues(io, rubric.issues);
  const compiled = rubric.value;
  const opened = await XlsxWorkbook.open(file);
  if (isOpenError(opened)) {
    const m = openErrorMessage(opened, file);
    bilingual(io, m.key, m.params);
  }
  if (values.sheet !== undefined && !(await opened.sheets()).some((s) => s.name === values.sheet)) {
    bilingual(io, "sheetNotFound", { file, sheet: values.sheet, available: (await opened.sheets()).map((s) => s.name).join(", ") });
  }

  const out = values["in-place"] ? file : values.out;
  if (out !== undefined && !values["in-place"]) {
    if (await sameFile(out, file)) bilingual(io, "sameAsInput", { file: out });
    if (!values.force && (await exists(out))) bilingual(io, "outputExists", { file: out });
  }
  const kind = out !== undefined ? outputKind(opened.book.kind, out) : undefined;
  if (out !== undefined && !kind) bilingual(io, "macroExtension", { file: out, kind: opened.book.kind });

  const result = await scoreWorkbook(opened, compiled, {
    ...(values.sheet !== undefined && { sheet: values.sheet }),
    mapping,
    notes,
    locale: c,
    write: out !== undefined,
  }).catch((e: unknown) => {
    const late = lateProblem(e, file);
    if (late) bilingual(io, late.key, late.params);
    throw e;
  });
  if (!result.ok) fatalIssues(io, result.issues);
  // What the copy cannot carry over is said before anything is written.
  for (const l of opened.book.limitations()) {
    const params = { file: out ?? file, ...l };
    if (l.severity === "block") bilingual(io, "cannotWrite", params);
    if (values["in-place"]) bilingual(io, "inPlaceRefused", params);
    io.err(`${c.cli.changes(params)}\n`);
  }

  const a = result.assessment;
  if (values.format === "json") io.out(`${JSON.stringify(jsonReport(a, c), null, 2)}\n`);
  else io.out(`${renderScoreTable(a, c)}\n`);

  for (const w of result.warnings) io.err(`${formatIssueWithPlace(w, c)}\n`);
  for (const p of a.problems) io.err(`${formatIssueWithPlace(p, c)}\n`);
  const count = (s: string) => a.units.filter((u) => u.status === s).length;
  io.err(`${c.cli.scored({ scored: count("scored"), vetoed: count("vetoed"), incomplete: count("incomplete"), problems: a.problems.length })}\n`);

  if (out !== undefined) {
    try {
      await opened.saveAs(out, kind);
    } catch (e) {
      bilingual(io, "writeFailed", { file: out, detail: e instanceof Error ? e.message : String(e) });
    }
    io.err(`${c.cli.written({ file: out })}\n`);
  }
  return 0;
}

async function listRubrics(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: "string", default: "table" }, lang: { type: "string" } } });
  io.out(`${renderRubricList(builtinRubrics(), catalog(pickLocale(values.lang)), values.format === "json")}\n`);
  return 0;
}

async function checkRubric(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: "string" } } });
  const c = catalog(pickLocale(values.lang));
  const file = positionals[0];
  if (!file) bilingual(io, "usage", { detail: "kaohe check-rubric <rubric.json|rubric.yaml>" });
  const result = await readRubric(io, file);
  if (!result.ok) {
    for (const i of result.issues) io.err(`${i.severity === "error" ? c.labels.error : c.labels.warning}: ${formatIssueWithPlace(i, c)}\n`);
    bilingual(io, "rubricInvalid", { file, errors: result.issues.filter((i) => i.severity === "error").length });
  }
  for (const w of result.value.warnings) io.err(`${c.labels.warning}: ${formatIssueWithPlace(w, c)}\n`);
  io.out(`${c.cli.rubricValid({ id: result.value.rubric.id, items: result.value.rubric.items.length, warnings: result.value.warnings.length })}\n`);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      case "-v":
      case "--version":
        io.out(`${require("../../package.json").version}\n`);
        return 0;
      case "score":
        return await score(io, rest);
      case "rubrics":
        return await listRubrics(io, rest);
      case "check-rubric":
        return await checkRubric(io, rest);
      default:
        bilingual(io, "usage", { detail: command });
    }
  } catch (e) {
    if (e instanceof Exit) return e.code;
    // parseArgs rejects unknown options with a TypeError carrying ERR_PARSE_ARGS_* codes.
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS")) {
      try {
        bilingual(io, "usage", { detail: (e as Error).message });
      } catch (x) {
        if (x instanceof Exit) return x.code;
      }
    }
    io.err(`kaohe: ${ZH.cli.internal({ detail: String(e) })} | ${EN.cli.internal({ detail: String(e) })}\n`);
    return 1;
  }
}
