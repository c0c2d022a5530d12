/** What every replica started by startReplica (tests/e2e, bench/replicas) needs to know. */
export interface ReplicaBase {
  databaseUrl: string;
  /** Each replica its own token, so the fake Slack can tell who posted. */
  botToken: string;
  signingSecret: string;
  /** The fake Slack API (tests/fakes/fake-slack-api); response_url posts are allowed to its origin only. */
  slackApiUrl: string;
  nodeEnv?: "test" | "production";
}

/**
 * A replica's environment: the caller's, then a bot that talks only to the fake Slack — no OAuth, no Socket
 * Mode, no source polling, no OpenAI, no Teams, no offline translation — then `extra` on top to turn on what a
 * test is about. LOG_LEVEL info because startReplica waits for the "listening" info line.
 */
export function replicaEnv(base: ReplicaBase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: base.nodeEnv ?? "test",
    DATABASE_URL: base.databaseUrl,
    SLACK_BOT_TOKEN: base.botToken,
    SLACK_SIGNING_SECRET: base.signingSecret,
    SLACK_API_URL: base.slackApiUrl,
    SLACK_RESPONSE_URL_ORIGINS: new URL(base.slackApiUrl).origin,
    SLACK_CLIENT_ID: "",
    SLACK_APP_TOKEN: "",
    SOURCES_POLL: "false",
    OFFLINE_TRANSLATION: "off",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    TEAMS_ENABLED: "",
    MICROSOFT_APP_ID: "",
    LOG_LEVEL: "info",
    ...extra,
  };
}
