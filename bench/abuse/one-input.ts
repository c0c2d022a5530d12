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
    h.app.ingest.fromText(worstText(entry, size));
    outcome = "stored";
  } catch (err) {
    outcome = `refused: ${(err as Error).message.slice(0, 80)}`;
  }
} else if (entry === "dm") {
  const before = h.fake.calls.length;
  const dm = {
    type: "message",
    channel: "D1",
    channel_type: "im",
    user: "U1",
    text: worstText(entry, size),
    ts: "1.1",
  };
  const res = await h.send(eventCallback(dm, `Ev${Date.now()}`));
  await h.fake.waitFor(() => h.fake.calls.slice(before).some((c) => c.method === "chat.postMessage"), 120_000);
  outcome = `HTTP ${res.status}, answered in the DM`;
} else {
  const id = `${entry}-${size}`;
  const res = await h.send(slashCommand({ text: worstText(entry, size), responseUrl: h.fake.responseUrl(id) }));
  const inAck = res.status === 200 && !res.text.includes("Working on it");
  if (!inAck && res.status === 200) await h.fake.waitFor(() => h.fake.responsesTo(id).length > 0, 120_000);
  outcome = `HTTP ${res.status}${inAck ? ", answered in the ack" : ", answered at response_url"}`;
}
const totalMs = performance.now() - started;
// Let the ticker fire once more, so a block that ended just now is recorded.
await new Promise((resolve) => setTimeout(resolve, 30));
clearInterval(ticker);
process.stdout.write(`${JSON.stringify({ entry, size, maxBlockMs, totalMs, outcome })}\n`);
await h.close();
process.exit(0);
