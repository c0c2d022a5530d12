/**
 * Where the bot may send a reply or a digest: an activity's `serviceUrl` names the Bot Connector to post to, so an
 * unchecked one makes the bot a relay to anywhere (issue 15, finding 3).
 * - With authentication, the Bot Framework token says it: its `serviceurl` claim must equal the activity's
 *   (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication), and the
 *   URL must be https. A token without the claim (the Emulator's) is held to `devOrigins` like an unauthenticated one.
 * - Without authentication (TEAMS_ENABLED=true, never in production), only the loopback origins configured in
 *   TEAMS_DEV_SERVICE_URLS.
 * Never a scheme other than http(s), never a URL with a user name or password.
 */
export interface ServiceUrlPolicy {
  authenticated: boolean;
  /** Loopback origins (scheme://host:port) allowed without a token's word for them. */
  devOrigins: readonly string[];
}

export type ServiceUrlSource = "token" | "unverified";

/** What is wrong with `serviceUrl` under the policy; undefined when the bot may post there. */
export function serviceUrlProblem(
  serviceUrl: unknown,
  policy: ServiceUrlPolicy,
  source: ServiceUrlSource = "unverified",
): string | undefined {
  if (typeof serviceUrl !== "string" || serviceUrl.length > 2048) return "serviceUrl is not a string URL";
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return "serviceUrl is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "serviceUrl is not http(s)";
  if (url.username || url.password) return "serviceUrl carries a user name or password";
  if (policy.devOrigins.includes(url.origin)) return undefined;
  if (policy.authenticated && source === "token" && url.protocol === "https:") return undefined;
  return policy.authenticated
    ? "serviceUrl is not vouched for by the Bot Framework token"
    : "serviceUrl is not one of TEAMS_DEV_SERVICE_URLS";
}

/**
 * A stored reference read back for a digest: it was checked when stored, and is checked again here, since the
 * store may hold references from before this check or from another process.
 */
export function storedServiceUrlProblem(reference: unknown, policy: ServiceUrlPolicy): string | undefined {
  const serviceUrl = (reference as { serviceUrl?: unknown } | null)?.serviceUrl;
  // An authenticated bot stored only URLs its tokens vouched for, all https.
  return serviceUrlProblem(serviceUrl, policy, policy.authenticated ? "token" : "unverified");
}
