/**
 * A rubric's identity for reproducible results: id, name, version and the SHA-256 of its canonical
 * form — the validated document (defaults applied) as JSON with keys sorted, so the same rubric
 * written as YAML, JSON or a 评分细则 sheet hashes the same, and whitespace or key order never
 * matter while any changed number does. Each item and each other part has its own short hash, so a
 * re-score with a changed rubric can say what changed.
 */
import type { RubricDoc } from "./schema";
import { sha256Hex } from "./sha256";

/** The parts besides items whose change is named on its own. */
export type RubricPart = "vetoes" | "outcomes" | "indicators" | "composites" | "unitTargets" | "settings" | "description";
export const RUBRIC_PARTS: ReadonlyArray<RubricPart> = ["vetoes", "outcomes", "indicators", "composites", "unitTargets", "settings", "description"];
const PARTS = RUBRIC_PARTS;

/** What a result records of its rubric. Older records lack hash, items and parts. */
export interface RubricStamp {
  id: string;
  version: string;
  /** SHA-256 (64 hex digits) of the canonical document. */
  hash?: string;
  /** Each item's name and the first 16 hex digits of its canonical form's hash, in rubric order. */
  items?: [name: string, hash: string][];
  parts?: Partial<Record<RubricPart, string>>;
}

export interface RubricIdentity extends Required<RubricStamp> {
  name: string;
}

/** JSON with object keys sorted (UTF-16 order) and undefined members left out; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // -0 and 0 are the same figure; JSON.stringify already writes -0 as 0.
    return JSON.stringify(value) ?? "null";
  }
  // An undefined element is written null (canonicalJson(undefined) is "null"), as JSON.stringify does.
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    // An object's keys are distinct: no two compare equal.
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The canonical text hashed: `$schema` is where an editor finds the schema, not part of the rubric. */
export function canonicalRubric(doc: RubricDoc): string {
  const { $schema: _where, ...content } = doc;
  return canonicalJson(content);
}

const short = (value: unknown) => sha256Hex(canonicalJson(value)).slice(0, 16);

function partsOf(doc: RubricDoc): Record<RubricPart, string> {
  const settings = { mode: doc.mode, maxTotal: doc.maxTotal, bonusCap: doc.bonusCap, ranking: doc.ranking };
  const values: Record<RubricPart, unknown> = {
    vetoes: doc.vetoes, outcomes: doc.outcomes, indicators: doc.indicators, composites: doc.composites,
    unitTargets: doc.unitTargets ?? {}, settings,
    description: { name: doc.name, description: doc.description, source: doc.source },
  };
  return Object.fromEntries(PARTS.map((p) => [p, short(values[p])])) as Record<RubricPart, string>;
}

/** Every item with the section it sits in (moving an item to another section changes it). */
function itemsOf(doc: RubricDoc): [string, string][] {
  const all = [...(doc.items ?? []).map((it) => ({ section: "", it })), ...(doc.sections ?? []).flatMap((s) => s.items.map((it) => ({ section: s.name, it })))];
  return all.map(({ section, it }) => [it.name, short({ section, item: it })]);
}

const cache = new WeakMap<RubricDoc, RubricIdentity>();

/** The rubric's identity (worked out once per document). */
export function rubricIdentity(doc: RubricDoc): RubricIdentity {
  const known = cache.get(doc);
  if (known) return known;
  const identity: RubricIdentity = {
    id: doc.id, name: doc.name, version: doc.version, hash: sha256Hex(canonicalRubric(doc)), items: itemsOf(doc), parts: partsOf(doc),
  };
  cache.set(doc, identity);
  return identity;
}

/** The stamp a result records (identity without the display name). */
export function rubricStamp(doc: RubricDoc): Required<RubricStamp> {
  const { name: _name, ...stamp } = rubricIdentity(doc);
  return stamp;
}

/** What changed between the rubric of an earlier run and this one, both of the same id. */
export interface RubricChange {
  id: string;
  before: { version: string; hash: string };
  after: { version: string; hash: string };
  /** The content changed but the version did not: the author forgot to raise it. */
  sameVersion: boolean;
  added: string[];
  removed: string[];
  changed: string[];
  /** Other parts that changed: vetoes, outcomes … */
  parts: RubricPart[];
  /** The earlier record has no per-item hashes (an older Kaohe): only that the rules changed is known. */
  detailsUnknown: boolean;
}

/**
 * The change from `before` (an earlier run's record) to `after`; null when the rubric is another
 * one (another id), the same content, or the earlier record has no hash to compare with.
 */
export function rubricChange(before: RubricStamp | undefined, after: RubricStamp): RubricChange | null {
  if (!before?.hash || !after.hash || before.id !== after.id || before.hash === after.hash) return null;
  const change: RubricChange = {
    id: after.id,
    before: { version: before.version, hash: before.hash },
    after: { version: after.version, hash: after.hash },
    sameVersion: before.version === after.version,
    added: [], removed: [], changed: [], parts: [],
    detailsUnknown: !before.items || !before.parts || !after.items || !after.parts,
  };
  if (before.items && after.items) {
    const old = new Map(before.items);
    const now = new Map(after.items);
    for (const [name, hash] of after.items) {
      const was = old.get(name);
      if (was === undefined) change.added.push(name);
      else if (was !== hash) change.changed.push(name);
    }
    for (const [name] of before.items) if (!now.has(name)) change.removed.push(name);
  }
  if (before.parts && after.parts) {
    for (const p of PARTS) if (before.parts[p] !== undefined && before.parts[p] !== after.parts[p]) change.parts.push(p);
  }
  return change;
}
