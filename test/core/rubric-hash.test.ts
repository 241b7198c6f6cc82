/** A rubric's content hash: SHA-256 itself, the canonical form, per-item hashes and what a re-score says changed. */
import { createHash } from "crypto";
import fc from "fast-check";
import { stringify as toYaml, parse as fromYaml } from "yaml";
import { sha256Hex } from "../../src/core/rubric/sha256";
import { canonicalJson, rubricChange, rubricIdentity, rubricStamp, type RubricStamp } from "../../src/core/rubric/hash";
import { compileRubric } from "../../src/core/rubric/compile";
import { rubricSchema, type RubricDoc } from "../../src/core/rubric/schema";
import { compileRubricSheet, rubricToSheet } from "../../src/core/rubric/sheet";
import { BUILTIN_RUBRICS } from "../../src/rubrics";
import { catalog } from "../../src/i18n";
import { rubricChangeLines } from "../../src/i18n/rubric-change";
import { sheetGrid } from "./rubric-sheet/helpers";

const docOf = (raw: unknown): RubricDoc => {
  const c = compileRubric(raw);
  if (!c.ok) throw new Error(JSON.stringify(c.issues.slice(0, 2)));
  return c.value.rubric.doc;
};
const hashOf = (raw: unknown) => rubricIdentity(docOf(raw)).hash;
const builtin = (id: string) => BUILTIN_RUBRICS.find((d) => (d as { id: string }).id === id) as Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("SHA-256", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"))
      .toBe("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes the UTF-8 bytes, at every length around the block edges, like Node's crypto", () => {
    for (let n = 50; n <= 130; n++) expect(sha256Hex("x".repeat(n))).toBe(createHash("sha256").update("x".repeat(n)).digest("hex"));
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => sha256Hex(s) === createHash("sha256").update(s, "utf8").digest("hex")), { numRuns: 60 });
  });
});

describe("canonical form", () => {
  it("sorts keys at every depth, leaves out undefined and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined, b: "x" } })).toBe('{"a":{"b":"x","d":[2,1]},"b":1}');
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
      const reversed = Object.fromEntries(Object.entries(o).reverse());
      return canonicalJson(o) === canonicalJson(reversed);
    }));
  });

  it.each(BUILTIN_RUBRICS.map((d) => [(d as { id: string }).id, d]))("%s hashes the same as JSON, YAML and a 评分细则 sheet", (_id, raw) => {
    const json = hashOf(JSON.parse(JSON.stringify(raw, null, 7)));
    const yaml = hashOf(fromYaml(toYaml(raw, { indent: 4 })));
    const sheet = compileRubricSheet(sheetGrid(rubricToSheet(rubricSchema.parse(raw))));
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.issues.slice(0, 2)));
    expect(yaml).toBe(json);
    expect(rubricIdentity(sheet.value.rubric.doc).hash).toBe(json);
    expect(json).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes the validated document: defaults written out, key order and $schema do not matter", () => {
    const raw = builtin("community-2009");
    const reordered = Object.fromEntries(Object.entries(clone(raw)).reverse());
    expect(hashOf(reordered)).toBe(hashOf(raw));
    expect(hashOf({ ...clone(raw), $schema: "../schema/rubric.schema.json" })).toBe(hashOf(raw));
    // mode defaults to points, vetoes to [] … written out or not, the same rubric.
    const explicit = { ...clone(raw), mode: "points", ranking: {}, outcomes: {} };
    expect(hashOf(explicit)).toBe(hashOf(raw));
    const first = (explicit as unknown as { sections: { items: { rules: Record<string, unknown>[] }[] }[] }).sections[0]?.items[0]?.rules[0];
    if (first) Object.assign(first, { direction: "atLeast", step: 1, rounding: "none", inclusive: true });
    expect(hashOf(explicit)).toBe(hashOf(raw));
  });

  it("changes with every number of every built-in, and names the item the number is in", () => {
    for (const raw of BUILTIN_RUBRICS) {
      const base = docOf(raw);
      const before = rubricStamp(base);
      const paths: (string | number)[][] = [];
      const walk = (x: unknown, path: (string | number)[]) => {
        if (typeof x === "number") paths.push(path);
        else if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...path, i]));
        else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
      };
      walk(raw, []);
      expect(paths.length).toBeGreaterThan(5);
      for (const path of paths) {
        const changed = clone(raw) as Record<string, unknown>;
        let at: Record<string | number, unknown> = changed;
        for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
        const key = path[path.length - 1] as string | number;
        at[key] = (at[key] as number) === 0 ? 0.5 : (at[key] as number) * 0.5;
        const compiled = compileRubric(changed);
        if (!compiled.ok) continue; // a halved count or weight sum may be invalid: nothing to compare
        const after = rubricStamp(compiled.value.rubric.doc);
        expect([path.join("."), after.hash]).not.toEqual([path.join("."), before.hash]);
        const change = rubricChange(before, after);
        const inItem = path.includes("items");
        if (inItem) expect([path.join("."), change?.changed.length]).toEqual([path.join("."), 1]);
        else expect([path.join("."), change?.changed]).toEqual([path.join("."), []]);
      }
    }
  });
});

describe("what a re-score says changed", () => {
  const raw = builtin("village-2006");
  let before: ReturnType<typeof rubricStamp>;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => (before = rubricStamp(docOf(raw))));

  it("names added, removed and changed items, and changed vetoes and outcomes", () => {
    const next = clone(raw) as { version: string; items: { name: string; max: number }[]; vetoes: { type: string; value?: number }[]; outcomes: { commendation?: { top: number } } };
    next.version = "2007";
    const [first, second] = next.items;
    if (!first || !second) throw new Error("village-2006 has items");
    // 第一条's wording changed, 第二条 renamed to 第十一条 (so removed, and one added).
    next.items = [{ ...first, description: "改过的说明" } as typeof first, ...next.items.slice(2), { ...second, name: "第十一条" }];
    const veto = next.vetoes.find((v) => v.type === "totalBelow");
    if (veto) veto.value = 75;
    if (next.outcomes.commendation) next.outcomes.commendation.top = 5;
    const change = rubricChange(before, rubricStamp(docOf(next)));
    expect(change).toMatchObject({
      id: "village-2006", before: { version: "2006" }, after: { version: "2007" }, sameVersion: false,
      added: ["第十一条"], removed: [second.name], changed: [first.name], parts: ["vetoes", "outcomes"], detailsUnknown: false,
    });
    const zh = rubricChangeLines(catalog("zh-CN"), change ?? fail());
    expect(zh).toEqual([
      "考核细则“village-2006”与上次评分时不同（版本 2006 → 2007），评分规则已更改",
      "新增项目：第十一条",
      `删除项目：${second.name}`,
      `修改项目：${first.name}`,
      "另有更改：一票否决、表彰/后进/进步奖/等次",
    ]);
    expect(rubricChangeLines(catalog("en-US"), change ?? fail())[0]).toBe('Rubric "village-2006" differs from the last run\'s (version 2006 → 2007): the rules changed');
  });

  it("says when the content changed but the version did not", () => {
    const next = clone(raw) as { items: { max: number }[] };
    const item = next.items[0];
    if (item) item.max += 1;
    const change = rubricChange(before, rubricStamp(docOf(next)));
    expect(change?.sameVersion).toBe(true);
    expect(rubricChangeLines(catalog("zh-CN"), change ?? fail())).toContain("注意：内容已改但版本号仍是 2006，请在细则中更新版本号");
  });

  it("says nothing for the same content, another rubric, or a record without a hash; only the headline for a record without item hashes", () => {
    expect(rubricChange(before, rubricStamp(docOf(clone(raw))))).toBeNull();
    expect(rubricChange(before, rubricStamp(docOf(builtin("community-2009"))))).toBeNull();
    const next = rubricStamp(docOf({ ...clone(raw), bonusCap: 3 }));
    expect(rubricChange({ id: before.id, version: before.version }, next)).toBeNull();
    const old: RubricStamp = { id: before.id, version: before.version, hash: before.hash };
    const change = rubricChange(old, next);
    expect(change).toMatchObject({ detailsUnknown: true, added: [], removed: [], changed: [], parts: [] });
    expect(rubricChangeLines(catalog("zh-CN"), change ?? fail())).toContain("上次评分的记录没有逐项校验码（由旧版 Kaohe 写入），无法列出具体改动");
    expect(rubricChange(before, next)?.parts).toEqual(["settings"]);
  });
});

function fail(): never {
  throw new Error("expected a change");
}
