/** An entry of ALLOWED_SOURCE_HOSTS, parsed. */
export interface HostRule {
  hostname: string;
  port?: string;
  /** Names allow their subdomains; IP literals match only themselves. */
  subdomains: boolean;
}

/** Whether the allow list admits the URL's host (and port, when the entry names one). */
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
  // The port is read by hand: the URL parser would erase ":80", which must still pin the rule to port 80.
  const parts = /^(\[[^\]]+\]|[^:/?#@\s]+)(?::(\d{1,5}))?$/u.exec(entry.trim());
  let hostname: string | undefined;
  try {
    hostname = parts?.[1] ? stripDot(new URL(`http://${parts[1]}`).hostname) : undefined;
  } catch {
    hostname = undefined;
  }
  if (!hostname) {
    throw new Error(`allowed host "${entry}" must be a bare host name, IP address or host:port (no scheme or path)`);
  }
  const ipLiteral = hostname.startsWith("[") || /^[\d.]+$/u.test(hostname);
  return { hostname, subdomains: !ipLiteral, ...(parts?.[2] ? { port: String(Number(parts[2])) } : {}) };
}

export function matches(rule: HostRule, url: URL): boolean {
  const hostname = stripDot(url.hostname);
  const hostOk = hostname === rule.hostname || (rule.subdomains && hostname.endsWith(`.${rule.hostname}`));
  if (!hostOk) return false;
  return rule.port === undefined || rule.port === effectivePort(url);
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

export function describeRule(rule: HostRule): string {
  return rule.port ? `${rule.hostname}:${rule.port}` : rule.hostname;
}

function stripDot(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/u, "");
}
