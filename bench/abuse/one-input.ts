/**
 * Child of `npm run bench -- abuse`: composes the app as `npm start` does (in-memory SQLite, offline engine, Slack
 * over HTTP against a fake Slack), sends ONE user text of the given entry point and size, waits for the answer,
 * and prints the longest event-loop block seen meanwhile (the longest gap between ticks of a 5 ms timer).
 * The parent kills it when it takes too long (a hung server prints nothing).
 */
import { FakeSlackApi } from "../../tests/fakes/fake-slack-api.js";
import { eventCallback, slashCommand } from "../../tests/helpers/slack-requests.js";
import { startSlackHarness } from "../../tests/integration/slack-harness.js";
import { worstText } from "./shapes.js";

const [entry = "ask", sizeArg = "40000"] = process.argv.slice(2);
const size = Number(sizeArg);
const fake = await new FakeSlackApi().start();
const origin = new URL(fake.apiUrl).origin;
const h = await startSlackHarness({ SLACK_RESPONSE_URL_ORIGINS: origin, LOG_LEVEL: "error" }, fake);
h.fake.users.set("U1", { id: "U1", locale: "en-GB" });

// One small request first, not measured: the first request of a process compiles Bolt's and our code paths.
await h.send(slashCommand({ text: "help", responseUrl: h.fake.responseUrl("warm") }));
await h.app.ingest.fromText(
  `Warm-up release\n\n${"NATO Allies met in Brussels on Tuesday to agree on a plan. ".repeat(8)}`,
);

// The request is built before the clock starts: encoding 3 MB is the client's work, not the server's.
const text = worstText(entry, size);
const id = `${entry}-${size}`;
const request =
  entry === "dm"
    ? eventCallback({ type: "message", channel: "D1", channel_type: "im", user: "U1", text, ts: "1.1" }, `Ev${size}`)
    : slashCommand({ text, responseUrl: h.fake.responseUrl(id) });

// The longest gap between two ticks of a 5 ms timer: how long the event loop could not run anything else.
let lastTick = performance.now();
let maxBlockMs = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  maxBlockMs = Math.max(maxBlockMs, now - lastTick);
  lastTick = now;
}, 5);
const started = performance.now();
let outcome: string;
if (entry === "pasted") {
  // `nato-brief brief --text -` and `ingest`: the release text goes straight to the ingest use case.
  try {
    await h.app.ingest.fromText(text);
    outcome = "stored";
  } catch (err) {
    outcome = `refused: ${(err as Error).message.slice(0, 60)}`;
  }
} else {
  const before = h.fake.calls.length;
  const res = await h.send(request);
  if (res.status !== 200) outcome = `HTTP ${res.status} (refused before any work)`;
  else if (entry === "dm") {
    await h.fake.waitFor(() => h.fake.calls.slice(before).some((c) => c.method === "chat.postMessage"), 120_000);
    outcome = "HTTP 200, answered in the DM";
  } else if (!res.text.includes("Working on it")) outcome = "HTTP 200, answered in the ack";
  else {
    await h.fake.waitFor(() => h.fake.responsesTo(id).length > 0, 120_000);
    outcome = "HTTP 200, answered at response_url";
  }
}
const totalMs = performance.now() - started;
// Let the ticker fire once more, so a block that ended just now is recorded.
await new Promise((resolve) => setTimeout(resolve, 30));
clearInterval(ticker);
process.stdout.write(`${JSON.stringify({ entry, size, maxBlockMs, totalMs, outcome })}\n`);
await h.close();
process.exit(0);
