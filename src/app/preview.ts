/** What the pane shows before scoring: the table it found and how each indicator maps to a column. */
import { columnLetter } from "../core/grid";
import type { Issue } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import { locateTable, type ColumnMapping } from "../core/table/layout";
import { unusedColumnWarnings } from "../core/table/unused-columns";
import { isBuiltin } from "./rubric-registry";
import type { Snapshot } from "./pane-host";
import type { RubricChoices } from "./rubric-choices";
import { sheetChoiceId, sheetProblems } from "./rubric-sheet";

export interface MappingRow {
  indicator: string;
  required: boolean;
  /** Column letter the indicator reads, or null when it has none. */
  column: string | null;
  header: string | null;
  /** Derived from other columns (no column needed). */
  derived: boolean;
  /** False for optional inputs of a derivation whose result has its own column: nothing to map. */
  needed: boolean;
  manual: boolean;
}

export interface Preview {
  sheet: string;
  headerRow: number | null;
  unitColumn: string | null;
  rubricId: string;
  rows: MappingRow[];
  headers: { letter: string; text: string }[];
  issues: Issue[];
}

export function previewOf(snap: Snapshot | undefined, compiled: Compiled, manual: ColumnMapping): Preview {
  const base: Preview = { sheet: snap?.grid.sheet ?? "", headerRow: null, unitColumn: null, rubricId: compiled.rubric.id, rows: [], headers: [], issues: [] };
  if (!snap) return base;
  const located = locateTable(snap.grid, compiled.rubric, manual, snap.owned?.area ?? undefined);
  const part = located.partial;
  const headers = part?.headers ?? [];
  const rows: MappingRow[] = compiled.rubric.indicators.map((ind) => {
    const col = part?.columns.get(ind.key);
    const status = part?.status.get(ind.key) ?? "missing";
    return {
      indicator: ind.name,
      required: ind.required,
      column: col === undefined ? null : columnLetter(col),
      header: col === undefined ? null : (headers.find((h) => h.col === col)?.text ?? null),
      derived: status === "derived",
      needed: status !== "unneeded",
      manual: ind.name in manual,
    };
  });
  return {
    ...base,
    headerRow: part ? part.headerRow + 1 : null,
    unitColumn: located.layout ? columnLetter(located.layout.unitCol) : null,
    rows,
    headers: headers.map((h) => ({ letter: columnLetter(h.col), text: h.text })),
    // An imported rubric's own warnings (the built-ins' are known) and mapped columns nothing reads.
    issues: [
      ...(isBuiltin(compiled.rubric.id) ? [] : compiled.warnings),
      ...located.issues,
      ...(part ? unusedColumnWarnings(snap.grid.sheet, part, compiled.rubric) : []),
    ],
  };
}

/**
 * The preview for the chosen rubric. A 评分细则 sheet's own problems come first, each on its cell;
 * with errors on it there is nothing to map yet.
 */
export function choicePreview(snap: Snapshot | undefined, choices: RubricChoices, rubricId: string | undefined, manual: ColumnMapping): Preview {
  const compiled = choices.current(rubricId, snap?.grid);
  const on = choices.onSheet(rubricId);
  if (!on) return previewOf(snap, compiled, manual);
  const base = previewOf(snap, compiled, on.rubric.ok ? manual : {});
  const own = sheetProblems(on.rubric);
  const id = sheetChoiceId(on.sheet);
  return on.rubric.ok ? { ...base, rubricId: id, issues: [...own, ...base.issues] } : { ...base, rubricId: id, rows: [], issues: own };
}
