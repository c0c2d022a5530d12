import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { type InstallURLOptions, InvalidStateError, type StateStore } from "@slack/oauth";
import type { EventDedupe } from "../../../src/core/ports/event-dedupe.port.js";

/** How long an "Add to Slack" link stays good, as @slack/oauth's own state cookie (10 minutes). */
export const STATE_TTL_SECONDS = 600;

interface StatePayload {
  /** Random nonce: what makes the state single-use. */
  n: string;
  /** Issued at, ms since the epoch. */
  t: number;
  o: InstallURLOptions;
}

/**
 * The OAuth `state` parameter (https://docs.slack.dev/authentication/installing-with-oauth): signed with
 * SLACK_STATE_SECRET (HMAC-SHA256), good for ten minutes, and good once. @slack/oauth already ties the state
 * to the browser that started the install (its state cookie); the one-time nonce, recorded through the event
 * dedupe store the replicas share, refuses a state presented a second time even with its cookie.
 */
export class OneTimeStateStore implements StateStore {
  constructor(
    private readonly secret: string,
    private readonly seen: EventDedupe,
    private readonly ttlSeconds = STATE_TTL_SECONDS,
  ) {}

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const payload: StatePayload = { n: randomBytes(16).toString("base64url"), t: now.getTime(), o: installOptions };
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${body}.${this.sign(body)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const [body, signature, ...rest] = state.split(".");
    if (!body || !signature || rest.length > 0 || !this.matches(body, signature)) {
      throw new InvalidStateError("the state parameter was not issued by this app");
    }
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as StatePayload;
    const age = (now.getTime() - payload.t) / 1000;
    if (!(age >= -60 && age <= this.ttlSeconds)) throw new InvalidStateError("the state parameter has expired");
    if (!(await this.seen.firstSeen(`slack-oauth-state:${payload.n}`))) {
      throw new InvalidStateError("the state parameter was already used");
    }
    return payload.o;
  }

  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(body).digest("base64url");
  }

  private matches(body: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
