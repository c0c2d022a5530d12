import { ENTRY_POINTS, WORST_SHAPES } from "../../tests/helpers/user-text-regexes.js";
import { LARGE, MAX_RATIO, SMALL, scaling } from "./linear-work.js";

/**
 * Part 3 of `npm run bench -- abuse`: how the work of every function that runs regexes over user text grows, from
 * 25,000 to 100,000 characters of each worst shape (the timing the pass/fail test of regex shapes leaves out).
 * One row per function, with its steepest shape.
 */
export function printRegexScaling(only?: string[]): void {
  console.log(
    `\n3. Regex work per user-text function, ${SMALL / 1000}k → ${LARGE / 1000}k characters of each worst shape ` +
      `(least of 3 runs of min(wall, CPU); linear ≈ 4×, quadratic ≈ 16×, reported super-linear past ${MAX_RATIO}×):`,
  );
  console.log("| function | steepest shape | at 25k | at 100k | ratio | |\n|---|---|---|---|---|---|");
  for (const [name, fn] of Object.entries(ENTRY_POINTS)) {
    if (only && !only.some((o) => name.includes(o))) continue;
    const rows = Object.entries(WORST_SHAPES).map(([shape, make]) => ({ shape, ...scaling(fn, make) }));
    const worst = rows.reduce((a, b) => (b.largeMs > a.largeMs ? b : a));
    const slow = rows.filter((r) => !r.linear).map((r) => r.shape);
    console.log(
      `| ${name} | ${worst.shape} | ${worst.smallMs.toFixed(1)} ms | ${worst.largeMs.toFixed(1)} ms | ` +
        `${worst.ratio.toFixed(1)}× | ${slow.length ? `**super-linear: ${slow.join(", ")}**` : "linear"} |`,
    );
  }
}
