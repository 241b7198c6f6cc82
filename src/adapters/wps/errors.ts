/** WPS errors as the pane's problems: plain words and the real cause, never a stack trace. */
import { issue, type Issue } from "../../core/issue";

/** Kaohe declined to go on (a check before writing): carries the problem to show. */
export class Refusal extends Error {
  constructor(readonly problem: Issue) {
    super(problem.code);
  }
}

export function wpsIssue(e: unknown, sheet = ""): Issue {
  if (e instanceof Refusal) return e.problem;
  const message = e instanceof Error ? e.message : String(e);
  return issue("host.failed", { detail: message }, { sheet });
}
