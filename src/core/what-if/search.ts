/**
 * The smallest move of one value that meets each goal, by re-assessing: both directions are walked
 * out in doubling steps (1, 2, 4 … display steps) until every goal is met somewhere, then each goal's
 * boundary is found by bisection between the last value that missed it and the first that met it.
 * Nothing is assumed about which way is better (a range such as 性别比 103–107 is met from either
 * side): a direction is walked until a value leaves the unit worse off than it is now (a lower total,
 * or vetoed where it was not) — rules that punish a move further the further it goes are not searched
 * beyond their first worse value — and not at all when its far end leaves the unit worse off or
 * changes nothing in the whole run (a rate already above its target, moved further up). A move that makes the unit incomplete (a value past what the rubric
 * accepts) is a wall: the walk stops at the last value the engine accepts.
 */
import type { Lattice } from "./lattice";

export interface ProbeResult {
  /** Which goals the re-assessed unit meets, by index. */
  met: ReadonlyArray<boolean>;
  /** The unit could be assessed with this value. */
  valid: boolean;
  /** The unit stands worse than where it is now (lower total, or a worse status). */
  worse: boolean;
  /** Nothing in the run changed: every unit's standing and this unit's every item and reason are as they are now. */
  unchanged: boolean;
}

/** Re-assess with `value`; null when the budget of re-assessments is spent. */
export type Probe = (value: number) => ProbeResult | null;

export interface Found {
  to: number;
  /** The value one display step back towards where it was was tried and misses the goal. */
  exact: boolean;
}

interface Bracket {
  dir: 1 | -1;
  miss: number;
  hit: number;
}

type Dir = 1 | -1;

/** Bisect [miss, hit] for goal g: the smallest offset that meets it, or the best known when the budget runs out. */
function narrow(lattice: Lattice, probe: Probe, g: number, b: Bracket): { offset: number; exact: boolean } {
  let { miss, hit } = b;
  while (hit - miss > 1) {
    const mid = Math.floor((miss + hit) / 2);
    const r = probe(lattice.at(b.dir, mid));
    if (!r) return { offset: hit, exact: false };
    if (r.met[g]) hit = mid;
    else miss = mid;
  }
  return { offset: hit, exact: true };
}

/** The last offset the engine accepts between a valid one and an invalid one (null: budget spent). */
function wall(lattice: Lattice, probe: Probe, dir: Dir, valid: number, invalid: number): number | null {
  while (invalid - valid > 1) {
    const mid = Math.floor((valid + invalid) / 2);
    const r = probe(lattice.at(dir, mid));
    if (!r) return null;
    if (r.valid) valid = mid;
    else invalid = mid;
  }
  return valid;
}

/** For each goal (by index), the smallest change found, or null. `goals` goals are unmet where the value is now. */
export function searchValue(lattice: Lattice, goals: number, probe: Probe): { found: (Found | null)[]; spent: boolean } {
  const limit: Record<Dir, number> = { 1: lattice.up, [-1]: lattice.down };
  const last: Record<Dir, number> = { 1: 0, [-1]: 0 };
  const done: Record<Dir, boolean> = { 1: lattice.up === 0, [-1]: lattice.down === 0 };
  const brackets: Bracket[][] = Array.from({ length: goals }, () => []);
  const settled = new Array<boolean>(goals).fill(false);
  let spent = false;

  // The far end first (the last value the engine accepts): a direction whose far end leaves the unit
  // worse off, or changes nothing in the whole run, is not walked.
  for (const dir of [1, -1] as const) {
    if (done[dir] || spent) continue;
    let r = probe(lattice.at(dir, limit[dir]));
    if (r && !r.valid) {
      const edge = wall(lattice, probe, dir, 0, limit[dir]);
      if (edge === null) r = null;
      else if (edge === 0) {
        done[dir] = true;
        continue;
      } else {
        limit[dir] = edge;
        r = probe(lattice.at(dir, edge));
      }
    }
    if (!r) spent = true;
    else if (!r.met.some(Boolean) && (r.worse || r.unchanged)) done[dir] = true;
  }

  for (let step = 1; !spent && !(done[1] && done[-1]) && settled.some((s) => !s); step *= 2) {
    for (const dir of [1, -1] as const) {
      if (done[dir]) continue;
      let offset = Math.min(step, limit[dir]);
      let r = probe(lattice.at(dir, offset));
      if (!r) {
        spent = true;
        break;
      }
      if (!r.valid) {
        const edge = wall(lattice, probe, dir, last[dir], offset);
        done[dir] = true;
        if (edge === null) {
          spent = true;
          break;
        }
        if (edge === last[dir]) continue;
        offset = edge;
        r = probe(lattice.at(dir, offset));
        if (!r) {
          spent = true;
          break;
        }
      }
      for (let g = 0; g < goals; g++) if (!settled[g] && r.met[g]) brackets[g]?.push({ dir, miss: last[dir], hit: offset });
      last[dir] = offset;
      if (offset >= limit[dir] || (r.worse && !r.met.some(Boolean))) done[dir] = true;
    }
    // A goal met at this distance in either direction is settled: anything further away is a larger change.
    for (let g = 0; g < goals; g++) if (brackets[g]?.length) settled[g] = true;
  }

  const found = brackets.map((list, g): Found | null => {
    let best: { to: number; distance: number; exact: boolean } | null = null;
    for (const b of list) {
      const n = narrow(lattice, probe, g, b);
      const to = lattice.at(b.dir, n.offset);
      const distance = n.offset;
      if (!n.exact) spent = true;
      if (!best || distance < best.distance) best = { to, distance, exact: n.exact };
    }
    return best && { to: best.to, exact: best.exact };
  });
  return { found, spent };
}
