/** `kaohe` and rubric versions: the hash and time in every result, what changed on a re-score, the checker's findings. */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { stringify as toYaml } from "yaml";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { tempDir } from "../helpers/files";
import { kaohe } from "../helpers/hostile";
import { writeWorkbook } from "../helpers/xlsx";

const COMMUNITY = JSON.parse(readFileSync(path.resolve(__dirname, "../../src/rubrics/community-2009.json"), "utf8")) as {
  version: string;
  sections: { items: { name: string; rules: { points?: number }[] }[] }[];
  vetoes: unknown[];
};

let dir: string;
let book: string;

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, "社区考核.xlsx");
  await writeWorkbook(book, [{ name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区")] }]);
});

describe("the rubric's identity in results", () => {
  it("JSON carries the rubric's hash and the time of the run; stderr says both", () => {
    const listed = JSON.parse(kaohe(["rubrics", "--format", "json"]).out) as { id: string; hash: string }[];
    const hash = listed.find((r) => r.id === "community-2009")?.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const r = kaohe(["score", book, "-r", "community-2009", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.rubric).toEqual({ id: "community-2009", name: expect.any(String), version: "2009", mode: "points", hash });
    expect(Date.parse(j.scoredAt)).toBeGreaterThan(Date.parse("2026-01-01"));
    expect(j.rubricChange).toBeUndefined();
    expect(r.err).toContain(`考核细则 community-2009，版本 2009，校验码 ${hash?.slice(0, 12)}；评分时间 ${j.scoredAt}`);
  });

  it("the same rubric as JSON, YAML or built-in has one hash", () => {
    const json = path.join(dir, "c.json");
    const yaml = path.join(dir, "c.yaml");
    writeFileSync(json, JSON.stringify(COMMUNITY));
    writeFileSync(yaml, toYaml(COMMUNITY));
    const line = (ref: string) => kaohe(["check-rubric", ref]).out.split("\n").find((l) => l.includes("校验码"));
    expect(line(json)).toMatch(/校验码 [0-9a-f]{12}$/);
    expect(line(yaml)).toBe(line(json));
    expect(line("community-2009")).toBe(line(json));
  });
});

describe("re-scoring a scored copy with a changed rubric", () => {
  it("says the rules changed, and which items and parts, in the terminal and in JSON", () => {
    const v1 = path.join(dir, "v1.json");
    writeFileSync(v1, JSON.stringify(COMMUNITY));
    const scored = path.join(dir, "scored.xlsx");
    expect(kaohe(["score", book, "-r", v1, "--out", scored]).code).toBe(0);

    const next = JSON.parse(JSON.stringify(COMMUNITY)) as typeof COMMUNITY;
    next.version = "2010";
    const first = next.sections[0]?.items[0];
    if (!first?.rules[0]) throw new Error("community-2009 has items");
    first.rules[0].points = 2;
    const last = next.sections[next.sections.length - 1];
    const removed = last?.items.pop()?.name;
    next.vetoes = [];
    const v2 = path.join(dir, "v2.json");
    writeFileSync(v2, JSON.stringify(next));

    const table = kaohe(["score", scored, "-r", v2]);
    expect(table.code).toBe(0);
    expect(table.err).toContain("考核细则“community-2009”与上次评分时不同（版本 2009 → 2010），评分规则已更改");
    expect(table.err).toContain(`删除项目：${removed}`);
    expect(table.err).toContain(`修改项目：${first.name}`);
    expect(table.err).toContain("另有更改：一票否决");

    const j = JSON.parse(kaohe(["score", scored, "-r", v2, "--format", "json", "--lang", "en-US"]).out);
    expect(j.rubricChange).toMatchObject({ id: "community-2009", before: { version: "2009" }, after: { version: "2010" }, added: [], removed: [removed], changed: [first.name], parts: ["vetoes"] });
    expect(j.rubricChange.message[0]).toBe('Rubric "community-2009" differs from the last run\'s (version 2009 → 2010): the rules changed');
    // The copy scored with the rubric it was scored with before: nothing changed.
    expect(kaohe(["score", scored, "-r", v1, "--format", "json"]).err).not.toContain("评分规则已更改");
  });
});

describe("kaohe check-rubric", () => {
  const base = {
    id: "t", name: "测试", version: "1", maxTotal: 10,
    indicators: [{ name: "计划生育率", type: "percent" }],
    items: [{ name: "计划生育率", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 0, points: 1 }] }],
  };

  it("reports warnings with their path and still accepts the rubric", () => {
    const f = path.join(dir, "warn.json");
    writeFileSync(f, JSON.stringify({ ...base, vetoes: [{ type: "totalBelow", value: 20 }] }));
    const r = kaohe(["check-rubric", f]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("提示: “计划生育率”的规则（位置 items.0.rules.0）永远不会扣分：“计划生育率”的取值范围是 0–100，任何取值都达到目标 0");
    expect(r.err).toContain("提示: 一票否决（位置 vetoes.0）对所有单位都会生效：总分最高只有 10 分，总是低于 20 分");
    expect(r.out).toContain("考核细则 t 有效（1 个考核项目，2 条提示）");
  });

  it("refuses an unknown rule type and a target written as text, each with its path", () => {
    const f = path.join(dir, "bad.json");
    writeFileSync(f, JSON.stringify({ ...base, items: [{ name: "计划生育率", max: 10, rules: [{ type: "percentBelow", indicator: "计划生育率" }, { type: "target", indicator: "计划生育率", target: "88%", points: 1 }] }] }));
    const r = kaohe(["check-rubric", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("考核细则位置 items.0.rules.0.type：不认识的规则类型“percentBelow”");
    expect(r.err).toContain("考核细则位置 items.0.rules.1.target：目标值“88%”不是数字");
  });
});
