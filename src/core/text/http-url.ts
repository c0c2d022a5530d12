/** The URL when it is an absolute http(s) URL; undefined for anything else (javascript:, data:, mailto:, junk). */
export function parseHttpUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed : undefined;
}
