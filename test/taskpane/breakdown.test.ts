/**
 * One explanation of a unit's score (issue 12): the pane's breakdown, the 考核明细 row and the note on
 * the 考核结果 cell say the same things, for every unit of the bundled example under every built-in
 * rubric — the same items, the same reasons with the same cells, and "其余各项满分" in the same cases.
 */
import * as path from "path";
import { XlsxWorkbook } from "../../src/cli/workbook-file";
import { builtinRubrics } from "../../src/app/rubrics";
import { assess } from "../../src/core/assess";
import { buildWritePlan } from "../../src/core/plan/write-plan";
import type { UnitResult } from "../../src/core/score/types";
import { catalog, texts, type Locale } from "../../src/i18n";
import { breakdown } from "../../src/taskpane/view-summary";
import { fake, withFakeDocument, type FakeNode } from "../helpers/fake-dom";

const EXAMPLE = path.join(__dirname, "../../examples/kaohe-example.xlsx");
const ISOLATES = /[\u2066-\u2069]/g;
const plain = (s: string) => s.replace(ISOLATES, "");

/** What the pane's card shows, line by line. */
function paneLines(card: FakeNode) {
  const reasonLine = (li: FakeNode) => {
    const cell = li.byClass("muted")[0]?.textContent.trim();
    const text = plain(li.textContent.slice(0, li.textContent.length - (cell ? cell.length + 1 : 0)));
    return cell ? `${cell} ${text}` : text;
  };
  return {
    outcomes: card.byClass("outcome-line").map((p) => plain(p.textContent)),
    vetoes: card.byClass("veto-line").map((p) => plain(p.textContent)),
    problems: card.byClass("problems").flatMap((ul) => ul.children.map((li) => plain(li.textContent))),
    items: card.byClass("row").map((r) => plain(r.children.map((c) => c.textContent).join(" "))),
    reasons: card.byClass("reasons").flatMap((ul) => ul.children.map(reasonLine)),
    fullMarks: card.byClass("items").flatMap((ul) => ul.children.filter((li) => li.className === "muted")).length,
  };
}

interface Case {
  rubric: string;
  sheet: string;
  locale: Locale;
  unit: UnitResult;
  note: string;
  row: string | null;
}

async function cases(): Promise<Case[]> {
  const opened = await XlsxWorkbook.open(EXAMPLE);
  if (!opened.ok) throw new Error(opened.error.detail);
  const book = opened.value;
  const out: Case[] = [];
  for (const rubric of builtinRubrics()) {
    for (const { name } of await book.sheets()) {
      const grid = await book.readSheet(name);
      const assessed = grid && assess(grid, rubric.rubric);
      if (!grid || !assessed || !assessed.ok) continue;
      const a = assessed.value;
      for (const locale of ["zh-CN", "en-US"] as const) {
        const plan = buildWritePlan(grid, a, texts(catalog(locale)), { resultsSheet: "考核明细", notes: "all" });
        if (!plan.ok) throw new Error(`${rubric.rubric.id} on ${name}: ${plan.issues[0]?.code}`);
        const rows = plan.value.results.rows;
        for (const unit of a.units) {
          const row = rows.find((r) => r[0] === unit.unit && r[1] === unit.row + 1);
          const note = plan.value.notes.find((n) => n.row === unit.row)?.text;
          if (!row || note === undefined) throw new Error(`${unit.unit}: no 考核明细 row or note`);
          const last = row[row.length - 1];
          out.push({ rubric: rubric.rubric.id, sheet: name, locale, unit, note, row: typeof last === "string" ? last : null });
        }
      }
    }
  }
  return out;
}

describe("a unit's breakdown in the pane, its 考核明细 row and its note agree", () => {
  let all: Case[] = [];
  beforeAll(async () => {
    all = await cases();
  });

  it("covers every built-in rubric, incomplete and vetoed units, floored items and both full-marks cases", () => {
    expect(new Set(all.map((c) => c.rubric))).toEqual(new Set(builtinRubrics().map((r) => r.rubric.id)));
    expect(all.some((c) => c.unit.status === "incomplete")).toBe(true);
    expect(all.some((c) => c.unit.status === "vetoed")).toBe(true);
    expect(all.some((c) => c.unit.items.some((i) => i.floored))).toBe(true);
    const fullMarks = texts(catalog("zh-CN")).label("fullMarks");
    expect(all.some((c) => c.note.includes(fullMarks))).toBe(true);
    // All items without a reason: the pane used to say "其余各项满分" there, the note did not.
    expect(all.some((c) => c.unit.status !== "incomplete" && c.unit.items.every((i) => !i.deductions.length && !i.findings.length))).toBe(true);
  });

  it("shows in the pane every line of the 考核明细 row, and nothing else of that kind", () => {
    for (const c of all) {
      const pane = withFakeDocument(() => paneLines(fake(breakdown(catalog(c.locale), c.unit))));
      const rowLines = c.row === null ? [] : c.row.split("\n");
      // Problems: the pane says where (sheet, cell, unit) in front; the row puts the cell first.
      const problemRow = rowLines.slice(rowLines.length - pane.problems.length);
      expect({ unit: c.unit.unit, lines: rowLines.slice(0, rowLines.length - pane.problems.length) }).toEqual({ unit: c.unit.unit, lines: [...pane.reasons, ...pane.vetoes] });
      pane.problems.forEach((p, i) => expect(p.endsWith(problemRow[i]?.replace(/^[A-Z]+\d+ /, "") ?? "?")).toBe(true));
    }
  });

  it("shows in the pane the note's items, outcome lines and '其余各项满分', in the same order", () => {
    for (const c of all) {
      const t = texts(catalog(c.locale));
      const pane = withFakeDocument(() => paneLines(fake(breakdown(catalog(c.locale), c.unit))));
      const lines = c.note.split("\n").slice(1);
      const colon = t.colon.trimEnd();
      const itemHeads = lines.filter((l) => !l.startsWith("  · ") && l.endsWith(colon)).map((l) => l.slice(0, l.length - colon.length));
      expect({ unit: c.unit.unit, items: pane.items }).toEqual({ unit: c.unit.unit, items: itemHeads });
      expect(lines.slice(0, pane.outcomes.length)).toEqual(pane.outcomes);
      expect(pane.fullMarks).toBe(lines.includes(t.label("fullMarks")) ? 1 : 0);
      const noteReasons = lines.filter((l) => l.startsWith("  · ")).map((l) => l.slice(4));
      expect(noteReasons).toEqual(pane.reasons.map((r) => {
        const m = /^([A-Z]+\d+) (.*)$/s.exec(r);
        return m ? `${m[2]}${t.paren(m[1] ?? "")}` : r;
      }));
    }
  });
});
