/**
 * The baseline: a Bolt app with nothing but a `/nato-brief` listener that acknowledges, on Bolt's own HTTP
 * receiver, same token, secret and Web API base as the real app. (Benchmark code, not the product: the product's
 * Slack imports all live in adapters/slack.)
 */
import { App, LogLevel } from "@slack/bolt";

const app = new App({
  token: "xoxb-bench",
  signingSecret: process.argv[2] ?? "",
  clientOptions: { slackApiUrl: process.argv[3] ?? "" },
  logLevel: LogLevel.ERROR,
});
app.command("/nato-brief", async ({ ack }) => {
  await ack();
});
const server = (await app.start(0)) as unknown as import("node:http").Server;
const address = server.address();
process.stdout.write(`READY ${typeof address === "object" && address ? address.port : 0}\n`);
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
