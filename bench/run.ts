/**
 * `npm run bench -- NAME` runs bench/NAME.ts; without a name it lists them. Benchmarks print their numbers;
 * bench/README.md keeps the last measured ones with the command and the machine. Arguments from the first one that
 * starts with "-" are passed to every named benchmark: `npm run bench -- qa-quality --set dev --verbose`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.replace(/\.ts$/, ""));
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith("-"));
const wanted = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
if (wanted.length === 0) {
  console.log(`benchmarks: ${names.join(", ")}\nrun one: npm run bench -- NAME`);
  process.exit(0);
}
for (const name of wanted) {
  if (!names.includes(name)) {
    console.error(`no benchmark "${name}" (have: ${names.join(", ")})`);
    process.exit(2);
  }
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(dir, `${name}.ts`), ...flags], {
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
