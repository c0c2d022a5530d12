/**
 * What distributed Slack costs: the token lookup every incoming request now makes, the signed-request round trip
 * in single-workspace vs distributed mode, an install's round trip, and re-encrypting after a key rotation.
 * Everything in this process, over loopback, against the fake Slack of the tests; no network.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Installation, InstallProvider } from "@slack/oauth";
import { SealedInstallationStore } from "../adapters/slack/oauth/sealed-installation-store.js";
import { queryOf } from "../adapters/slack/slack-keys.js";
import { TokenCipher } from "../src/infra/crypto/token-cipher.js";
import { openDatabase } from "../src/infra/store/sqlite.js";
import { SqliteInstallationStore } from "../src/infra/store/sqlite-installation-store.js";
import { slashCommand } from "../tests/helpers/slack-requests.js";
import { startSlackHarness } from "../tests/integration/slack-harness.js";
import { startOAuthHarness } from "../tests/integration/slack-oauth-harness.js";

const WORKSPACES = 200;
const LOOKUPS = 20_000;
const REQUESTS = 400;
const INSTALLS = 40;
const RESEAL = 1000;

function stats(samples: number[]): { p50: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const msf = (ms: number) => `${ms.toFixed(2)} ms`;
function row(name: string, st: ReturnType<typeof stats>, unit: (n: number) => string) {
  console.log(
    `| ${name.padEnd(44)} | ${unit(st.p50).padStart(10)} | ${unit(st.p99).padStart(10)} | ${unit(st.mean).padStart(10)} |`,
  );
}
const header = (what: string) => {
  console.log(`\n| ${what.padEnd(44)} | ${"p50".padStart(10)} | ${"p99".padStart(10)} | ${"mean".padStart(10)} |`);
  console.log(`| ${"-".repeat(44)} | ${"-".repeat(10)} | ${"-".repeat(10)} | ${"-".repeat(10)} |`);
};

function installation(i: number): Installation {
  const id = `T${String(i).padStart(6, "0")}`;
  return {
    team: { id, name: `Workspace ${i}` },
    enterprise: undefined,
    isEnterpriseInstall: false,
    user: { id: "UINSTALLER", token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${id}-${randomBytes(12).toString("hex")}`,
      userId: "UBOT",
      id: "BBOT",
      scopes: ["commands", "chat:write"],
    },
    tokenType: "bot",
    appId: "A0NATOBRIEF",
    authVersion: "v2",
  };
}

async function lookups(): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-installs-")), "b.db");
  const db = openDatabase(file);
  const records = new SqliteInstallationStore(db);
  const key = randomBytes(32);
  const cipher = new TokenCipher(key);
  const store = new SealedInstallationStore(records, cipher);
  for (let i = 0; i < WORKSPACES; i++) await store.storeInstallation(installation(i));
  const provider = new InstallProvider({
    clientId: "1.2",
    clientSecret: "s",
    stateSecret: "state-secret-123456",
    installationStore: store,
  });
  const keys = Array.from(
    { length: LOOKUPS },
    () => `T${String(Math.floor(Math.random() * WORKSPACES)).padStart(6, "0")}`,
  );
  const time = async (fn: (key: string) => Promise<unknown> | unknown) => {
    for (const k of keys.slice(0, 500)) await fn(k); // warm-up
    const out: number[] = [];
    for (const k of keys) {
      const t = performance.now();
      await fn(k);
      out.push(performance.now() - t);
    }
    return stats(out);
  };
  const row0 = (await records.get("slack", "T000001"))!;
  header(`token lookup, ${WORKSPACES} installations, ${LOOKUPS} lookups`);
  row("SQLite row read (records.get)", await time(async (k) => await records.get("slack", k)), us);
  row("AES-256-GCM open of one installation", await time(() => cipher.open(row0, "slack:T000001")), us);
  row("fetchInstallation (read + open + JSON.parse)", await time((k) => store.fetchInstallation(queryOf(k))), us);
  row("InstallProvider.authorize (what Bolt runs)", await time((k) => provider.authorize(queryOf(k))), us);

  for (let i = WORKSPACES; i < RESEAL; i++) await store.storeInstallation(installation(i));
  const rotated = new SealedInstallationStore(records, new TokenCipher(randomBytes(32), [key]));
  const t = performance.now();
  const n = await rotated.reseal();
  const took = performance.now() - t;
  console.log(
    `\nre-encrypting after a key rotation: ${n} installations in ${took.toFixed(0)} ms (${((took / n) * 1000).toFixed(0)} µs each)`,
  );
  db.close();
}

async function roundTrips(): Promise<void> {
  header(`signed /nato-brief help → HTTP 200, ${REQUESTS} in a row`);
  const single = await startSlackHarness({ LOG_LEVEL: "error" });
  const oauth = await startOAuthHarness({ LOG_LEVEL: "error" });
  oauth.addWorkspace("T1", "Bench");
  const installs: number[] = [];
  try {
    type Target = { send: (r: ReturnType<typeof slashCommand>) => Promise<{ status: number; ms: number }> };
    const round = async (h: Target, responseUrl: string, n: number, into: number[]) => {
      for (let i = 0; i < n; i++) {
        const r = await h.send(slashCommand({ text: "help", responseUrl }));
        if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
        into.push(r.ms);
      }
    };
    await oauth.install("T1");
    const a: number[] = [];
    const b: number[] = [];
    await round(single, single.fake.responseUrl(), 50, []);
    await round(oauth, oauth.fake.responseUrl(), 50, []);
    // Alternating rounds, so both modes see the same machine load.
    for (let r = 0; r < 4; r++) {
      await round(single, single.fake.responseUrl(), REQUESTS / 4, a);
      await round(oauth, oauth.fake.responseUrl(), REQUESTS / 4, b);
    }
    row("single workspace (SLACK_BOT_TOKEN)", stats(a), msf);
    row("distributed (installation looked up)", stats(b), msf);

    for (let i = 0; i < INSTALLS; i++) oauth.addWorkspace(`TB${i}`, `Bench ${i}`);
    for (let i = 0; i < INSTALLS; i++) {
      const t = performance.now();
      const { page } = await oauth.install(`TB${i}`);
      if (page.status !== 200) throw new Error(`install HTTP ${page.status}`);
      installs.push(performance.now() - t);
    }
  } finally {
    await single.close();
    await oauth.close();
  }
  header(`install round trip, ${INSTALLS} workspaces`);
  row("/slack/install → authorize → redirect → stored", stats(installs), msf);
}

console.log(
  `slack-install — ${new Date().toISOString()} — node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await lookups();
await roundTrips();
console.log("\nEverything over loopback against tests/fakes; the install trip includes oauth.v2.access and auth.test.");
