/** Office.js errors as the pane's problems: plain words, never a stack trace. */
import { issue, type Issue } from "../../core/issue";

export function officeIssue(e: unknown, sheet = ""): Issue {
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
  const message = e instanceof Error ? e.message : String(e);
  if (code === "InvalidOperationInCellEditMode") return issue("sheet.editing");
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return issue("table.tooLarge", { cells: "?", limit: "5 MB" }, { sheet });
  }
  if (code === "AccessDenied" && /protect/i.test(message)) return issue("sheet.protected", { sheet }, { sheet });
  return issue("host.failed", { detail: code ? `${code}: ${message}` : message }, { sheet });
}
