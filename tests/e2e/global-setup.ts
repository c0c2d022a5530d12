import { execFileSync } from "node:child_process";
import { buildState, ROOT } from "../../bin/build-stamp.mjs";

/**
 * End-to-end tests run the compiled build, as users do (`nato-brief`, the Docker image): build it once per run
 * when it is missing or older than the sources (an incremental `tsc`), never per test.
 */
export default function setup(): void {
  const state = buildState();
  if (state === "fresh") return;
  console.log(`e2e: the compiled build is ${state}; running npm run build`);
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
}
