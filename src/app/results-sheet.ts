/** The results sheet's name: Kaohe's own from an earlier run, else the first of 考核明细, 考核明细 (2) … not taken by a sheet of the user's. */
export function pickResultsSheet(base: string, taken: ReadonlySet<string>, previous?: string): string {
  if (previous) return previous;
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? base : `${base} (${i})`;
    if (!taken.has(name)) return name;
  }
  return `${base} (kaohe)`;
}
