import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { runCli } from "../../src/cli.js";

/** The CLI in-process with captured streams: only commands that fail before touching the store, or print help. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, out: Buffer.concat(out).toString("utf8"), err: Buffer.concat(err).toString("utf8") };
}

describe("per-command help", () => {
  it("brief --help prints the usage of brief with its options and an example, not the global help", async () => {
    const { code, out, err } = await cli("brief", "--help");
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^Usage: nato-brief brief /m);
    for (const option of ["--file PATH", "--url URL", "--text -", "--lang en|fr|both", "--json"]) {
      expect(out).toContain(option);
    }
    expect(out).toMatch(/^Example/m);
    expect(out).toMatch(/nato-brief brief --file samples\/breton-defence-industry\.fr\.txt/);
    // The global help lists every command; a command's help does not.
    expect(out).not.toContain("subscriptions");
  });

  it.each(COMMANDS.map((c) => c.name))(
    "%s --help, and help with its name, give the command's usage and an example",
    async (name) => {
      const viaFlag = await cli(name, "--help");
      expect(viaFlag.code).toBe(0);
      expect(viaFlag.out).toMatch(new RegExp(`^Usage: nato-brief ${name}\\b`, "m"));
      expect(viaFlag.out).toMatch(/^Example/m);
      expect((await cli("help", name)).out).toBe(viaFlag.out);
    },
  );

  it("the global help lists every command with its summary, and how to get a command's help", async () => {
    const { code, out } = await cli("help");
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(out).toMatch(new RegExp(`^  ${c.name} +\\S`, "m"));
    expect(out).toContain("nato-brief COMMAND --help");
  });
});

describe("flag errors in plain words, with the command's usage line", () => {
  it("a mistyped flag names it, suggests the right one and shows the usage", async () => {
    const { code, out, err } = await cli("brief", "--fiel", "x.txt");
    expect(code).toBe(2);
    expect(out).toBe("");
    const [first, second, ...rest] = err.trimEnd().split("\n");
    expect(first).toBe("nato-brief: brief: unknown option --fiel (did you mean --file?)");
    expect(second).toMatch(/^usage: nato-brief brief --file PATH \| --url URL \| --text - /);
    expect(rest).toEqual([]);
    expect(err).not.toMatch(/positional|To specify/);
  });

  it("a negative number is read as the option's value and refused for what it is", async () => {
    const { code, err } = await cli("list", "--limit", "-5");
    expect(code).toBe(2);
    expect(err).toMatch(/^nato-brief: list: --limit must be a whole number of at least 1 \(got "-5"\)$/m);
    expect(err).toMatch(/^usage: nato-brief list /m);
    expect(err).not.toMatch(/ambiguous/);
  });

  it.each([
    [["list", "--limit"], /^nato-brief: list: --limit needs a value \(--limit N\)$/m],
    [["list", "--json=yes"], /^nato-brief: list: --json takes no value \(got --json=yes\)$/m],
    [["show"], /^nato-brief: show: needs a release id \(see `nato-brief list`\)$/m],
    [["frobnicate"], /^nato-brief: unknown command "frobnicate" \(see `nato-brief help`\)$/m],
    [["lsit"], /^nato-brief: unknown command "lsit" \(did you mean list\?\)$/m],
  ])("%j is answered in plain words", async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
