/**
 * Whether dist/ holds a build of the current TypeScript sources. The build (`npm run build`, also run by
 * `npm ci` and `npm install` through the `prepare` script) ends with `node bin/build-stamp.mjs --write`, which
 * writes dist/.build-stamp; the build is fresh while no source file is newer than that stamp. Where there are no
 * sources (the Docker image, an installed package), whatever dist/ holds is the build.
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STAMP = join(ROOT, "dist", ".build-stamp");
const SOURCES = ["src", "adapters"];
const CONFIG = ["tsconfig.json", "tsconfig.build.json"];

/** "fresh", "missing" (never built) or "stale" (a source changed since the build). */
export function buildState(root = ROOT) {
  const stamp = mtime(join(root, "dist", ".build-stamp"));
  if (stamp === undefined) return "missing";
  let newest = 0;
  for (const dir of SOURCES) newest = Math.max(newest, newestIn(join(root, dir)));
  for (const file of CONFIG) newest = Math.max(newest, mtime(join(root, file)) ?? 0);
  return newest > stamp ? "stale" : "fresh";
}

function newestIn(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, mtime(path) ?? 0);
  }
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "--write") {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
