/**
 * Errors shaped like OfficeExtension.Error (name "RichApi.Error", `code`, `message`, `debugInfo`), with the
 * codes of Excel.ErrorCodes in @types/office-js plus the two payload-limit codes from Microsoft's
 * "Resource limits and performance optimization for Office Add-ins" page.
 */
export type SimErrorCode =
  | "AccessDenied" | "ApiNotFound" | "GeneralException" | "InvalidArgument" | "InvalidOperation"
  | "InvalidOperationInCellEditMode" | "InvalidReference" | "ItemAlreadyExists" | "ItemNotFound"
  | "NonBlankCellOffSheet" | "PropertyNotLoaded" | "RangeExceedsLimit" | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded" | "MergedRangeConflict" | "InvalidObjectPath" | "InvalidRequestContext"
  | "RunMustReturnPromise" | "ValueNotLoaded";

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class SimOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode = 400;

  constructor(readonly code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

export function fail(code: SimErrorCode, message: string, location?: string): never {
  throw new SimOfficeError(code, message, location);
}

/** ClientResult.value read before its sync. */
export function valueNotLoaded(): SimOfficeError {
  return new SimOfficeError("ValueNotLoaded", 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
}

/** The message real Office.js gives when a property is read without load + sync. */
export function notLoaded(property: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
