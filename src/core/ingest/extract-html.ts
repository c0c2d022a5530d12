import { Readability } from "@mozilla/readability";
import { isLang, type Lang } from "../domain/language.js";
import { findDates } from "../text/dates.js";
import { extractPublishedDate } from "./extract-date.js";
import { type HtmlDocument, type HtmlElement, NON_TEXT, paragraphsOf, parseDocument, textOf } from "./html-dom.js";
import { IngestError } from "./ingest-error.js";

/** CSS selectors for a site layout: the article body containers, its title and its date. */
export interface ArticleSelectors {
  body: string;
  title: string;
  date: string;
}

/** nato.int's current layout: the release text sits in rich-text components, the date in a `<time>`. */
export const NATO_SELECTORS: ArticleSelectors = {
  body: "div.ca04-rich-text div.cmp-text__background-container",
  title: "h1",
  date: "time",
};

export interface ExtractedArticle {
  title: string;
  paragraphs: string[];
  /** YYYY-MM-DD */
  published?: string;
  /** From `<html lang>`: a hint only, the text's own language decides. */
  lang?: Lang;
  /** false when the selectors found no body and Readability's guess was used: worth a log line, layouts change. */
  usedSelectors: boolean;
}

export interface ExtractOptions {
  selectors?: Partial<ArticleSelectors>;
}

/**
 * A release page → its title, paragraphs and date. The site's selectors come first because they know exactly
 * where the release text is; Readability is the fallback for legacy pages and other layouts.
 */
export function extractArticle(html: string, url?: string, opts: ExtractOptions = {}): ExtractedArticle {
  const selectors = { ...NATO_SELECTORS, ...opts.selectors };
  const document = parseDocument(html);

  let paragraphs = paragraphsOf(document.querySelectorAll(selectors.body), document);
  const usedSelectors = paragraphs.length > 0;
  let fallbackTitle: string | undefined;
  if (!usedSelectors) {
    const article = readabilityArticle(html);
    paragraphs = article.paragraphs;
    fallbackTitle = article.title;
  }

  const title = pageTitle(document, selectors.title) ?? fallbackTitle ?? "";
  paragraphs = paragraphs.filter((p) => p !== title && !isDateline(p));
  if (paragraphs.length === 0) {
    const where = url ? `the page at ${url}` : "the page";
    throw new IngestError(
      "no-content",
      `No release text found in ${where}: neither the nato.int layout nor a generic article reader found paragraphs. ` +
        "Check that the URL is a release page, or pass the release text itself.",
    );
  }

  const published =
    metaDate(document, selectors.date) ??
    extractPublishedDate([title, ...paragraphs].join("\n")) ??
    extractPublishedDate(pageText(document));
  const lang = langHint(document);
  return {
    title,
    paragraphs,
    ...(published ? { published } : {}),
    ...(lang ? { lang } : {}),
    usedSelectors,
  };
}

/**
 * Readability rewrites the document it is given, so it gets its own parse. It returns an "article" even for a
 * page that is only scripts and a menu, so its content goes through the same paragraph filter as ours.
 */
function readabilityArticle(html: string): { title?: string; paragraphs: string[] } {
  let parsed: ReturnType<Readability["parse"]>;
  try {
    const document = parseDocument(html);
    // Readability's work grows with depth times elements: a page nested deeper than any real layout (a hostile
    // one: 800 unclosed <div>s took 33 s) or huge is not walked; the caller reports "no-content".
    if (depthOf(document.documentElement) > READABILITY_MAX_DEPTH) return { paragraphs: [] };
    // Readability's typings name the DOM `Document`, absent from this project's libs, so linkedom's fits as is.
    // charThreshold: below it Readability parses the page up to three more times; our own minimum is lower.
    parsed = new Readability(document, {
      charThreshold: READABILITY_MIN_CHARS,
      maxElemsToParse: READABILITY_MAX_ELEMENTS,
    }).parse();
  } catch {
    // A page Readability cannot walk has no article for us either; the caller reports "no-content".
    return { paragraphs: [] };
  }
  if (!parsed?.content) return { paragraphs: [] };
  const content = parseDocument(parsed.content);
  const root = content.body ?? content;
  let paragraphs = paragraphsOf([root], content);
  if (paragraphs.length === 0) {
    // Content without <p>/<li> (text straight in <div>s): one paragraph per line of text.
    const clean = root.cloneNode(true);
    for (const node of Array.from(clean.querySelectorAll(NON_TEXT))) node.remove();
    paragraphs = (clean.textContent ?? "")
      .split(/\n/u)
      .map((line) => line.replace(/[ \t\f\r]+/gu, " ").trim())
      .filter((line) => line !== "");
  }
  const title = parsed.title?.trim();
  return title ? { title, paragraphs } : { paragraphs };
}

/** Deeper than real pages nest (nato.int's run near 20); 800 nested <div>s took Readability 33 s. */
const READABILITY_MAX_DEPTH = 48;
/** Readability throws past this many elements: a release page has a few thousand. */
const READABILITY_MAX_ELEMENTS = 8_000;
const READABILITY_MIN_CHARS = 200;

/** The deepest element nesting under `root`, walked without recursion. */
function depthOf(root: HtmlElement | null): number {
  if (!root) return 0;
  let deepest = 0;
  const stack: [HtmlElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > READABILITY_MAX_DEPTH) return deepest;
    for (const child of Array.from((node as unknown as { children: ArrayLike<HtmlElement> }).children ?? [])) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

function pageTitle(document: HtmlDocument, selector: string): string | undefined {
  const heading = document.querySelector(selector);
  const fromHeading = heading ? textOf(heading, document) : "";
  if (fromHeading !== "") return fromHeading;
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute("content")?.trim();
  return og || undefined;
}

function metaDate(document: HtmlDocument, selector: string): string | undefined {
  const time = document.querySelector(selector);
  const candidates = [
    time?.getAttribute("datetime"),
    time ? textOf(time, document) : undefined,
    document.querySelector('meta[property="article:published_time"]')?.getAttribute("content"),
    document.querySelector('meta[name="date"]')?.getAttribute("content"),
  ];
  for (const candidate of candidates) {
    const date = candidate ? extractPublishedDate(candidate) : undefined;
    if (date) return date;
  }
  return undefined;
}

/**
 * Legacy nato.int pages print the date as a paragraph of its own ("19 Sep. 2025 -", "Updated: 20 Sep. 2025");
 * it is page furniture, not release text.
 */
function isDateline(paragraph: string): boolean {
  if (paragraph.length > 60) return false;
  const dates = findDates(paragraph);
  if (dates.length === 0) return false;
  let rest = paragraph.normalize("NFC");
  for (const { start, end } of [...dates].reverse()) rest = rest.slice(0, start) + rest.slice(end);
  return (rest.match(/\p{L}/gu)?.length ?? 0) <= 12;
}

function pageText(document: HtmlDocument): string {
  const root = document.body ?? document.documentElement;
  if (!root) return "";
  const copy = root.cloneNode(true);
  for (const node of Array.from(copy.querySelectorAll(`${NON_TEXT}, header, footer, aside`))) node.remove();
  return (copy.textContent ?? "").replace(/[ \t\f\r]+/gu, " ");
}

function langHint(document: HtmlDocument): Lang | undefined {
  const primary = document.documentElement?.getAttribute("lang")?.trim().toLowerCase().split(/[-_]/u)[0];
  return isLang(primary) ? primary : undefined;
}
