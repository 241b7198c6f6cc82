/** How Kaohe recognises what it wrote earlier, in any locale: output headers and results-sheet titles. */
import { ownedHeaderTexts } from "../core/plan/write-plan";
import type { Compiled } from "../core/rubric/compile";
import { catalog, texts } from "../i18n";
import { builtinRubrics } from "./rubrics";

const ALL_TEXTS = [texts(catalog("zh-CN")), texts(catalog("en-US"))];

/** A1 of Kaohe's results sheets. */
export const RESULTS_TITLES: ReadonlySet<string> = new Set(ALL_TEXTS.map((t) => t.label("resultsTitle")));

/** Output headers of every locale plus the composite columns of the built-ins and `extra` rubrics. */
export function ownedHeaders(extra: ReadonlyArray<Compiled>): Set<string> {
  return ownedHeaderTexts(ALL_TEXTS, [...builtinRubrics(), ...extra].flatMap((c) => c.rubric.composites.map((x) => x.name)));
}
