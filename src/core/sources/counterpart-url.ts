import { type Lang, otherLang } from "../domain/language.js";

/**
 * Where the other-language version of a release page may be, best guess first:
 * 1. the page's own `<link rel="alternate" hreflang>` (exact, survives translated slugs);
 * 2. the same path with its language segment swapped: nato.int serves `/en/news-and-events/...` and
 *    `/fr/news-and-events/...`, and legacy pages `/cps/en/natohq/news_NNNNNN.htm` and
 *    `/cps/fr/natohq/news_NNNNNN.htm?selectedLocale=fr` (one id for both languages).
 * Only http(s) URLs come out; none equals the page itself.
 */
export function counterpartCandidates(
  url: string,
  lang: Lang,
  alternates: Partial<Record<Lang, string>> = {},
): string[] {
  const target = otherLang(lang);
  const out: string[] = [];
  const add = (candidate: string | undefined) => {
    if (candidate && candidate !== url && !out.includes(candidate)) out.push(candidate);
  };
  add(absolute(alternates[target], url));
  add(swapLanguage(url, lang));
  return out;
}

/** The URL with its first path segment naming `lang` replaced by the other language; undefined when none does. */
export function swapLanguage(url: string, lang: Lang): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const target = otherLang(lang);
  const segments = parsed.pathname.split("/");
  const index = segments.findIndex((segment) => segment.toLowerCase() === lang);
  if (index < 0) return undefined;
  segments[index] = target;
  parsed.pathname = segments.join("/");
  const legacy = segments[index - 1]?.toLowerCase() === "cps";
  const locale = parsed.searchParams.get("selectedLocale");
  if (legacy || locale === lang) parsed.searchParams.set("selectedLocale", target);
  // nato.int's listing writes `?selectedLocale=null` on new-layout links: noise, not a language.
  else if (locale !== null) parsed.searchParams.delete("selectedLocale");
  return parsed.href;
}

/** The language a URL's path names (`/en/...`, `/cps/fr/...`), if any. */
export function languageOfUrl(url: string): Lang | undefined {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return undefined;
  }
  const match = /\/(en|fr)(?:\/|$)/u.exec(path);
  return match?.[1] === "en" || match?.[1] === "fr" ? match[1] : undefined;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const resolved = new URL(href, base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
