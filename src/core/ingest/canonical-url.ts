import { IngestError } from "./ingest-error.js";

/** Query parameters that say how a visitor arrived, not which page they see. */
const TRACKING = new Set(["fbclid", "gclid", "mc_cid", "mc_eid", "selectedlocale"]);

function isTracking(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith("utm_") || TRACKING.has(lower);
}

/**
 * One spelling per page, so the same release reached through a newsletter link, with a fragment or with
 * nato.int's `selectedLocale` switch (the language is already in the path) is recognised as the same.
 * Scheme and host are lower-cased, default port, fragment and tracking parameters dropped, and the remaining
 * parameters sorted by name with their original encoding kept.
 */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (cause) {
    throw new IngestError(
      "bad-input",
      `"${url}" is not a valid URL; give a full address such as https://www.nato.int/...`,
      {
        cause,
      },
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new IngestError("bad-input", `"${url}" is not a web address (${parsed.protocol}); give an http(s) URL.`);
  }
  parsed.hash = "";
  const pairs = parsed.search
    .replace(/^\?/u, "")
    .split("&")
    .filter((pair) => pair !== "")
    .map((raw) => ({ raw, key: decodeKey(raw) }))
    .filter(({ key }) => !isTracking(key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  parsed.search = pairs.length > 0 ? `?${pairs.map((pair) => pair.raw).join("&")}` : "";
  return parsed.href;
}

function decodeKey(pair: string): string {
  const key = pair.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(key.replace(/\+/gu, " "));
  } catch {
    // A malformed escape is still a distinct parameter; compare it as written.
    return key;
  }
}
