/**
 * 以上/以下 include the stated figure (民法典 第1259条). A rubric whose own description says
 * "80分以下" but whose veto, laggard line or target leaves 80 out almost certainly misreads its
 * source, so the checker warns (the rubric still runs: the author may mean it).
 */
import { issue, type Issue } from "../issue";
import type { RubricDoc } from "./schema";

type Word = "以下" | "以上";

/** The figures a text puts before 以下 / 以上: "80分以下" → 80, "95%以上" → 95. */
export function statedFigures(text: string | undefined, word: Word): Set<number> {
  const out = new Set<number>();
  if (!text) return out;
  const re = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(?:分|%|％|‰)?\\s*${word}`, "g");
  for (const m of text.matchAll(re)) out.add(Number(m[1]));
  return out;
}

interface Comparison {
  value: number;
  word: Word;
  path: ReadonlyArray<string | number>;
  /** The descriptions that speak for this comparison: the rubric's, and the item's for a rule. */
  texts: ReadonlyArray<string | undefined>;
}

/** Every comparison of the rubric that leaves its figure out. */
function exclusiveComparisons(doc: RubricDoc): Comparison[] {
  const out: Comparison[] = [];
  doc.vetoes.forEach((v, i) => {
    if (v.type === "totalBelow" && !v.inclusive) out.push({ value: v.value, word: "以下", path: ["vetoes", i], texts: [doc.description] });
  });
  const lag = doc.outcomes.laggard;
  if (lag?.below !== undefined && !lag.inclusive) {
    out.push({ value: lag.below, word: "以下", path: ["outcomes", "laggard"], texts: [doc.description] });
  }
  const groups: { items: RubricDoc["items"]; path: ReadonlyArray<string | number> }[] = [{ items: doc.items, path: ["items"] }];
  doc.sections?.forEach((s, i) => groups.push({ items: s.items, path: ["sections", i, "items"] }));
  for (const g of groups) {
    g.items?.forEach((it, i) =>
      it.rules.forEach((r, j) => {
        if (r.type !== "target" || r.inclusive || typeof r.target !== "number") return;
        const word = r.direction === "atLeast" ? "以上" : "以下";
        out.push({ value: r.target, word, path: [...g.path, i, "rules", j], texts: [doc.description, it.description] });
      }),
    );
  }
  return out;
}

export function wordingWarnings(doc: RubricDoc): Issue[] {
  return exclusiveComparisons(doc)
    .filter((c) => c.texts.some((t) => statedFigures(t, c.word).has(c.value)))
    .map((c) =>
      issue("rubric.exclusiveWording", { figure: c.value, word: c.word, path: c.path.join(".") }, { path: c.path, severity: "warning" }),
    );
}
