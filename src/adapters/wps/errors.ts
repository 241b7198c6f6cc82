/** WPS errors as the pane's problems: plain words and the real cause, never a stack trace. */
import { issue, type Issue } from "../../core/issue";
import { Refusal } from "../../app/pane-host";

export function wpsIssue(e: unknown, sheet = ""): Issue {
  if (e instanceof Refusal) return e.problem;
  const message = e instanceof Error ? e.message : String(e);
  return issue("host.failed", { detail: message }, { sheet });
}
