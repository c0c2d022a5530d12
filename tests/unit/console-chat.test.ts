import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import { renderBriefText } from "../../adapters/console/render/brief-text.js";
import { BriefService } from "../../src/core/briefing/brief-service.js";
import { CommandHandler } from "../../src/core/commands/command-handler.js";
import { IngestService } from "../../src/core/ingest/ingest-service.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqlitePreferenceStore } from "../../src/infra/store/sqlite-preferences-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { makeBrief } from "../helpers/slack-blocks.js";
import { CountingEngine } from "./digest-harness.js";

const RELEASE = `Allies agree new plan to boost ammunition production

NATO Allies agreed on a new plan to boost the production of ammunition across the Alliance, the Secretary General said on Tuesday in Brussels.

The plan sets common targets for 155 mm artillery shells and air defence interceptors, and asks industry to expand its capacity.`;

let closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers) close();
  closers = [];
});

/** The console chat over a real SQLite store, typed into line by line; resolves to everything it printed. */
async function chat(...lines: string[]): Promise<{ out: string; releaseId: string }> {
  const db = openDatabase(":memory:");
  closers.push(() => db.close());
  const store = new SqliteReleaseStore(db);
  const engine = new CountingEngine();
  const briefs = new BriefService({ store, primary: engine, offline: engine });
  const ingest = new IngestService({ store });
  const { release } = await ingest.fromText(RELEASE);
  const preferences = new SqlitePreferenceStore(db);
  const handler = new CommandHandler({ store, briefs, ingest, preferences });
  const input = new PassThrough();
  const output = new PassThrough();
  let out = "";
  output.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  const done = runConsoleChat(handler, silentLogger, { input, output, preferences });
  for (const line of lines) input.write(`${line.replace("ID", release.id)}\n`);
  input.end();
  await done;
  return { out, releaseId: release.id };
}

/** What the chat printed in answer to the n-th line typed (0-based). */
const answer = (out: string, n: number) => out.split("nato-brief> ")[n + 1] ?? "";

describe("console chat", () => {
  it("honours `lang fr` in latest and show ID for the rest of the session", async () => {
    const { out } = await chat("latest", "lang fr", "latest", "show ID", "lang both", "latest");
    expect(answer(out, 0)).toMatch(/\[EN\]/);
    expect(answer(out, 1)).toMatch(/français/);
    for (const n of [2, 3]) {
      expect(answer(out, n)).toMatch(/\[FR\] FR Allies agree/);
      expect(answer(out, n)).not.toMatch(/\[EN\]/);
    }
    expect(answer(out, 5)).toMatch(/\[EN\][\s\S]*\[FR\]/);
  });

  it("lists quit in its help", async () => {
    const { out } = await chat("help");
    expect(answer(out, 0)).toMatch(/^ {2}quit +leave the console chat/m);
  });

  it("answers a single unknown word as an unknown command, not as a question", async () => {
    const { out } = await chat("lates", "frobnicate", "what did NATO say about ammunition?");
    expect(answer(out, 0)).toMatch(/unknown command "lates" \(did you mean latest\?\)/);
    expect(answer(out, 1)).toMatch(/unknown command "frobnicate"/);
    expect(answer(out, 1)).toMatch(/ask frobnicate/);
    // A sentence is still a question.
    expect(answer(out, 2)).not.toMatch(/unknown command/);
  });
});

describe("console brief layout", () => {
  const long =
    "Allies agreed to raise the production of 155 mm artillery shells, air defence interceptors and long-range missiles, and asked industry to expand capacity across the Alliance.";
  const brief = makeBrief({
    en: { headline: "Allies boost ammunition production", summary: long, keyPoints: [long, "Short point."] },
  });

  it("wraps key points as it wraps the summary, continuation lines indented under the text", () => {
    const lines = renderBriefText(brief, "en").split("\n");
    // Summary and key points (indented); a headline and the links line are never cut.
    expect(Math.max(...lines.filter((l) => l.startsWith("  ")).map((l) => l.length))).toBeLessThanOrEqual(100);
    const bullet = lines.findIndex((l) => l.startsWith("  • Allies agreed"));
    expect(bullet).toBeGreaterThan(0);
    expect(lines[bullet + 1]).toMatch(/^ {4}\S/);
  });

  it("prints a provenance label as written, without wrapping it in a second pair of parentheses", () => {
    const text = renderBriefText(brief, "en");
    expect(text).toContain("Machine translation (offline, Apertium): may contain errors");
    expect(text).not.toContain("(Machine translation (offline, Apertium): may contain errors)");
  });
});
