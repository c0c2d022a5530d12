#!/usr/bin/env node
/**
 * The `nato-brief` executable: the compiled command line (dist/src/cli.js). In a clone, `npm ci` builds it (the
 * `prepare` script); when the build is missing or older than the sources, this runs the TypeScript sources
 * through tsx instead (slower to start, same behaviour) and says how to get the fast start back.
 */
import { buildState, ROOT } from "./build-stamp.mjs";

const state = buildState();
if (state === "fresh") {
  const { main } = await import("../dist/src/cli.js");
  await main();
} else {
  process.stderr.write(
    `nato-brief: the compiled build is ${state === "missing" ? "missing" : "older than the sources"}; ` +
      `running the sources with tsx (run \`npm run build\` in ${ROOT} for a faster start)\n`,
  );
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/cli.ts");
  await main();
}
