/**
 * The defined names that tie Kaohe's record to a sheet: how their addresses and token formulas are read,
 * and what happens to a copied sheet, which carries the original's token name with it.
 */
import { parseAddress, quoteSheet, tokenOf } from "../../src/adapters/excel/anchors";
import { simSession } from "../helpers/excel-sim";
import { communitySeed, OUT } from "./community-seed";

describe("reading anchors", () => {
  it.each([
    ["'考核'!$AH$3:$AK$8", "考核", { top: 2, left: 33, bottom: 7, right: 36 }],
    ["考核!B2", "考核", { top: 1, left: 1, bottom: 1, right: 1 }],
    ["'O''Brien 表'!$A$1", "O'Brien 表", { top: 0, left: 0, bottom: 0, right: 0 }],
    ["'a!b'!C3:D4", "a!b", { top: 2, left: 2, bottom: 3, right: 3 }],
  ])("%s is sheet %s and its range", (address, sheet, range) => {
    expect(parseAddress(address)).toEqual({ sheet, range });
  });

  it.each(["A1:B2", "考核!", "考核!#REF!"])("%s is no anchor", (address) => {
    expect(parseAddress(address)).toBeNull();
  });

  it("quotes a sheet name, doubling its apostrophes, and reads it back", () => {
    expect(quoteSheet("O'Brien 表")).toBe("'O''Brien 表'");
    expect(parseAddress(`${quoteSheet("it's")}!A1`)?.sheet).toBe("it's");
  });

  it.each([
    ['="k1"', "k1"],
    ['  ="k_12"  ', "k_12"],
    ['x="k1"', null],
    ['="k1"&""', null],
    ['="k 1"', null],
    ['=""', null],
    [5, null],
    [null, null],
  ])("the token of %j is %j", (formula, token) => {
    expect(tokenOf(formula)).toBe(token);
  });
});

describe("a copied sheet (it carries the original's token name)", () => {
  async function copiedAndScored() {
    const sheets = communitySeed().sheets ?? [];
    const first = sheets[0];
    if (!first) throw new Error("no sheet");
    const t = simSession({ sheets: [...sheets, { ...first, name: "考核 (2)" }] });
    expect((await t.session.open()).ok).toBe(true);
    const one = await t.session.score();
    expect(one.ok && one.value.kind).toBe("scored");
    t.user.addName("_Kaohe_Sheet", '="k1"', "考核 (2)");
    await t.user.activate("考核 (2)");
    expect((await t.session.open()).ok).toBe(true);
    const two = await t.session.score();
    expect(two.ok && two.value.kind).toBe("scored");
    return t;
  }

  it("is scored as a sheet of its own: the copied token gives way to a new one", async () => {
    const { user } = await copiedAndScored();
    const names = user.snapshot().names;
    const token = (sheet: string) => names.find((n) => n.name === "_Kaohe_Sheet" && n.scope === sheet)?.ref;
    expect(names.filter((n) => n.name === "_Kaohe_Sheet")).toHaveLength(2);
    expect(token("考核")).toEqual({ formula: '="k1"' });
    expect(token("考核 (2)")).toEqual({ formula: '="k2"' });
    expect(names.find((n) => n.name === "_Kaohe_O_k2")?.ref).toEqual({ sheet: "考核 (2)", area: `${OUT(0)}3:${OUT(3)}7` });
    expect(names.find((n) => n.name === "_Kaohe_O_k1")?.ref).toEqual({ sheet: "考核", area: `${OUT(0)}3:${OUT(3)}7` });
  });

  it("clearing the copy leaves the original's outputs", async () => {
    const { session, user } = await copiedAndScored();
    const cleared = await session.clear();
    expect(cleared.ok).toBe(true);
    const m = user.snapshot();
    const at = (sheet: string) => m.sheets.find((s) => s.name === sheet)?.cells[`${OUT(0)}3`]?.value;
    expect(at("考核 (2)")).toBeUndefined();
    expect(at("考核")).toBe("总分");
  });
});
