/** The fake Slack Web API and response_url server in a process of its own, so it does not share the load generator's event loop. */
import { FakeSlackApi } from "../../tests/fakes/fake-slack-api.js";

const fake = await new FakeSlackApi().start();
fake.users.set("U1", { id: "U1", locale: "en-GB" });
process.stdout.write(`READY ${fake.apiUrl}\n`);
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
