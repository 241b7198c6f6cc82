/**
 * OfficeExtension.EventHandlers: `add(handler)` registers at the next sync and returns an
 * EventHandlerResult whose `remove()` unregisters at the sync after. Handlers are called asynchronously
 * after the sync or user action that raised the event (real Excel delivers events asynchronously too).
 * Modelled events (learn.microsoft.com "Work with events using the Excel JavaScript API"):
 * WorksheetCollection/Worksheet onSelectionChanged, onActivated, onChanged; WorksheetCollection
 * onAdded, onDeleted. Args carry `type`, `worksheetId`, `address` (no sheet prefix), `source: "Local"`.
 */
import { fail } from "./errors";
import type { SimContext } from "./proxy/context";
import type { SimEventHandler } from "./proxy/core";

export class SimEventHandlerResult {
  constructor(readonly context: SimContext, private readonly channel: () => string, private readonly handler: SimEventHandler) {}

  remove(): void {
    this.context.enqueue({ label: "EventHandlerResult.remove", write: false, run: () => this.context.core.off(this.channel(), this.handler) });
  }
}

export class SimEventHandlers {
  /** `channel` is evaluated at sync (it may need the sheet's identity); `member` gates the API version. */
  constructor(private readonly context: SimContext, private readonly channel: () => string, private readonly member: string) {}

  add(handler: (args: never) => unknown): SimEventHandlerResult {
    const h = handler as SimEventHandler;
    this.context.enqueue({
      label: `${this.member}.add`, write: false,
      run: () => {
        const v = this.context.core.requirements.missing(this.member);
        if (v !== null) fail("ApiNotFound", `${this.member} needs ExcelApi ${v}.`, this.member);
        this.context.core.on(this.channel(), h);
      },
    });
    return new SimEventHandlerResult(this.context, this.channel, h);
  }
}

/** Channel names: `*:<Event>` for the worksheet collection, `<sheetUid>:<Event>` for one sheet. */
export const channel = (scope: "*" | number, event: string): string => `${scope}:${event}`;

/** Raise an event on a sheet: its own handlers and the collection's. */
export function raise(core: { emit(c: string, a: Record<string, unknown>): void }, sheetUid: number, event: string, args: Record<string, unknown>): void {
  core.emit(channel(sheetUid, event), args);
  core.emit(channel("*", event), args);
}
