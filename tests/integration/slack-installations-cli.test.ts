import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { contextOf } from "../../src/cli/cli-context.js";
import { command as installationsCommand } from "../../src/cli/commands/installations.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { keyIdOf } from "../../src/infra/crypto/token-cipher.js";

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "installs-")), "t.db");

async function open(current: Buffer, old: Buffer[] = []) {
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${file}`,
      OFFLINE_TRANSLATION: "off",
      SLACK_CLIENT_ID: "1111.2222",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_SIGNING_SECRET: "signing-secret",
      SLACK_STATE_SECRET: "state-secret-0123456789",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      TOKEN_ENCRYPTION_KEY: current.toString("base64"),
      TOKEN_ENCRYPTION_OLD_KEYS: old.map((k) => k.toString("hex")).join(","),
    },
    { dotenvPath: false },
  );
  return createApp(config, silentLogger);
}

async function run(app: Awaited<ReturnType<typeof open>>, ...positionals: string[]) {
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough() };
  const code = await installationsCommand.run(contextOf(app), { positionals, values: {} }, io);
  return { code, out };
}

describe("nato-brief installations: list, and rekey after a key rotation", () => {
  it("lists installations with their key id, re-encrypts them under the new key, never prints a token", async () => {
    const first = await open(keyA);
    await first.slackInstalls!.store.storeInstallation({
      team: { id: "T1", name: "Alliance HQ" },
      enterprise: undefined,
      isEnterpriseInstall: false,
      user: { id: "U1", token: undefined, scopes: undefined },
      bot: { token: "xoxb-cli-secret", userId: "UBOT", id: "BBOT", scopes: [] },
      authVersion: "v2",
    });
    await first.close();

    const rotated = await open(keyB, [keyA]);
    const listed = await run(rotated, "list");
    expect(listed.out).toContain(`T1  workspace  Alliance HQ`);
    expect(listed.out).toContain(`key ${keyIdOf(keyA)}`);
    expect(await run(rotated, "rekey")).toEqual({
      code: 0,
      out: `1 installation(s) re-encrypted with key ${keyIdOf(keyB)}\n`,
    });
    expect((await run(rotated, "list")).out).toContain(`key ${keyIdOf(keyB)}`);
    await rotated.close();

    const onlyNew = await open(keyB);
    const q = { teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await onlyNew.slackInstalls!.store.fetchInstallation(q)).bot?.token).toBe("xoxb-cli-secret");
    expect(JSON.stringify(await onlyNew.slackInstalls!.store.list())).not.toContain("xoxb");
    await onlyNew.close();
  });
});
