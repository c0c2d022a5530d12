/**
 * Just enough of a web browser for the OAuth install flow: GET requests that follow redirects across hosts,
 * and a cookie jar per host that honours Set-Cookie (including deletion by Max-Age=0 or a past Expires).
 */
export interface Page {
  status: number;
  url: string;
  text: string;
  /** Every URL visited, redirects included. */
  visited: string[];
  /** Where a redirect not followed (maxRedirects reached) pointed. */
  location?: string | undefined;
}

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  setCookie(origin: string, name: string, value: string): void {
    this.cookiesOf(new URL(origin).host).set(name, value);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.cookiesOf(new URL(origin).host).get(name);
  }

  async get(url: string, options: { maxRedirects?: number } = {}): Promise<Page> {
    const visited: string[] = [];
    let current = url;
    for (let hops = 0; ; hops++) {
      visited.push(current);
      const host = new URL(current).host;
      const cookies = [...this.cookiesOf(host)].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await fetch(current, { redirect: "manual", headers: cookies ? { cookie: cookies } : {} });
      for (const line of res.headers.getSetCookie()) this.store(host, line);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location && hops < (options.maxRedirects ?? 5)) {
        await res.body?.cancel();
        current = new URL(location, current).toString();
        continue;
      }
      const next = location ? new URL(location, current).toString() : undefined;
      return { status: res.status, url: current, text: await res.text(), visited, location: next };
    }
  }

  private cookiesOf(host: string): Map<string, string> {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    return cookies;
  }

  private store(host: string, line: string): void {
    const [pair = "", ...attributes] = line.split(";").map((p) => p.trim());
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const maxAge = attr("max-age");
    const expires = attr("expires");
    const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires && Date.parse(expires) <= Date.now());
    if (gone) this.cookiesOf(host).delete(name);
    else this.cookiesOf(host).set(name, value);
  }
}

/** The href of the element with this id, HTML entities decoded. */
export function linkById(html: string, id: string): string | undefined {
  const href = new RegExp(`id="${id}"[^>]*href="([^"]+)"`).exec(html)?.[1];
  return href?.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&");
}
