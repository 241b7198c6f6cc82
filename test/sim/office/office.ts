/**
 * createOfficeSim(seed, options) → { Excel, Office, OfficeExtension, model, core, controls }.
 * - Excel.run(batch) / Excel.run(options, batch): a fresh RequestContext over the shared model;
 *   Excel.run(proxyObject | context, batch) reuses that object's context; once a run has finished its
 *   proxies refuse further calls with InvalidObjectPath (Office.js releases them); a batch function that
 *   does not return a promise is refused, as Office.js refuses it; pending actions are flushed by a final sync when the batch's promise resolves
 *   (Office.js does the same when it cleans up tracked objects); a rejected batch drops them.
 * - Office.onReady() → { host: "Excel", platform }; Office.context.displayLanguage;
 *   Office.context.requirements.isSetSupported(name, version) from `options.excelApi` (+ `options.sets`).
 * - OfficeExtension.Error is the class of every error the simulator raises.
 */
import { SimOfficeError } from "./errors";
import { createControls, type SimControls } from "./controls";
import { excelEnums } from "./excel-enums";
import type { WorkbookModel } from "./model";
import { SimClientResult, SimObject } from "./proxy/client-object";
import { SimContext, type SimRunOptions } from "./proxy/context";
import { SimCore, type SimConfig } from "./proxy/core";
import { Requirements } from "./requirements";
import { modelFromSeed, type SimSeed } from "./seed";

export interface SimOptions extends Partial<SimConfig> {
  /** Highest ExcelApi requirement set the host supports (default "1.20"). */
  excelApi?: string;
  /** Other requirement sets, e.g. { ExcelApiOnline: "1.1" }. */
  sets?: Record<string, string>;
  platform?: "PC" | "OfficeOnline" | "Mac" | "iOS" | "Universal";
  displayLanguage?: string;
}

type Batch<T> = (context: SimContext) => Promise<T>;

export interface OfficeSim {
  Excel: typeof excelEnums & {
    run<T>(a: Batch<T> | SimRunOptions | SimObject<unknown> | SimContext, b?: Batch<T>): Promise<T>;
    RequestContext: typeof SimContext;
  };
  Office: ReturnType<typeof makeOffice>;
  OfficeExtension: { Error: typeof SimOfficeError; ClientResult: typeof SimClientResult; ClientObject: typeof SimObject; ClientRequestContext: typeof SimContext; ErrorCodes: Record<string, string> };
  model: WorkbookModel;
  core: SimCore;
  controls: SimControls;
}

function makeOffice(requirements: Requirements, options: SimOptions) {
  const platform = options.platform ?? "PC";
  const info = { host: "Excel", platform };
  return {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    initialize: undefined as undefined | (() => void),
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      contentLanguage: options.displayLanguage ?? "zh-CN",
      platform,
      host: "Excel",
      diagnostics: { host: "Excel", platform, version: "16.0.0000.0000" },
      requirements: { isSetSupported: (name: string, version?: string | number): boolean => requirements.isSetSupported(name, version) },
    },
    actions: { associate: (): void => undefined },
  };
}

export function createOfficeSim(seed?: SimSeed, options: SimOptions = {}): OfficeSim {
  const model = modelFromSeed(seed);
  const requirements = new Requirements({ ExcelApi: options.excelApi ?? "1.20", ...(options.sets ?? {}) });
  const core = new SimCore(model, {
    year: options.year ?? new Date().getFullYear(),
    requestLimitBytes: options.requestLimitBytes ?? 5_000_000,
    actionOverheadBytes: options.actionOverheadBytes ?? 100,
    responseLimitBytes: options.responseLimitBytes ?? 5_000_000,
    maxReadCells: options.maxReadCells ?? 5_000_000,
  }, requirements);

  async function run<T>(a: Batch<T> | SimRunOptions | SimObject<unknown> | SimContext, b?: Batch<T>): Promise<T> {
    const batch = typeof a === "function" ? a : b;
    if (!batch) throw new SimOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    const context = a instanceof SimContext ? a : a instanceof SimObject ? a.context : new SimContext(core, typeof a === "function" ? {} : (a as SimRunOptions));
    context.closed = false;
    try {
      const returned: unknown = batch(context);
      if (!returned || typeof (returned as { then?: unknown }).then !== "function")
        throw new SimOfficeError("RunMustReturnPromise", 'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.', "Excel.run");
      const result = await (returned as Promise<T>);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }

  return {
    Excel: { ...excelEnums, run, RequestContext: SimContext },
    Office: makeOffice(requirements, options),
    OfficeExtension: { Error: SimOfficeError, ClientResult: SimClientResult, ClientObject: SimObject, ClientRequestContext: SimContext, ErrorCodes: {
      accessDenied: "AccessDenied", generalException: "GeneralException", activityLimitReached: "ActivityLimitReached",
      invalidObjectPath: "InvalidObjectPath", propertyNotLoaded: "PropertyNotLoaded", valueNotLoaded: "ValueNotLoaded",
      invalidRequestContext: "InvalidRequestContext", invalidArgument: "InvalidArgument", runMustReturnPromise: "RunMustReturnPromise",
      cannotRegisterEvent: "CannotRegisterEvent", apiNotFound: "ApiNotFound", connectionFailure: "ConnectionFailure",
    } },
    model,
    core,
    controls: createControls(core),
  };
}
