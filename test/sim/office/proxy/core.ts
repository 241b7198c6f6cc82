/**
 * State shared by every Excel.run of one simulator: the model, the configuration, the sync counter and
 * batch log (for sync-budget and transaction tests), event handlers, and the cell-edit-mode gate.
 */
import type { WorkbookModel } from "../model";
import type { Requirements } from "../requirements";
import type { SimErrorCode } from "../errors";

export interface SimConfig {
  /** Year used for dates typed without one ("4/5"). */
  year: number;
  /** Excel's 5 MB request/response limits, in UTF-8 bytes of the JSON payload. */
  requestLimitBytes: number;
  /** Bytes each queued action adds to a request besides its data (its action and object-path records). */
  actionOverheadBytes: number;
  responseLimitBytes: number;
  /** Reads of more cells than this fail with RangeExceedsLimit. */
  maxReadCells: number;
}

export interface BatchLog {
  run: number;
  sync: number;
  actions: string[];
  ok: boolean;
  error?: string;
  requestBytes: number;
  responseBytes: number;
}

export type SimEventHandler = (args: Record<string, unknown>) => unknown;

export class SimCore {
  syncCount = 0;
  runCount = 0;
  readonly batches: BatchLog[] = [];
  /** Faults the test arranged: the next action with this label fails with this error (see controls.failNext). */
  readonly faults: Array<{ label: string; code: SimErrorCode; message: string }> = [];
  /** Faults the test arranged: the next action with this label is accepted and does nothing (see controls.dropNext). */
  readonly drops: string[] = [];
  /** Faults the test arranged: a cell the next Range.clear over it leaves as it is (see controls.holdOnClear). */
  readonly held: Array<{ sheetUid: number; row: number; col: number }> = [];
  private readonly handlers = new Map<string, Set<SimEventHandler>>();
  private readonly pendingEvents: Array<[string, Record<string, unknown>]> = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private editWaiters: Array<() => void> = [];

  constructor(readonly model: WorkbookModel, readonly config: SimConfig, readonly requirements: Requirements) {}

  on(channel: string, h: SimEventHandler): void {
    (this.handlers.get(channel) ?? this.handlers.set(channel, new Set()).get(channel))?.add(h);
  }

  off(channel: string, h: SimEventHandler): void {
    this.handlers.get(channel)?.delete(h);
  }

  /** Queue an event; handlers run after the current sync or user action completes. */
  emit(channel: string, args: Record<string, unknown>): void {
    this.pendingEvents.push([channel, args]);
  }

  flushEvents(): void {
    const events = this.pendingEvents.splice(0);
    for (const [channel, args] of events)
      for (const h of [...(this.handlers.get(channel) ?? [])]) {
        const p = Promise.resolve().then(() => h(args)).catch(() => undefined);
        this.inFlight.add(p);
        void p.finally(() => this.inFlight.delete(p));
      }
  }

  /** Resolves once every event handler started so far (and those they caused) has finished. */
  async settle(): Promise<void> {
    for (let i = 0; i < 100 && this.inFlight.size > 0; i++) {
      await Promise.all([...this.inFlight]);
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  untilEditModeEnds(): Promise<void> {
    return this.model.cellEditMode ? new Promise((r) => this.editWaiters.push(r)) : Promise.resolve();
  }

  setEditMode(on: boolean): void {
    this.model.cellEditMode = on;
    if (!on) for (const w of this.editWaiters.splice(0)) w();
  }

  /** One undo entry, unless this run merges its syncs into one group that is already recorded. */
  recordUndo(): void {
    this.model.undo.depth++;
  }

  clearUndo(): void {
    this.model.undo.depth = 0;
    this.model.undo.clears++;
  }
}
