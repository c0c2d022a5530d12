import { isIP } from "node:net";

/** An entry of ALLOWED_SOURCE_HOSTS, parsed. */
export interface HostRule {
  hostname: string;
  port?: string;
  /** `*.nato.int`: any subdomain of nato.int (not nato.int itself). A bare name matches only itself. */
  subdomains: boolean;
}

/** Ports a rule without one admits: the defaults of http and https. */
const DEFAULT_PORTS = new Set(["80", "443"]);

/** Whether the allow list admits the URL's host and port (checks the name only; see HttpFetcher for addresses). */
export function allowsHost(allowedHosts: string[], url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return allowedHosts.map(parseRule).some((rule) => matches(rule, parsed));
}

export function parseRule(entry: string): HostRule {
  const trimmed = entry.trim();
  const wildcard = trimmed.startsWith("*.");
  const rest = wildcard ? trimmed.slice(2) : trimmed;
  // The port is read by hand: the URL parser would erase ":80", which must still pin the rule to port 80.
  const parts = /^(\[[^\]]+\]|[^:/?#@\s*]+)(?::(\d{1,5}))?$/u.exec(rest);
  let hostname: string | undefined;
  try {
    hostname = parts?.[1] ? stripDot(new URL(`http://${parts[1]}`).hostname) : undefined;
  } catch {
    hostname = undefined;
  }
  const ipLiteral = hostname !== undefined && (hostname.startsWith("[") || isIP(hostname) !== 0);
  if (!hostname || (wildcard && (ipLiteral || !hostname.includes(".")))) {
    throw new Error(
      `allowed host "${entry}" must be a bare host name, *.domain, IP address or host:port (no scheme or path)`,
    );
  }
  return { hostname, subdomains: wildcard, ...(parts?.[2] ? { port: String(Number(parts[2])) } : {}) };
}

export function matches(rule: HostRule, url: URL): boolean {
  const hostname = stripDot(url.hostname);
  const hostOk = rule.subdomains ? hostname.endsWith(`.${rule.hostname}`) : hostname === rule.hostname;
  if (!hostOk) return false;
  const port = effectivePort(url);
  return rule.port === undefined ? DEFAULT_PORTS.has(port) : rule.port === port;
}

/** Whether an IP address the name resolved to is itself on the list (an IP-literal rule, any port). */
export function allowsAddress(rules: HostRule[], address: string): boolean {
  const literal = isIP(address) === 6 ? `[${address.toLowerCase()}]` : address;
  return rules.some((rule) => !rule.subdomains && rule.hostname === literal);
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

export function describeRule(rule: HostRule): string {
  const host = rule.subdomains ? `*.${rule.hostname}` : rule.hostname;
  return rule.port ? `${host}:${rule.port}` : host;
}

function stripDot(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/u, "");
}
