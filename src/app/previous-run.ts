/** What an earlier run left on the sheet, judged against its record: Kaohe's cells and the user's edits. */
import { compareOwned } from "../core/ownership/compare";
import type { Previous } from "../core/ownership/transaction";
import { ANY_CONTENT } from "../core/ownership/record";
import type { Snapshot } from "./pane-host";

export function previousRun(snap: Snapshot): Previous | undefined {
  const record = snap.token ? snap.state.sheets[snap.token]?.record : undefined;
  if (!record) return undefined;
  const area = snap.owned?.area ?? null;
  const ownership = compareOwned(record, area, snap.owned?.cells ?? []);
  // "*": a run that stopped part-way; its results sheet is Kaohe's whatever it holds.
  const expected = record.results?.fingerprint;
  const results = snap.results ? { name: snap.results.name, changed: expected !== ANY_CONTENT && expected !== snap.results.fingerprint } : null;
  return { record, area, ownership, results };
}
