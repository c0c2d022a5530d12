/**
 * The load generator of the Slack acknowledgement benchmarks (slack-ack, replicas): signed slash commands as
 * Slack sends them, and the percentile both report.
 */
import http from "node:http";
import { slackSignature, slashCommand } from "../../tests/helpers/slack-requests.js";

/**
 * One signed `/nato-brief latest` to `port`'s /slack/events on a fresh connection (no keep-alive: Slack's own
 * requests do not share one); resolves with the ms until the answer, rejects on anything but HTTP 200.
 */
export function postSignedLatest(port: number, secret: string, responseUrl: string): Promise<number> {
  const { body, contentType } = slashCommand({ text: "latest", responseUrl });
  const ts = Math.floor(Date.now() / 1000);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/slack/events",
        method: "POST",
        agent: false,
        headers: {
          "content-type": contentType,
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(ts),
          "x-slack-signature": slackSignature(secret, ts, body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The p-th percentile (nearest rank) of ascending `sorted`, which must not be empty. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
