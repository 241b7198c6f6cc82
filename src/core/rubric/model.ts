/** The compiled rubric the engine runs: names normalised, formulas parsed, sections flattened. */
import type { Formula } from "../formula";
import type { ValueKind } from "../values";
import type { CompositeDoc, OutcomesDoc, RubricDoc, RuleDoc, TargetRef, VetoDoc } from "./schema";

export interface Indicator {
  name: string;
  key: string;
  kind: ValueKind;
  required: boolean;
  /** Every normalised header this indicator answers to (its name and aliases). */
  keys: ReadonlyArray<string>;
  derive?: Formula;
}

export type Rule = RuleDoc & { formula?: Formula };

export interface Item {
  name: string;
  section: string;
  max: number | undefined;
  bonus: boolean;
  rules: ReadonlyArray<Rule>;
  parts: ReadonlyArray<{ name: string; max: number }>;
}

export type Veto = VetoDoc & { formula?: Formula };

export interface Rubric {
  id: string;
  name: string;
  version: string;
  mode: "points" | "attainment";
  source?: string;
  maxTotal?: number;
  bonusCap?: number;
  indicators: ReadonlyArray<Indicator>;
  items: ReadonlyArray<Item>;
  vetoes: ReadonlyArray<Veto>;
  categoryColumn?: string;
  outcomes: OutcomesDoc;
  composites: ReadonlyArray<CompositeDoc>;
  /** normalised unit name → indicator key → target */
  unitTargets: ReadonlyMap<string, ReadonlyMap<string, number>>;
  doc: RubricDoc;
}

export type { TargetRef };

export function findIndicator(rubric: Rubric, name: string, normalize: (s: string) => string): Indicator | undefined {
  const key = normalize(name);
  return rubric.indicators.find((i) => i.keys.includes(key));
}
