/**
 * RequestContext with Office.js batching: proxy calls queue actions; `sync()` runs them in order against
 * the model. Modelled (learn.microsoft.com "Call Excel JavaScript APIs" / OfficeExtension.ClientRequestContext
 * and "Resource limits and performance optimization for Office Add-ins"):
 * - a failing action rejects the sync; actions before it stay applied (there is no rollback), later ones
 *   do not run, and no loaded value of that batch is delivered;
 * - while the user edits a cell every batch fails with InvalidOperationInCellEditMode, unless the run
 *   was started with `delayForCellEdit: true` (ExcelApi 1.11), which waits until edit mode ends;
 * - a request whose writes exceed 5 MB (UTF-8 JSON of the written data, plus `actionOverheadBytes` per
 *   queued action for the action and object-path records Office.js sends with it) fails before anything runs
 *   (RequestPayloadSizeLimitExceeded); a response whose loaded values exceed 5 MB fails after the
 *   writes ran (ResponsePayloadSizeLimitExceeded);
 * - each sync that changed something is one undo entry, or one per run with `mergeUndoGroup` (ExcelApi 1.20;
 *   on an older host that option makes the first sync fail with ApiNotFound).
 */
import { SimOfficeError } from "../errors";
import { SimWorkbook } from "../workbook";
import { utf8Bytes } from "./bytes";
import type { Action, SimRunOptions, Stage } from "./stage";

export type { Action, SimRunOptions, Stage } from "./stage";
export { stageValue } from "./stage";
import type { BatchLog, SimCore } from "./core";

export class SimContext {
  readonly workbook: SimWorkbook;
  get application(): SimWorkbook["application"] {
    return this.workbook.application;
  }
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly runIndex: number;
  private queue: Action[] = [];
  private undoRecorded = false;

  constructor(readonly core: SimCore, readonly options: SimRunOptions) {
    this.runIndex = ++core.runCount;
    this.workbook = new SimWorkbook(this);
  }

  /** Set when its Excel.run has finished: proxies of a finished run cannot be used any more. */
  closed = false;

  enqueue(action: Action): void {
    if (this.closed) throw new SimOfficeError("InvalidObjectPath", `The object (${action.label}) belongs to an Excel.run that has finished; get it again inside the current Excel.run.`, action.label);
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue.splice(0);
    const core = this.core;
    const log: BatchLog = { run: this.runIndex, sync: ++core.syncCount, actions: actions.map((a) => a.label), ok: false, requestBytes: 0, responseBytes: 0 };
    core.batches.push(log);
    await Promise.resolve();
    if (actions.length === 0) {
      log.ok = true;
      return passThroughValue as T;
    }
    const fail = (e: unknown, location: string): SimOfficeError => {
      const err = e instanceof SimOfficeError ? e
        : new SimOfficeError("GeneralException", e instanceof Error ? e.message : String(e), location);
      if (err.debugInfo.errorLocation === undefined) err.debugInfo.errorLocation = location;
      log.error = err.code;
      return err;
    };
    if (core.model.cellEditMode) {
      if (this.options.delayForCellEdit === true && core.requirements.missing("RunOptions.delayForCellEdit") === null) await core.untilEditModeEnds();
      else throw fail(new SimOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."), "RequestContext.sync");
    }
    if (this.options.mergeUndoGroup === true && core.requirements.missing("RunOptions.mergeUndoGroup") !== null)
      throw fail(new SimOfficeError("ApiNotFound", "The API you are trying to use could not be found (RunOptions.mergeUndoGroup needs ExcelApi 1.20)."), "Excel.run");
    log.requestBytes = actions.reduce((n, a) => n + core.config.actionOverheadBytes + (a.request === undefined ? 0 : utf8Bytes(a.request)), 0);
    if (log.requestBytes > core.config.requestLimitBytes)
      throw fail(new SimOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${log.requestBytes} bytes).`), "RequestContext.sync");
    const stage: Stage = { bytes: 0, commits: [] };
    const clearsBefore = core.model.undo.clears;
    let wrote = false;
    try {
      for (const a of actions) {
        try {
          const fault = core.faults.findIndex((f) => f.label === a.label);
          if (fault >= 0) {
            const [f] = core.faults.splice(fault, 1);
            if (f) throw new SimOfficeError(f.code, f.message, a.label);
          }
          const drop = core.drops.indexOf(a.label);
          if (drop >= 0) {
            core.drops.splice(drop, 1);
            continue;
          }
          a.run(stage);
        } catch (e) {
          throw fail(e, a.label);
        }
        wrote ||= a.write;
      }
    } finally {
      if (wrote && core.model.undo.clears === clearsBefore && !(this.options.mergeUndoGroup === true && this.undoRecorded)) {
        core.recordUndo();
        this.undoRecorded = true;
      }
      core.flushEvents();
    }
    log.responseBytes = stage.bytes;
    if (stage.bytes > core.config.responseLimitBytes)
      throw fail(new SimOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${stage.bytes} bytes).`), "RequestContext.sync");
    for (const c of stage.commits) c();
    log.ok = true;
    return passThroughValue as T;
  }
}
