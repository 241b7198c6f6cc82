/** What a queued action is, and where the values a sync loads wait until the sync succeeds. */
import { utf8Bytes } from "./bytes";

export interface Stage {
  bytes: number;
  commits: Array<() => void>;
}

export interface Action {
  label: string;
  /** Changes the document (counts for undo). */
  write: boolean;
  /** What the request carries for this action (values, formulas, xml…), measured for the request limit. */
  request?: unknown;
  run(stage: Stage): void;
}

export interface SimRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export function stageValue(stage: Stage, value: unknown, commit: () => void): void {
  stage.bytes += utf8Bytes(value);
  stage.commits.push(commit);
}

