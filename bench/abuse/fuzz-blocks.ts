/**
 * Part 4 of `npm run bench -- abuse`: the event-loop blocks the fuzz suite's inputs cause (tests/fuzz/arbitraries.ts,
 * a fixed seed), the timing its pass/fail properties leave out. Parsers and the fact guard: the slowest single case
 * of each. Endpoints: the longest gap between ticks of a 10 ms timer while the app, composed as the fuzz tests
 * compose it, answers the fuzzed signed Slack requests and Teams activities one after another.
 */
import fc from "fast-check";
import { chatCommand } from "../../adapters/slack/listeners/events/chat-command.js";
import { plainText } from "../../adapters/teams/handlers/turn-context.js";
import { checkFacts } from "../../src/core/briefing/fact-guard.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { draftFromHtml, draftFromText } from "../../src/core/ingest/index.js";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";
import { parseFeed } from "../../src/infra/sources/feed-parser.js";
import { parseSitemap } from "../../src/infra/sources/sitemap-parser.js";
import {
  briefPart,
  commandLine,
  feedXml,
  html,
  json,
  RELEASE,
  sitemapXml,
  slackRequest,
  teamsActivity,
} from "../../tests/fuzz/arbitraries.js";
import { slashCommand } from "../../tests/helpers/slack-requests.js";
import { personalMessage, postActivity } from "../../tests/helpers/teams-activities.js";
import { startSlackHarness } from "../../tests/integration/slack-harness.js";
import { seedPairedRelease, startTeamsHarness } from "../../tests/integration/teams-harness.js";
import { BlockClock } from "./block-clock.js";

const SEED = 15;
const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: n, seed: SEED });

/** The slowest of `inputs` through `work` (each timed alone; input errors are answers too). */
function slowest<T>(inputs: T[], work: (input: T) => unknown): number {
  const run = (input: T) => {
    try {
      work(input);
    } catch {
      // a refusal, timed like an answer
    }
  };
  run(inputs[0]!); // warm-up: the first call compiles the code (and loads linkedom, Readability, franc)
  let worst = 0;
  for (const input of inputs) {
    const clock = new BlockClock();
    run(input);
    worst = Math.max(worst, clock.lap());
  }
  return worst;
}

export async function printFuzzBlocks(): Promise<void> {
  console.log(`\n4. Event-loop blocks of the fuzz suite's inputs (tests/fuzz/arbitraries.ts, seed ${SEED}):`);
  console.log("| what | cases | slowest case / longest block |\n|---|---|---|");
  const lines = sample(commandLine, 700);
  const briefs = sample(fc.tuple(briefPart, briefPart), 300);
  const parsers: [string, number, () => number][] = [
    ["command parser", lines.length, () => slowest(lines, parseCommand)],
    ["chat line (console, Teams)", lines.length, () => slowest(lines, commandOrQuestion)],
    ["Slack chat line", lines.length, () => slowest(lines, chatCommand)],
    ["Teams message text", lines.length, () => slowest(lines, plainText)],
    ["feed XML", 600, () => slowest(sample(feedXml, 600), (x) => parseFeed(x, "https://www.nato.int/rss.xml"))],
    ["sitemap XML", 400, () => slowest(sample(sitemapXml, 400), (x) => parseSitemap(x, "https://www.nato.int/s.xml"))],
    ["page HTML → draft", 300, () => slowest(sample(html, 300), (p) => draftFromHtml(p, "https://www.nato.int/a.htm"))],
    [
      "pasted text → draft",
      200,
      () => slowest(sample(fc.string({ unit: "grapheme", maxLength: 3000 }), 200), draftFromText),
    ],
    ["fact guard", briefs.length, () => slowest(briefs, ([en, fr]) => checkFacts({ en, fr }, RELEASE))],
  ];
  for (const [name, n, run] of parsers) console.log(`| ${name} | ${n} | ${run().toFixed(1)} ms |`);

  const [slack, teams] = await Promise.all([startSlackHarness({ LOG_LEVEL: "error" }), startTeamsHarness()]);
  try {
    // Warm-up, not timed: the stored release's first brief and answer, Teams' first turn.
    await slack.send(slashCommand({ text: "latest", responseUrl: slack.fake.responseUrl("warm") }));
    await slack.fake.waitFor(() => slack.fake.responsesTo("warm").length > 0, 30_000);
    await seedPairedRelease(teams.app);
    await postActivity(teams.port, personalMessage(teams.connector.url, "latest"));
    await teams.teams.idle();
    const measure = async (send: () => Promise<void>) => {
      let longest = 0;
      const clock = new BlockClock();
      const ticker = setInterval(() => {
        longest = Math.max(longest, clock.lap() - 10);
      }, 10);
      await send();
      clearInterval(ticker);
      return longest;
    };
    const requests = sample(slackRequest, 700);
    const slackBlock = await measure(async () => {
      for (const r of requests) {
        const body = r.body.replaceAll(
          "response_url=&",
          `response_url=${encodeURIComponent(slack.fake.responseUrl())}&`,
        );
        await slack.send({ ...r, body });
      }
    });
    console.log(`| Slack endpoint, signed fuzzed requests | ${requests.length} | ${slackBlock.toFixed(0)} ms |`);
    const activities = sample(fc.oneof(teamsActivity(teams.connector.url), json), 400);
    const teamsBlock = await measure(async () => {
      const base = personalMessage(teams.connector.url, "help");
      for (const a of activities) {
        const body = a && typeof a === "object" && !Array.isArray(a) ? { ...base, ...a } : a;
        await postActivity(teams.port, JSON.stringify(body) ?? "null");
      }
      await teams.teams.idle();
    });
    console.log(`| Teams endpoint, fuzzed activities | ${activities.length} | ${teamsBlock.toFixed(0)} ms |`);
  } finally {
    await teams.teams.idle();
    await Promise.all([slack.close(), teams.stop()]);
  }
}
