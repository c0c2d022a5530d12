import { randomBytes } from "node:crypto";

/**
 * The OAuth v2 side of the fake Slack (https://docs.slack.dev/authentication/installing-with-oauth): the
 * authorize page a browser is sent to (the "user" is whoever the browser's `fake_slack_session` cookie names,
 * and approves at once), `oauth.v2.access` for codes and refresh tokens, and the tokens it issued, per
 * workspace, so the Web API can check every call's token and tell whose it is.
 */

export interface FakeWorkspace {
  /** T… for a workspace, E… for an Enterprise Grid organisation installing org-wide. */
  id: string;
  name: string;
  /** The organisation a workspace belongs to. */
  enterpriseId?: string;
  botUserId: string;
  botId: string;
}

export interface IssuedToken {
  token: string;
  workspaceId: string;
  kind: "bot" | "refresh";
  /** Unix seconds; rotating tokens only. */
  expiresAt?: number;
  revoked: boolean;
}

type Answer = { status: number; json?: Record<string, unknown>; location?: string; text?: string };

export const SESSION_COOKIE = "fake_slack_session";

export class FakeSlackOAuth {
  clientId = "1111.2222";
  clientSecret = "fake-client-secret-0123456789";
  appId = "A0NATOBRIEF";
  /** The app's redirect URLs (app settings → OAuth & Permissions). */
  redirectUrls: string[] = [];
  /** Token rotation on: access tokens expire `expiresIn` seconds after they are issued. */
  rotation: { expiresIn: number } | undefined;
  readonly workspaces = new Map<string, FakeWorkspace>();
  readonly issued: IssuedToken[] = [];
  private readonly codes = new Map<string, { workspaceId: string; scope: string; redirectUri?: string }>();

  addWorkspace(w: FakeWorkspace): FakeWorkspace {
    this.workspaces.set(w.id, w);
    return w;
  }

  /** Whether any workspace exists: from then on every Web API call must carry a token this fake issued. */
  get enabled(): boolean {
    return this.workspaces.size > 0;
  }

  /** GET /oauth/v2/authorize?client_id&scope&state[&redirect_uri]: approves and redirects with a code. */
  authorize(url: URL, cookie: string | undefined): Answer {
    const session = /(?:^|;\s*)fake_slack_session=([^;]+)/.exec(cookie ?? "")?.[1];
    const workspace = session ? this.workspaces.get(decodeURIComponent(session)) : undefined;
    if (!workspace) return { status: 401, text: "not signed in to Slack" };
    if (url.searchParams.get("client_id") !== this.clientId) return { status: 400, text: "invalid_client_id" };
    const asked = url.searchParams.get("redirect_uri") ?? undefined;
    const redirect = asked ?? this.redirectUrls[0];
    if (!redirect || (asked && !this.redirectUrls.includes(asked))) return { status: 400, text: "bad_redirect_uri" };
    const code = `code-${randomBytes(6).toString("hex")}`;
    this.codes.set(code, { workspaceId: workspace.id, scope: url.searchParams.get("scope") ?? "", redirectUri: asked });
    const to = new URL(redirect);
    to.searchParams.set("code", code);
    const state = url.searchParams.get("state");
    if (state !== null) to.searchParams.set("state", state);
    return { status: 302, location: to.toString() };
  }

  /** POST oauth.v2.access: a code (once) or a refresh token for a workspace's bot token. */
  access(body: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    const basic = authorization?.startsWith("Basic ")
      ? Buffer.from(authorization.slice(6), "base64").toString().split(":")
      : [];
    const id = body.client_id ?? basic[0];
    const secret = body.client_secret ?? basic[1];
    if (id !== this.clientId) return { ok: false, error: "invalid_client_id" };
    if (secret !== this.clientSecret) return { ok: false, error: "bad_client_secret" };
    if (body.grant_type === "refresh_token") return this.refresh(String(body.refresh_token));
    const grant = this.codes.get(String(body.code));
    if (!grant) return { ok: false, error: "invalid_code" };
    this.codes.delete(String(body.code));
    if (grant.redirectUri !== undefined && body.redirect_uri !== grant.redirectUri) {
      return { ok: false, error: "bad_redirect_uri" };
    }
    const w = this.workspaces.get(grant.workspaceId)!;
    const orgWide = w.id.startsWith("E");
    return {
      ok: true,
      app_id: this.appId,
      authed_user: { id: "UINSTALLER" },
      scope: grant.scope,
      token_type: "bot",
      bot_user_id: w.botUserId,
      team: orgWide ? null : { id: w.id, name: w.name },
      enterprise: orgWide ? { id: w.id, name: w.name } : w.enterpriseId ? { id: w.enterpriseId, name: "Org" } : null,
      is_enterprise_install: orgWide,
      ...this.tokensFor(w.id),
    };
  }

  /** The bot token a Web API call carried, if this fake issued it and it still works. */
  check(token: string | undefined): { workspace?: FakeWorkspace; error?: string } {
    const t = this.issued.find((i) => i.token === token && i.kind === "bot");
    if (!t) return { error: "invalid_auth" };
    if (t.revoked) return { error: "token_revoked" };
    if (t.expiresAt !== undefined && t.expiresAt < Date.now() / 1000) return { error: "token_expired" };
    return { workspace: this.workspaces.get(t.workspaceId)! };
  }

  /** Current bot tokens of a workspace (the last one issued is the one in use). */
  botTokens(workspaceId: string): string[] {
    return this.issued.filter((i) => i.workspaceId === workspaceId && i.kind === "bot").map((i) => i.token);
  }

  /** The app was removed from the workspace: every token it had stops working. */
  uninstall(workspaceId: string): void {
    for (const t of this.issued) if (t.workspaceId === workspaceId) t.revoked = true;
  }

  private refresh(refreshToken: string): Record<string, unknown> {
    const t = this.issued.find((i) => i.token === refreshToken && i.kind === "refresh");
    if (!t || t.revoked) return { ok: false, error: "invalid_refresh_token" };
    // Slack revokes the refresh token once used and issues a new pair.
    t.revoked = true;
    return { ok: true, token_type: "bot", ...this.tokensFor(t.workspaceId) };
  }

  private tokensFor(workspaceId: string): Record<string, unknown> {
    const w = this.workspaces.get(workspaceId)!;
    // Rotating access tokens carry Slack's "xoxe." prefix.
    const access = `${this.rotation ? "xoxe." : ""}xoxb-${w.id}-${randomBytes(12).toString("hex")}`;
    if (!this.rotation) {
      this.issued.push({ token: access, workspaceId, kind: "bot", revoked: false });
      return { access_token: access };
    }
    const expiresAt = Math.floor(Date.now() / 1000) + this.rotation.expiresIn;
    const refresh = `xoxe-1-${randomBytes(12).toString("hex")}`;
    this.issued.push({ token: access, workspaceId, kind: "bot", revoked: false, expiresAt });
    this.issued.push({ token: refresh, workspaceId, kind: "refresh", revoked: false });
    return { access_token: access, refresh_token: refresh, expires_in: this.rotation.expiresIn };
  }
}
