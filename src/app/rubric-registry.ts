/** The rubrics the pane offers: the built-ins, then those imported into this workbook. */
import type { Grid } from "../core/grid";
import { compileRubric, type Compiled } from "../core/rubric/compile";
import { locateTable } from "../core/table/layout";
import { builtinRubrics } from "./rubrics";

export interface RubricChoice {
  id: string;
  name: string;
  fromWorkbook: boolean;
  /** A rubric written on a 评分细则 sheet of the workbook: the sheet's name. */
  sheet?: string;
  /** That sheet's errors (it cannot be scored with until they are fixed). */
  problems?: number;
}

export class RubricRegistry {
  private fromWorkbook: Compiled[] = [];

  /** Re-read the workbook's imported rubric documents (the user may have changed them elsewhere). */
  load(docs: ReadonlyArray<unknown>): void {
    this.fromWorkbook = [];
    for (const doc of docs) {
      const c = compileRubric(doc);
      if (c.ok && !isBuiltin(c.value.rubric.id)) this.fromWorkbook.push(c.value);
    }
  }

  choices(): RubricChoice[] {
    return [
      ...builtinRubrics().map((c) => ({ id: c.rubric.id, name: c.rubric.name, fromWorkbook: false })),
      ...this.fromWorkbook.map((c) => ({ id: c.rubric.id, name: c.rubric.name, fromWorkbook: true })),
    ];
  }

  find(id: string | undefined): Compiled | undefined {
    return [...this.fromWorkbook, ...builtinRubrics()].find((c) => c.rubric.id === id);
  }

  /** The rubric whose indicators the sheet's headers answer best. */
  bestMatch(grid: Grid | undefined): Compiled {
    const all = [...this.fromWorkbook, ...builtinRubrics()];
    let best = all[0] as Compiled;
    let bestScore = -1;
    for (const c of all) {
      const found = grid ? locateTable(grid, c.rubric).partial?.columns.size ?? 0 : 0;
      const score = found / Math.max(1, c.rubric.indicators.filter((i) => i.required).length);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }
}

export const isBuiltin = (id: string): boolean => builtinRubrics().some((b) => b.rubric.id === id);
