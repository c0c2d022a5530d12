import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli-process.js";

function cli(dir: string, args: string[], input?: string) {
  const res = runCli(args, {
    cwd: dir,
    input,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      OFFLINE_TRANSLATION: "off",
      LOG_LEVEL: "warn",
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "",
    },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const RELEASE = `NATO Allies step up air defence support for Ukraine

NATO Allies met in Brussels on Thursday to step up air defence deliveries to Ukraine. The Secretary General said that every system counts. Allies agreed to review progress at their next meeting in June, and to report on deliveries every month.
`;

describe("digest command line", () => {
  it("subscriptions add|list|remove, digest --preview, and --run-now twice posts each target once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-cli-"));
    expect(cli(dir, ["ingest", "--text", "-"], RELEASE).code).toBe(0);
    const a = cli(dir, ["subscriptions", "add", "--target", "console:local", "--time", "07:30", "--json"]);
    expect(a.code).toBe(0);
    const id = JSON.parse(a.stdout).id as string;
    expect(
      cli(dir, ["subscriptions", "add", "--target", "console:ops", "--days", "weekdays", "--lang", "fr"]).code,
    ).toBe(0);
    expect(cli(dir, ["subscriptions", "add", "--target", "console:x", "--tz", "Mars/Olympus"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/"Mars\/Olympus" is not an IANA timezone/),
    });
    expect(cli(dir, ["subscriptions", "list"]).stdout).toMatch(/console:local {2}daily at 07:30 \(Europe\/Brussels\)/);

    const preview = cli(dir, ["digest", "--preview", id]);
    expect(preview.stdout).toContain("[EN] NATO Allies step up air defence support for Ukraine");
    expect(preview.stdout).toContain("nothing was posted or recorded");

    const first = cli(dir, ["digest", "--run-now"]);
    expect(first.code).toBe(0);
    // One digest per target: English and French for console:local, French only ("Synthèse OTAN") for console:ops.
    expect(first.stdout.match(/^══ /gm)).toHaveLength(2);
    expect(first.stdout).toContain("══ Synthèse OTAN — ");
    expect(first.stdout).toMatch(/console:local {2}\d{4}-\d\d-\d\d {2}posted 1 part/);
    const second = cli(dir, ["digest", "--run-now"]);
    expect(second.stdout).not.toContain("══");
    expect(second.stdout.match(/already delivered for this period/g)).toHaveLength(2);
    expect(cli(dir, ["digest", "--history"]).stdout.match(/posted {2}parts 1\/1/g)).toHaveLength(2);

    expect(cli(dir, ["subscriptions", "remove", id]).stdout).toContain(`removed: ${id}`);
  }, 180_000);
});
