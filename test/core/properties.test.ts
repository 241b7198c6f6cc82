import fc from "fast-check";
import { assess } from "../../src/core/assess";
import { builtinRubric } from "../../src/app/rubrics";
import { simSession, userModel } from "../helpers/excel-sim";
import { sum2 } from "../../src/core/decimal";
import { grid } from "../helpers/grid";
import { COMMUNITY_HEADERS, type CommunityHeader } from "../helpers/community";

// Compiled when a test runs, not at load: mutation testing maps each mutant to the tests that reach it.
function community() {
  const c = builtinRubric("community-2009");
  if (!c.ok) throw new Error("rubric");
  return c.value;
}

// A value a person might type in each kind of column, valid or not.
const rate = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10) },
  { weight: 1, arbitrary: fc.constantFrom("88%", "９０", "abc", "#N/A", null, 120) },
);
const count = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, "x", null) });
const yesNo = fc.constantFrom("是", "否", "√", "×", "是", "是", "也许");

function cellFor(h: CommunityHeader): fc.Arbitrary<string | number | null> {
  if (h.endsWith("(%)")) return rate;
  if (/次数|项数|例数|案件/.test(h)) return count;
  return yesNo;
}

const row = (name: string) => fc.tuple(...COMMUNITY_HEADERS.slice(1).map((h) => cellFor(h))).map((cells) => [name, ...cells]);
const sheet = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => row(`单位${i + 1}`))));

function run(rows: (string | number | null)[][]) {
  const assessed = assess(grid([[...COMMUNITY_HEADERS], ...rows]), community().rubric);
  if (!assessed.ok) throw new Error("no assessment");
  return assessed.value;
}

describe("invariants (community-2009 on random sheets)", () => {
  it("keeps every item within [0, max] and the total equal to the sum of its items", () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        for (const u of run(rows).units) {
          for (const i of u.items) {
            if (i.score === null) continue;
            expect(i.score).toBeGreaterThanOrEqual(0);
            expect(i.score).toBeLessThanOrEqual(i.max ?? 0);
          }
          if (u.status === "incomplete") expect([u.total, u.rank]).toEqual([null, null]);
          else expect(u.total).toBe(sum2(u.items.map((i) => i.score ?? 0)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never changes anyone's total, status or rank when rows are permuted", () => {
    fc.assert(
      fc.property(sheet.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), ([rows, shuffled]) => {
        const key = (a: ReturnType<typeof run>) => Object.fromEntries(a.units.map((u) => [u.unit, [u.total, u.status, u.rank, [...u.outcomes].sort()]]));
        expect(key(run(shuffled))).toEqual(key(run(rows)));
      }),
      { numRuns: 100 },
    );
  });

  it("ranks so that a higher total never ranks below a lower one among non-vetoed units", () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const clean = run(rows).units.filter((u) => u.status === "scored");
        for (const a of clean) for (const b of clean) if ((a.total ?? 0) > (b.total ?? 0)) expect(a.rank ?? 0).toBeLessThan(b.rank ?? 0);
        const vetoed = run(rows).units.filter((u) => u.status === "vetoed");
        for (const v of vetoed) expect(v.rank ?? 0).toBeGreaterThan(clean.length);
      }),
      { numRuns: 100 },
    );
  });

  it("is idempotent: scoring a scored sheet again writes the same outputs in the same place (Excel adapter)", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (rows) => {
        const { session, user } = simSession({ sheets: [{ name: "考核", rows: [["标题"], [...COMMUNITY_HEADERS], ...rows] }] });
        await session.open();
        const first = await session.score();
        const written = user.snapshot();
        const second = await session.score();
        if (!first.ok || !second.ok) {
          // A sheet that cannot be scored is refused the same way twice, and nothing is written.
          expect([first.ok, second.ok]).toEqual([false, false]);
          expect(written.sheets.map((s) => s.name)).toEqual(["考核"]);
          return;
        }
        if (first.value.kind !== "scored" || second.value.kind !== "scored") throw new Error("asked to confirm on an untouched sheet");
        const standings = (r: typeof first.value.result) => r.assessment.units.map((u) => [u.total, u.rank, u.status]);
        expect(standings(second.value.result)).toEqual(standings(first.value.result));
        expect(userModel(user.snapshot())).toEqual(userModel(written));
        expect(user.snapshot().sheets.map((s) => s.name)).toEqual(["考核", "考核明细"]);
      }),
      { numRuns: 25 },
    );
  });
});
