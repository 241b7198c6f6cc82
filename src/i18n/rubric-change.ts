/**
 * The rubric's identity and what changed in it since the workbook's last run, in words (the pane's
 * summary and the CLI say the same sentences).
 */
import type { RubricChange, RubricPart } from "../core/rubric/hash";
import type { Catalog, Locale } from "./catalog";

interface Words {
  /** "考核细则 community-2009，版本 1.0，校验码 3f2a…" */
  identity: (p: { id: string; version: string; hash: string }) => string;
  scoredAt: (at: string) => string;
  changed: (p: { id: string; from: string; to: string }) => string;
  sameVersion: (version: string) => string;
  added: (items: string) => string;
  removed: (items: string) => string;
  changedItems: (items: string) => string;
  parts: (parts: string) => string;
  unknown: string;
  part: Record<RubricPart, string>;
}

const ZH: Words = {
  identity: (p) => `考核细则 ${p.id}，版本 ${p.version}，校验码 ${p.hash}`,
  scoredAt: (at) => `评分时间 ${at}`,
  changed: (p) => `考核细则“${p.id}”与上次评分时不同（版本 ${p.from} → ${p.to}），评分规则已更改`,
  sameVersion: (v) => `注意：内容已改但版本号仍是 ${v}，请在细则中更新版本号`,
  added: (items) => `新增项目：${items}`,
  removed: (items) => `删除项目：${items}`,
  changedItems: (items) => `修改项目：${items}`,
  parts: (parts) => `另有更改：${parts}`,
  unknown: "上次评分的记录没有逐项校验码（由旧版 Kaohe 写入），无法列出具体改动",
  part: {
    vetoes: "一票否决", outcomes: "表彰/后进/进步奖/等次", indicators: "指标定义", composites: "综合指标",
    unitTargets: "各单位目标值", settings: "满分/加分上限/计分方式/排名分组", description: "名称和说明",
  },
};

const EN: Words = {
  identity: (p) => `Rubric ${p.id}, version ${p.version}, checksum ${p.hash}`,
  scoredAt: (at) => `Scored at ${at}`,
  changed: (p) => `Rubric "${p.id}" differs from the last run's (version ${p.from} → ${p.to}): the rules changed`,
  sameVersion: (v) => `Note: the content changed but the version is still ${v}; raise the rubric's version`,
  added: (items) => `Items added: ${items}`,
  removed: (items) => `Items removed: ${items}`,
  changedItems: (items) => `Items changed: ${items}`,
  parts: (parts) => `Also changed: ${parts}`,
  unknown: "The last run's record has no per-item checksums (an older Kaohe wrote it), so the changes cannot be listed",
  part: {
    vetoes: "vetoes", outcomes: "commendations/laggards/progress awards/grades", indicators: "indicator definitions",
    composites: "composite figures", unitTargets: "per-unit targets", settings: "full marks/bonus cap/mode/ranking groups",
    description: "name and description",
  },
};

const WORDS: Record<Locale, Words> = { "zh-CN": ZH, "en-US": EN };

/** The short form of a hash shown to people (the record and JSON keep all 64 digits). */
export const shortHash = (hash: string): string => hash.slice(0, 12);

export function rubricIdentityText(c: Catalog, r: { id: string; version: string; hash: string }): string {
  return WORDS[c.locale].identity({ id: r.id, version: r.version, hash: shortHash(r.hash) });
}

export function scoredAtText(c: Catalog, at: string): string {
  return WORDS[c.locale].scoredAt(at);
}

/** The change as sentences: the headline first, then what was added, removed and changed. `name` wraps each name from the rubric (bidi isolation in the pane). */
export function rubricChangeLines(c: Catalog, ch: RubricChange, name: (text: string) => string = (t) => t): string[] {
  const w = WORDS[c.locale];
  const names = (list: ReadonlyArray<string>) => c.list(list.map(name));
  const lines = [w.changed({ id: name(ch.id), from: name(ch.before.version), to: name(ch.after.version) })];
  if (ch.sameVersion) lines.push(w.sameVersion(name(ch.after.version)));
  if (ch.added.length) lines.push(w.added(names(ch.added)));
  if (ch.removed.length) lines.push(w.removed(names(ch.removed)));
  if (ch.changed.length) lines.push(w.changedItems(names(ch.changed)));
  if (ch.parts.length) lines.push(w.parts(c.list(ch.parts.map((p) => w.part[p]))));
  if (ch.detailsUnknown) lines.push(w.unknown);
  return lines;
}
