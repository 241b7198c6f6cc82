/**
 * One adapter contract for every PaneHost (WPS, Excel …): the pane's scenarios run through
 * PaneSession against a host over a simulated workbook, and the workbook is read back as plain data
 * (plain-book.ts) to check what changed. A host's test file calls `paneHostContract(label, factory)`.
 *
 * The factory gets a seeded workbook and returns:
 * - `host`: the PaneHost under test, over that workbook;
 * - `read()`: the whole workbook as a PlainBook (every sheet's cells with formulas and formats,
 *   merges, conditional formats, notes, protection; every defined name; structure protection);
 * - `user`: what a user does in the spreadsheet program between runs (each may be async).
 * Kaohe's state part and the sheet's `_Kaohe_Sheet` token are bookkeeping that may stay after a
 * clear; everything else must be exactly as before.
 */
import { columnLetter } from "../../src/core/grid";
import type { Result } from "../../src/core/issue";
import { SHEET_NAME } from "../../src/core/ownership/record";
import type { PaneHost } from "../../src/app/pane-host";
import { PaneSession, type ScoreOutcome } from "../../src/app/pane-session";
import { catalog, formatIssue } from "../../src/i18n";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { builtinRubrics } from "../../src/app/rubrics";
import { compileRubricSheet, rubricToSheet, type RubricSheet } from "../../src/core/rubric/sheet";
import type { PlainBook, PlainSheet, SeedBook, SeedCell } from "./plain-book";

type MaybeAsync<T> = T | Promise<T>;

export interface UserActions {
  /** Type into a cell (a constant, `{ formula }`, or `{ value, format }`). */
  edit(sheet: string, cell: string, content: SeedCell): MaybeAsync<void>;
  /** Insert a whole column before `column` (a letter). */
  insertColumn(sheet: string, column: string): MaybeAsync<void>;
  renameSheet(from: string, to: string): MaybeAsync<void>;
  /** Add a conditional format of the user's: an expression rule (`formula` "=…") on `address`. */
  addRule(sheet: string, address: string, formula: string): MaybeAsync<void>;
  activate(sheet: string): MaybeAsync<void>;
  protectSheet(sheet: string, on: boolean): MaybeAsync<void>;
  protectStructure(on: boolean): MaybeAsync<void>;
}

export interface HostUnderTest {
  host: PaneHost;
  read(): MaybeAsync<PlainBook>;
  user: UserActions;
  /** Make the host's next data-validation call fail (after the sheet was added: nothing rolls back). */
  failNextValidation(): void;
}

export type HostFactory = (seed: SeedBook) => MaybeAsync<HostUnderTest>;

const AT = "2026-11-23T12:00:00.000Z";
/** The first column right of the community table, where Kaohe's outputs go. */
export const OUT = columnLetter(COMMUNITY_HEADERS.length);
const col = (offset: number) => columnLetter(COMMUNITY_HEADERS.length + offset);

const title = (units: SeedCell[][], extraHeaders: string[] = []): SeedCell[][] => [
  ["2009年社区考核表"],
  ["说明：比率为%"],
  [...COMMUNITY_HEADERS, ...extraHeaders],
  ...units,
];
const units = (): SeedCell[][] => [
  communityRow("阳光社区", { "计划生育率(%)": 85.5 }),
  communityRow("城东社区"),
  communityRow("城西社区", { "群众满意率(%)": "abc" }),
];

export function communitySeed(extra: Partial<SeedBook> = {}): SeedBook {
  return {
    sheets: [
      { name: "考核", rows: title(units()), merges: ["A1:F1", "A2:F2"] },
      { name: "其他", rows: [["别动我", 1], [{ formula: "=B1*2" }]] },
    ],
    active: "考核",
    ...extra,
  };
}

const sheetOf = (b: PlainBook, name: string): PlainSheet => {
  const s = b.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${b.sheets.map((x) => x.name).join(", ")}`);
  return s;
};

/** The workbook without Kaohe's bookkeeping that may outlive a clear (the sheet's token name). */
export const userView = (b: PlainBook): PlainBook => ({ ...b, names: b.names.filter((n) => !n.name.endsWith(SHEET_NAME)) });

const isKaoheRule = (formula: string) => /ISTEXT\("kaohe-/.test(formula);

function scored(r: Result<ScoreOutcome>): Extract<ScoreOutcome, { kind: "scored" }> {
  if (!r.ok) throw new Error(`scoring failed: ${JSON.stringify(r.issues)}`);
  if (r.value.kind !== "scored") throw new Error(`scoring asked to confirm: ${JSON.stringify(r.value)}`);
  return r.value;
}

function codes(r: Result<unknown>): string[] {
  return r.ok ? [] : r.issues.map((i) => i.code);
}

export function paneHostContract(label: string, factory: HostFactory): void {
  async function setUp(seed: SeedBook = communitySeed()) {
    const h = await factory(seed);
    const session = new PaneSession(h.host, catalog("zh-CN"), () => AT);
    const opened = await session.open();
    if (!opened.ok) throw new Error(`open failed: ${JSON.stringify(opened.issues)}`);
    return { ...h, session };
  }

  describe(`PaneHost contract: ${label}`, () => {
    it("a sheet asked for by name that the workbook does not have is its own problem, naming the workbook's sheets", async () => {
      const h = await factory(communitySeed());
      const r = await h.host.snapshot({ sheet: "三季度" });
      expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ code: "sheet.unknown", sheet: "三季度", params: { sheet: "三季度", available: "考核、其他" } })] });
      expect((await h.host.snapshot({ sheet: "其他" })).ok).toBe(true);
    });

    it("scores: outputs beside the table, shortfalls highlighted, a results sheet, nothing else of the user's touched", async () => {
      const h = await setUp();
      const before = await h.read();
      scored(await h.session.score());
      const after = await h.read();
      const sheet = sheetOf(after, "考核");
      expect([sheet.cells[`${OUT}3`]?.value, sheet.cells[`${col(1)}3`]?.value, sheet.cells[`${col(2)}3`]?.value]).toEqual(["总分", "排名", "考核结果"]);
      expect([sheet.cells[`${OUT}4`]?.value, sheet.cells[`${OUT}5`]?.value]).toEqual([97.5, 100]);
      expect(sheet.cells[`${col(2)}6`]?.value).toBe("数据不全");
      for (const [a, c] of Object.entries(sheetOf(before, "考核").cells)) expect([a, sheet.cells[a]]).toEqual([a, c]);
      expect(sheet.merges).toEqual(sheetOf(before, "考核").merges);
      expect(sheet.rules.filter((r) => isKaoheRule(r.formula)).map((r) => r.address).sort()).toEqual(["B4", "V6"]);
      expect(after.sheets.map((s) => s.name)).toEqual(["考核", "其他", "考核明细"]);
      expect(sheetOf(after, "其他")).toEqual(sheetOf(before, "其他"));
      expect(sheetOf(after, "考核明细").cells.A5?.value).toBe("阳光社区");
    });

    it("re-scoring replaces Kaohe's outputs instead of adding more", async () => {
      const h = await setUp();
      scored(await h.session.score());
      const first = await h.read();
      await h.user.edit("考核", "B4", 95);
      scored(await h.session.score());
      const second = await h.read();
      const sheet = sheetOf(second, "考核");
      expect(sheet.cells[`${OUT}4`]?.value).toBe(100);
      expect(Object.keys(sheet.cells).sort()).toEqual(Object.keys(sheetOf(first, "考核").cells).sort());
      expect(sheet.rules.filter((r) => isKaoheRule(r.formula)).map((r) => r.address)).toEqual(["V6"]);
      expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
      expect(second.names).toEqual(first.names);
    });

    it("never overwrites a user's own 总分 column: Kaohe writes beside it", async () => {
      const seed = communitySeed();
      const own = units().map((row, i) => [...row, i + 1]);
      seed.sheets[0] = { name: "考核", rows: title(own, ["总分"]), merges: ["A1:F1"] };
      const h = await setUp(seed);
      scored(await h.session.score());
      const sheet = sheetOf(await h.read(), "考核");
      expect([3, 4, 5, 6].map((r) => sheet.cells[`${OUT}${r}`]?.value)).toEqual(["总分", 1, 2, 3]);
      expect([sheet.cells[`${col(1)}3`]?.value, sheet.cells[`${col(1)}4`]?.value]).toEqual(["总分", 97.5]);
    });

    it("keeps a Kaohe cell the user edited until the user confirms replacing it", async () => {
      const h = await setUp();
      scored(await h.session.score());
      await h.user.edit("考核", `${OUT}4`, 55);
      const edited = await h.read();
      const asked = await h.session.score();
      expect(asked.ok && asked.value.kind === "confirm" ? asked.value.overwrite.map((c) => c.cell) : asked).toEqual([`${OUT}4`]);
      expect(await h.read()).toEqual(edited);
      scored(await h.session.score(true));
      expect(sheetOf(await h.read(), "考核").cells[`${OUT}4`]?.value).toBe(97.5);
    });

    it("clearing keeps a Kaohe cell the user edited, and says so", async () => {
      const h = await setUp();
      scored(await h.session.score());
      await h.user.edit("考核", `${OUT}5`, "我的");
      const cleared = await h.session.clear();
      expect(cleared.ok && cleared.value.kept.map((c) => c.cell)).toEqual([`${OUT}5`]);
      const sheet = sheetOf(await h.read(), "考核");
      expect(Object.keys(sheet.cells).filter((a) => a.startsWith(OUT) || a.startsWith(col(1)))).toEqual([`${OUT}5`]);
      expect(sheet.cells[`${OUT}5`]?.value).toBe("我的");
    });

    it("clear restores the whole workbook exactly", async () => {
      const h = await setUp();
      const before = await h.read();
      scored(await h.session.score());
      const cleared = await h.session.clear();
      expect(cleared.ok && { sheet: cleared.value.resultsSheet, highlights: cleared.value.highlights, kept: cleared.value.kept }).toEqual({ sheet: "考核明细", highlights: 2, kept: [] });
      expect(userView(await h.read())).toEqual(userView(before));
    });

    it("writes text as text: a unit named =HYPERLINK(…) or 4/5 never becomes a formula, date or number", async () => {
      const seed = communitySeed();
      const link = '=HYPERLINK("http://example.invalid","x")';
      const rows = [communityRow("阳光社区"), [{ value: link, format: "@" }, ...communityRow("x").slice(1)], [{ value: "4/5", format: "@" }, ...communityRow("x").slice(1)]];
      seed.sheets[0] = { name: "考核", rows: title(rows) };
      const h = await setUp(seed);
      const before = await h.read();
      scored(await h.session.score());
      const after = await h.read();
      const results = sheetOf(after, "考核明细");
      const texts = Object.values(results.cells).map((c) => c.value);
      expect(texts).toEqual(expect.arrayContaining([link, "4/5"]));
      const formulas = after.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.formula !== undefined).map(([a]) => `${s.name}!${a}`));
      expect(formulas).toEqual(before.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.formula !== undefined).map(([a]) => `${s.name}!${a}`)));
      expect(sheetOf(after, "考核").cells[`${col(2)}4`]).toEqual({ value: "已评分", format: "@" });
      await h.session.clear();
      expect(userView(await h.read())).toEqual(userView(before));
    });

    it("a user's conditional formats survive scoring and clearing", async () => {
      const h = await setUp();
      await h.user.addRule("考核", "B4:B6", "=B4<90");
      scored(await h.session.score());
      await h.user.addRule("考核", "C4:C6", "=C4<80");
      // Where a new rule goes (top in Excel, bottom in WPS) is the host's; Kaohe must not reorder the user's.
      const users = sheetOf(await h.read(), "考核").rules.filter((r) => !isKaoheRule(r.formula));
      expect(users.map((r) => r.formula).sort()).toEqual(["=B4<90", "=C4<80"]);
      expect((await h.session.clear()).ok).toBe(true);
      expect(sheetOf(await h.read(), "考核").rules).toEqual(users);
    });

    it("scoring sheet B keeps sheet A's record, outputs and results sheet", async () => {
      const seed = communitySeed();
      seed.sheets[1] = { name: "二组", rows: title(units()) };
      const h = await setUp(seed);
      const before = await h.read();
      scored(await h.session.score());
      const afterA = await h.read();
      await h.user.activate("二组");
      scored(await h.session.score());
      const afterB = await h.read();
      expect(sheetOf(afterB, "考核")).toEqual(sheetOf(afterA, "考核"));
      expect(afterB.sheets.length).toBe(4);
      expect((await h.session.clear()).ok).toBe(true);
      const clearedB = await h.read();
      expect(sheetOf(clearedB, "考核")).toEqual(sheetOf(afterA, "考核"));
      expect(sheetOf(clearedB, "二组")).toEqual(sheetOf(before, "二组"));
      await h.user.activate("考核");
      expect((await h.session.clear()).ok).toBe(true);
      expect(userView(await h.read())).toEqual(userView(before));
    });

    it("clears a renamed sheet and a renamed results sheet", async () => {
      const h = await setUp();
      const before = await h.read();
      scored(await h.session.score());
      await h.user.renameSheet("考核", "考核2026");
      await h.user.renameSheet("考核明细", "明细");
      const cleared = await h.session.clear();
      expect(cleared.ok && cleared.value.resultsSheet).toBe("明细");
      const after = userView(await h.read());
      expect(after).toEqual({ ...userView(before), sheets: userView(before).sheets.map((s) => (s.name === "考核" ? { ...s, name: "考核2026" } : s)) });
    });

    it("clears the right cells after the user inserted a column inside the table", async () => {
      const h = await setUp();
      scored(await h.session.score());
      await h.user.insertColumn("考核", "B");
      expect((await h.session.clear()).ok).toBe(true);
      const expected = await factory(communitySeed());
      await expected.user.insertColumn("考核", "B");
      expect(userView(await h.read())).toEqual(userView(await expected.read()));
    });

    it("refuses a protected sheet, to score or to clear, and changes nothing", async () => {
      const locked = await setUp(communitySeed({ sheets: communitySeed().sheets.map((s) => ({ ...s, protected: s.name === "考核" })) }));
      const untouched = await locked.read();
      expect(codes(await locked.session.score())).toEqual(["sheet.protected"]);
      expect(await locked.read()).toEqual(untouched);

      const h = await setUp();
      scored(await h.session.score());
      await h.user.protectSheet("考核", true);
      const before = await h.read();
      expect(codes(await h.session.clear())).toEqual(["sheet.protected"]);
      expect(await h.read()).toEqual(before);
    });

    it("refuses to add or delete the results sheet in a workbook whose structure is protected, and changes nothing", async () => {
      const locked = await setUp(communitySeed({ structureProtected: true }));
      const untouched = await locked.read();
      expect(codes(await locked.session.score())).toEqual(["workbook.structureProtected"]);
      expect(await locked.read()).toEqual(untouched);

      const h = await setUp();
      scored(await h.session.score());
      await h.user.protectStructure(true);
      scored(await h.session.score()); // the results sheet is reused: no sheet added
      const before = await h.read();
      expect(codes(await h.session.clear())).toEqual(["workbook.structureProtected"]);
      expect(await h.read()).toEqual(before);
    });

    describe("adding a 评分细则 sheet", () => {
      const hostile: RubricSheet = {
        name: "评分细则",
        rows: [["【基本信息】"], ["名称", '=HYPERLINK("http://example.invalid","x")'], ["版本", "4/5"], ["满分", 100], ["编号", "1e3"], ["分数线含本数", null]],
        validations: [{ ref: "B6", list: ["是", "否"] }, { ref: "B7:B8", list: ["对照目标值", "按次数"] }],
        headings: [0],
      };

      it("never overwrites a sheet: takes the next free name, writes text as text, numbers as numbers, drop-downs and bold headings", async () => {
        const seed = communitySeed();
        seed.sheets.push({ name: "评分细则", rows: [["我的细则"]] });
        const h = await factory(seed);
        const before = await h.read();
        const added = await h.host.addSheet(hostile);
        expect(added).toEqual({ ok: true, value: { name: "评分细则 (2)" } });
        const after = await h.read();
        expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), "评分细则 (2)"]);
        expect(after.sheets.slice(0, -1)).toEqual(before.sheets);
        const made = sheetOf(after, "评分细则 (2)");
        expect([made.cells.B2, made.cells.B3, made.cells.B4, made.cells.B5]).toEqual([
          { value: '=HYPERLINK("http://example.invalid","x")', format: "@" }, { value: "4/5", format: "@" }, { value: 100 }, { value: "1e3", format: "@" },
        ]);
        expect(made.validations).toEqual([{ address: "B6", list: ["是", "否"] }, { address: "B7:B8", list: ["对照目标值", "按次数"] }]);
        expect(made.bold).toEqual(["A1", "B1"]);
        expect(Object.values(made.cells).some((c) => c.formula !== undefined)).toBe(false);
      });

      it("reads back, through the same host, as exactly the rubric it was written from", async () => {
        const h = await factory(communitySeed());
        for (const c of builtinRubrics().slice(0, 2)) {
          const added = await h.host.addSheet(rubricToSheet(c.rubric.doc));
          if (!added.ok) throw new Error(JSON.stringify(added.issues));
          const grids = await h.host.readSheets([added.value.name]);
          if (!grids.ok || !grids.value[0]) throw new Error(JSON.stringify(grids));
          const read = compileRubricSheet(grids.value[0]);
          expect(read.ok && read.value.rubric.doc).toEqual(c.rubric.doc);
        }
        expect((await h.read()).sheets.map((s) => s.name)).toEqual(["考核", "其他", "评分细则", "评分细则 (2)"]);
      });

      it("refuses a workbook whose structure is protected with a plain reason, and changes nothing", async () => {
        const h = await factory(communitySeed({ structureProtected: true }));
        const before = await h.read();
        const r = await h.host.addSheet(hostile);
        expect(codes(r)).toEqual(["workbook.structureProtected"]);
        expect(!r.ok && r.issues[0] && formatIssue(r.issues[0], catalog("zh-CN"))).toMatch(/工作簿结构受保护.*评分细则/);
        expect(await h.read()).toEqual(before);
      });

      it("a failure part-way (the sheet already added) deletes the half-made sheet and reports the cause", async () => {
        const h = await factory(communitySeed());
        const before = await h.read();
        h.failNextValidation();
        const r = await h.host.addSheet(hostile);
        expect(!r.ok && r.issues.map((i) => [i.code, i.params.sheet, i.params.cleaned])).toEqual([["rubricSheet.addFailed", "评分细则", "yes"]]);
        expect(!r.ok && String(r.issues[0]?.params.detail)).not.toBe("");
        expect(await h.read()).toEqual(before);
      });
    });
  });
}
