/**
 * Shared budget of the fuzz suite (issue 15): how many cases each entry point gets. How long a case holds the event
 * loop is timed by `npm run bench -- abuse` (part 4), not asserted here. FUZZ_SCALE multiplies the counts for a
 * longer run (`FUZZ_SCALE=10 npx vitest run tests/fuzz`); CI runs the default, at least 5,000 cases in all.
 * Failures print fast-check's seed and path.
 */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
export const runs = (n: number) => Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
/** Counts printed at the end of each fuzz file, so a CI log shows how much was tried. */
export const counted = new Map<string, number>();
export function count(name: string): void {
  counted.set(name, (counted.get(name) ?? 0) + 1);
}
export function report(file: string): void {
  const total = [...counted.values()].reduce((a, b) => a + b, 0);
  const parts = [...counted].map(([k, v]) => `${k} ${v}`).join(", ");
  console.log(`fuzz ${file}: ${total} cases (${parts})`);
}
