import { parseHTML } from "linkedom";

/**
 * The slice of the DOM that ingest uses. tsconfig has no "dom" lib (the core must not lean on browser
 * globals), so linkedom's `Window` type resolves to nothing; this names what we rely on instead.
 */
export interface HtmlElement {
  readonly tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  cloneNode(deep: boolean): HtmlElement;
  replaceWith(...nodes: unknown[]): void;
  remove(): void;
}

export interface HtmlDocument extends HtmlElement {
  readonly documentElement: HtmlElement | null;
  readonly body: HtmlElement | null;
  createTextNode(data: string): unknown;
}

/** Elements that are never release text: code, chrome, navigation, forms and photo captions. */
export const NON_TEXT = "script, style, noscript, template, nav, button, form, select, figure, figcaption, svg";

/** Block elements whose text is one paragraph each. */
const PARAGRAPHS = "p, li";

/**
 * linkedom leaves `documentElement` null for a fragment without `<html>` (and `document.body` then throws),
 * so fragments are wrapped in a page first.
 */
export function parseDocument(html: string): HtmlDocument {
  const page = /<html[\s>]/iu.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as HtmlDocument;
}

/** Whitespace-collapsed text of an element, with `<br>` read as a space rather than gluing words together. */
export function textOf(element: HtmlElement, document: HtmlDocument): string {
  const copy = element.cloneNode(true);
  for (const node of Array.from(copy.querySelectorAll(NON_TEXT))) node.remove();
  for (const br of Array.from(copy.querySelectorAll("br"))) br.replaceWith(document.createTextNode(" "));
  // Only HTML whitespace collapses: the no-break spaces French sets before « : ; » are typography, kept.
  return (copy.textContent ?? "").replace(/[ \t\n\f\r]+/gu, " ").trim();
}

/**
 * One string per `p` and `li` under the roots, in document order, without empty ones. A list item keeps only
 * its own words: its nested lists and paragraphs are paragraphs of their own.
 */
export function paragraphsOf(roots: ArrayLike<HtmlElement>, document: HtmlDocument): string[] {
  const out: string[] = [];
  for (const root of Array.from(roots)) {
    const clean = root.cloneNode(true);
    for (const node of Array.from(clean.querySelectorAll(NON_TEXT))) node.remove();
    for (const block of Array.from(clean.querySelectorAll(PARAGRAPHS))) {
      const own = block.cloneNode(true);
      if (block.tagName.toLowerCase() === "li") {
        for (const nested of Array.from(own.querySelectorAll("ul, ol, p"))) nested.remove();
      }
      const text = textOf(own, document);
      if (text !== "") out.push(text);
    }
  }
  return out;
}
