/**
 * What the pane's use cases share: the host, the workbook's state and active sheet as last read, the
 * rubric choices and the last run. Every use case reads the workbook afresh (`refresh`) before acting.
 */
import type { Assessment } from "../core/assess";
import type { Result } from "../core/issue";
import type { WorkbookState } from "../core/ownership/record";
import type { Compiled } from "../core/rubric/compile";
import type { ColumnMapping } from "../core/table/layout";
import type { Catalog } from "../i18n";
import { EMPTY_STATE, type PaneHost, type Snapshot } from "./pane-host";
import { choicePreview, type Preview } from "./preview";
import { RubricChoices } from "./rubric-choices";
import { readSheetRubrics } from "./rubric-sheet";

export class PaneContext {
  state: WorkbookState = EMPTY_STATE;
  snapshot?: Snapshot;
  /** The last run of the active sheet; cleared by anything that makes it stale. */
  assessment?: Assessment;
  readonly choices = new RubricChoices();

  constructor(
    readonly host: PaneHost,
    public locale: Catalog,
    readonly clock: () => string,
  ) {}

  rubric(): Compiled {
    return this.choices.current(this.state.rubricId, this.snapshot?.grid);
  }

  /** The hand mappings of the active sheet for the current rubric. */
  mapping(): ColumnMapping {
    const token = this.snapshot?.token;
    return (token ? this.state.sheets[token] : undefined)?.mappings[this.rubric().rubric.id] ?? {};
  }

  preview(): Preview {
    return choicePreview(this.snapshot, this.choices, this.state.rubricId, this.mapping());
  }

  /** Read the sheet, the workbook's state and its 评分细则 sheets afresh: the user may have edited any since. */
  async refresh(grid = true): Promise<Result<Snapshot>> {
    let snap = await this.host.snapshot({ grid });
    if (!snap.ok) return snap;
    if (grid) {
      const read = await readSheetRubrics((names, limit) => this.host.readSheets(names, limit), snap.value.sheetNames, [snap.value.grid]);
      if (!read.ok) return read;
      this.choices.setSheets(read.value);
    }
    const data = this.choices.dataSheet(snap.value.grid.sheet, snap.value.sheetNames, this.snapshot?.grid.sheet);
    if (data !== undefined) {
      snap = await this.host.snapshot({ sheet: data, grid });
      if (!snap.ok) return snap;
    }
    if (grid) this.snapshot = snap.value;
    this.state = snap.value.state;
    this.choices.load(this.state.rubrics);
    return snap;
  }
}
