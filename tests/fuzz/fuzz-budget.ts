/**
 * Shared bounds of the fuzz suite (issue 15): how many cases each entry point gets, and the longest a single case
 * may hold the event loop. FUZZ_SCALE multiplies the counts for a longer run (`FUZZ_SCALE=10 npx vitest run
 * tests/fuzz`); CI runs the default, at least 5,000 cases in all. Failures print fast-check's seed and path.
 */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
export const runs = (n: number) => Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
export const MAX_BLOCK_MS = 200;

/**
 * How long a stretch held the event loop: its wall time, but never more than the CPU time the process spent in it.
 * Our code can only hold the loop by working; a wall-clock gap the process spent waiting for a core (a loaded CI
 * machine running other test files) is the scheduler's, not a block. Process CPU counts every thread, so this
 * still over-counts the main thread, never under-counts it.
 */
export class BlockClock {
  private wall = performance.now();
  private cpu = process.cpuUsage();
  /** Milliseconds the loop may have been held since the last call (or construction), and starts a new stretch. */
  lap(): number {
    const wall = performance.now();
    const cpu = process.cpuUsage(this.cpu);
    const held = Math.min(wall - this.wall, (cpu.user + cpu.system) / 1000);
    this.wall = wall;
    this.cpu = process.cpuUsage();
    return held;
  }
}

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
