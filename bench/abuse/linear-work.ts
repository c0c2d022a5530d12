/**
 * How a function's work grows with its input, from its own timings (a benchmark, not a pass/fail test): the least
 * of three runs at n and at 4n characters. Linear work takes about 4× as long, quadratic work about 16×; past 10×
 * (generous for GC and a loaded machine) it is reported as super-linear, and a large-input time under FLOOR_MS
 * counts as no work worth measuring.
 */
export const SMALL = 25_000;
export const LARGE = 100_000;
const RUNS = 3;
const FLOOR_MS = 40;
export const MAX_RATIO = 10;

export interface Scaling {
  smallMs: number;
  largeMs: number;
  ratio: number;
  linear: boolean;
}

/**
 * The least of RUNS runs, each the lesser of its wall time and the CPU time this process spent on it: on a loaded
 * machine the scheduler's waits inflate the wall time of one run (another process holds the core), never the work
 * done, so a linear function no longer looks quadratic when the other core's tests start processes meanwhile.
 */
function fastest(fn: (text: string) => unknown, text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    fn(text);
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    best = Math.min(best, wall, (cpu.user + cpu.system) / 1000);
  }
  return best;
}

export function scaling(fn: (text: string) => unknown, shape: (n: number) => string): Scaling {
  fn(shape(1000)); // warm-up: compile the regexes and the code around them
  let result = measure(fn, shape, SMALL, LARGE);
  // A garbage collection or a busy machine can make one pair look super-linear: a suspect is measured again on
  // pairs twice and four times as large, and only growth seen every time counts. Quadratic work grows about 16×
  // per pair, every time.
  for (const factor of [2, 4]) {
    if (result.linear || result.largeMs > CONFIRM_BELOW_MS) return result;
    const again = measure(fn, shape, SMALL * factor, LARGE * factor);
    if (again.linear) return again;
    result = { ...result, ratio: Math.min(result.ratio, again.ratio) };
  }
  return result;
}

/** Past this at 100,000 characters the function is slow enough to report without a second look. */
const CONFIRM_BELOW_MS = 500;

function measure(fn: (text: string) => unknown, shape: (n: number) => string, small: number, large: number): Scaling {
  const smallMs = fastest(fn, shape(small));
  const largeMs = fastest(fn, shape(large));
  const ratio = largeMs / Math.max(smallMs, 0.05);
  return { smallMs, largeMs, ratio, linear: largeMs < FLOOR_MS || ratio <= MAX_RATIO };
}
