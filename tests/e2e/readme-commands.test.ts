import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli-process.js";

/**
 * The README's "Command line" block, run as written, in order, from the clone's root (its paths are relative to
 * it) on a fresh store. `npx nato-brief` is the package's executable (bin.test.ts checks that npx resolves it;
 * here it is run directly, to spare every line npm's own start-up). Only lines that need the network are left
 * out, and the test says which.
 */
const root = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

function shellBlock(section: string): string[] {
  const body = readme.split(/^## /m).find((s) => s.startsWith(`${section}\n`));
  const block = body?.match(/```sh\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error(`README has no sh block under "## ${section}"`);
  return block.split("\n").filter((l) => l.trim() !== "");
}

/** The command without its trailing comment (no line of the block has a # inside quotes). */
const command = (line: string) => line.replace(/\s+#\s.*$/, "").trim();
const needsNetwork = (line: string) => /https?:\/\//.test(command(line));

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-e2e-"));
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dir}/readme.db`,
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    OFFLINE_TRANSLATION: "off",
    LOG_LEVEL: "warn",
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("README: Command line", () => {
  const lines = shellBlock("Command line");

  it("every command of the block is the compiled nato-brief", () => {
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(command(line)).toMatch(/^npx nato-brief /);
    expect(lines.filter(needsNetwork).map(command)).toEqual([
      "npx nato-brief brief --url https://www.nato.int/cps/en/natohq/news_222735.htm",
    ]);
  });

  it("runs each offline command as written, in order, each exiting 0 with output on stdout", () => {
    for (const line of lines.filter((l) => !needsNetwork(l))) {
      const shell = command(line).replace(/^npx nato-brief /, `"${process.execPath}" "${BIN}" `);
      const run = spawnSync("sh", ["-c", shell], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
      expect({ line: command(line), status: run.status, stderr: run.stderr }).toEqual({
        line: command(line),
        status: 0,
        stderr: "",
      });
      expect(run.stdout.trim()).not.toBe("");
    }
  });
});
