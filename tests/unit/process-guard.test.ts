import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * In a process of its own (vitest treats an unhandled rejection in its workers as a failed run): the guards of
 * `npm start` installed, a promise rejected with nobody listening, then a console.error as botbuilder writes.
 */
const SCRIPT = `
import { installProcessGuards } from "./src/process-guard.ts";
import { createLogger } from "./src/logger.ts";
const health = installProcessGuards(createLogger("info"));
Promise.reject(new TypeError("Cannot read properties of null (reading 'ssl_check')"));
Promise.reject("a bare string");
setTimeout(() => {
  console.error(new Error("JwtTokenExtractor: token expired\\n    at stack line"));
  process.stdout.write(JSON.stringify(health));
}, 20);
`;

describe("process guards of npm start (issue 15, finding 1)", () => {
  it("an unhandled rejection is logged as JSON and counted, and the process lives on; console output is JSON too", async () => {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], {
      cwd: root,
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ unhandledRejections: 2 });
    const lines = stderr.trim().split("\n");
    const records = lines.map((l) => JSON.parse(l) as { msg: string; level: string; component?: string });
    expect(records.filter((r) => r.msg.startsWith("unhandled promise rejection"))).toHaveLength(2);
    expect(records.at(-1)).toMatchObject({ level: "error", component: "console" });
  });
});
