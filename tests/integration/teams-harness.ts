import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTeams, type TeamsAdapter } from "../../adapters/teams/start-teams.js";
import { createTeamsClient, type TeamsClient } from "../../adapters/teams/teams-client.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Release } from "../../src/core/domain/release.js";
import { contentHash } from "../../src/core/ingest/content-hash.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";

export interface TeamsHarness {
  app: App;
  client: TeamsClient;
  teams: TeamsAdapter;
  http: HttpServer;
  port: number;
  connector: FakeBotConnector;
  dir: string;
  /** Milliseconds the adapter's sender asked to wait (sleeps are instant here). */
  slept: number[];
  stop(): Promise<void>;
}

/**
 * The shared HTTP server with the Teams adapter mounted, composed like `npm start` (createApp, CommandHandler with
 * every core service), listening on 127.0.0.1; replies go to a fake Bot Connector named in each activity.
 * The sender's clock does not wait, so retries and pacing cost no time.
 */
export async function startTeamsHarness(env: Record<string, string> = {}): Promise<TeamsHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "teams-"));
  const connector = await startFakeBotConnector();
  const config = loadConfig(
    {
      NODE_ENV: "test",
      TEAMS_ENABLED: "true",
      TEAMS_DEV_SERVICE_URLS: new URL(connector.url).origin,
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      OFFLINE_TRANSLATION: "off",
      SOURCES_POLL: "false",
      ...env,
    },
    { dotenvPath: false },
  );
  const app = await createApp(config, silentLogger);
  const handler = app.commands;
  const http = createHttpServer(silentLogger, () => ({}));
  let now = Date.now();
  const slept: number[] = [];
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
  const client = createTeamsClient(config.teams!, { logger: silentLogger, clock });
  app.chatTargets.set("teams", client.chatTarget(app.conversationRefs));
  const teams = startTeams({
    client,
    route: http.route,
    handler,
    refs: app.conversationRefs,
    preferences: app.preferences,
    dedupe: app.seenEvents,
    logger: silentLogger,
  });
  const port = await http.listen(0, "127.0.0.1");
  return {
    app,
    client,
    teams,
    http,
    port,
    connector,
    dir,
    slept,
    async stop() {
      await teams.idle();
      await http.close();
      await connector.stop();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stores a release NATO published in both languages (no machine translation needed to brief it). */
export async function seedPairedRelease(app: App, words?: number): Promise<Release> {
  const fr = {
    lang: "fr" as const,
    title: "Le Secrétaire général reçoit le commissaire européen Thierry Breton",
    paragraphs: [
      "Le 13 février 2024, le Secrétaire général de l'OTAN, Jens Stoltenberg, a reçu Thierry Breton à Bruxelles.",
      "Les Alliés ont souligné la nécessité d'augmenter la production de défense, notamment de munitions de 155 mm.",
      "La NSPA a autorisé des contrats d'une valeur d'environ 10 milliards de dollars.",
    ],
    url: "https://www.nato.int/cps/fr/natohq/news_222.htm",
    official: true,
  };
  const en = {
    lang: "en" as const,
    title: "Secretary General meets EU Commissioner Thierry Breton",
    paragraphs: [
      "On 13 February 2024, NATO Secretary General Jens Stoltenberg received Thierry Breton in Brussels.",
      "Allies stressed the need to increase defence production, including 155 mm ammunition.",
      "NSPA has authorised contracts worth about 10 billion dollars.",
      ...(words ? longParagraphs(words) : []),
    ],
    url: "https://www.nato.int/cps/en/natohq/news_222.htm",
    official: true,
  };
  const texts = { en, fr };
  return (
    await app.store.saveRelease({
      canonicalUrl: en.url,
      contentHash: contentHash(texts),
      sourceLanguage: "en",
      published: "2024-02-13",
      texts,
    })
  ).release;
}

/** About `words` words of plausible sentences (no single sentence is long). */
function longParagraphs(words: number): string[] {
  const sentence = "Allies reviewed production plans for air defence and ammunition across the Alliance";
  const perSentence = sentence.split(" ").length;
  const sentences = Math.ceil(words / perSentence);
  const out: string[] = [];
  for (let i = 0; i < sentences; i += 20) {
    out.push(Array.from({ length: Math.min(20, sentences - i) }, (_, k) => `${sentence} (${i + k}).`).join(" "));
  }
  return out;
}
