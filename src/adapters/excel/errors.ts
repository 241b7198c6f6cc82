/** Office.js errors as the pane's problems: plain words and the real cause, never a stack trace. */
import { issue, type Issue } from "../../core/issue";
import { Refusal } from "../../app/pane-host";

export const officeCode = (e: unknown): string => (typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "");

export function officeIssue(e: unknown, sheet = ""): Issue {
  if (e instanceof Refusal) return e.problem;
  const code = officeCode(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code === "InvalidOperationInCellEditMode") return issue("sheet.editing", {});
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return issue("table.tooLarge", { cells: "?", limit: "5 MB" }, { sheet });
  }
  return issue("host.failed", { detail: code ? `${code}: ${message}` : message }, { sheet });
}
