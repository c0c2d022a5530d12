import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLASH_COMMAND } from "../../adapters/slack/listeners/index.js";
import { SLACK_BOT_SCOPES, SLACK_REDIRECT_PATH } from "../../adapters/slack/oauth/oauth-settings.js";
import { SLACK_EVENTS_PATH } from "../../adapters/slack/slack-app.js";

const root = path.resolve(import.meta.dirname, "../..");
const schemas = path.join(root, "tests/fixtures/slack-schemas");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(schemas, file), "utf8")) as object;
const RAW = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas";

interface Manifest {
  features: { slash_commands: { command: string; url: string }[]; assistant_view?: unknown };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

// ajv-formats is CommonJS: under NodeNext its function is the module's `default`.
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;

function validator() {
  // The upstream files carry keywords Ajv does not know ("regex", "_note"): declared as annotations, not ignored.
  // strictTypes is off because upstream leaves `type` implicit beside minItems/required; that is not an error.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(["regex", "_note"]);
  ajv.addSchema(readJson("slack-app-manifest.schema.1.0.0.json"), `${RAW}/manifest.schema.1.0.0.json`);
  ajv.addSchema(readJson("slack-app-manifest.schema.2.0.0.json"), `${RAW}/manifest.schema.2.0.0.json`);
  return ajv.compile(readJson("slack-app-manifest.schema.json"));
}

describe("adapters/slack/manifest.yml", () => {
  const manifest = parse(fs.readFileSync(path.join(root, "adapters/slack/manifest.yml"), "utf8")) as Manifest;
  const validate = validator();

  it("is valid against Slack's official manifest schema", () => {
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("is rejected by the schema when broken, so the check above means something", () => {
    expect(validate({ ...manifest, display_information: { name: "" } })).toBe(false);
    expect(validate({ ...manifest, features: { ...manifest.features, slash_commands: [{ command: "nato" }] } })).toBe(
      false,
    );
  });

  it("declares what the code listens to: the command, the events, interactivity and the assistant", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["message.im", "assistant_thread_started", "assistant_thread_context_changed"]),
    );
    expect(manifest.features.assistant_view).toBeDefined();
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["commands", "chat:write", "im:history", "assistant:write", "users:read"]),
    );
  });

  it("declares the OAuth redirect the server serves, asks installs for the manifest's scopes, hears uninstalls", () => {
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([SLACK_REDIRECT_PATH]);
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_uninstalled", "tokens_revoked"]),
    );
    expect(validate({ ...manifest, oauth_config: { ...manifest.oauth_config, redirect_urls: "nope" } })).toBe(false);
  });
});
