import { XMLParser, XMLValidator } from "fast-xml-parser";

/** A feed or sitemap that is not well-formed XML, or that declares entities (refused, never expanded). */
export class XmlError extends Error {
  override readonly name = "XmlError";
}

/** Elements that may repeat in RSS, Atom and sitemaps: always arrays, so one item reads like many. */
const REPEATED = new Set(["item", "entry", "link", "url", "sitemap", "category"]);

/**
 * Entity expansion is off: `processEntities: false` keeps `&name;` as written, and a document whose DOCTYPE
 * declares entities (XXE `SYSTEM "file:///..."`, "billion laughs") is refused before parsing. The five XML
 * entities and numeric character references are decoded afterwards by {@link decodeXmlText}, which cannot
 * expand anything.
 */
const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: "__cdata",
  isArray: (name) => REPEATED.has(name),
});

/** Parses a feed or sitemap; `what` names it in errors ("feed https://..."). */
export function parseXml(xml: string, what: string): Record<string, unknown> {
  if (/<!ENTITY/iu.test(xml)) {
    throw new XmlError(`${what} declares XML entities in its DOCTYPE; refused (entity expansion is off)`);
  }
  // A bare DOCTYPE carries nothing a feed needs; the validator would only trip on it.
  const body = xml.replace(/^\uFEFF/u, "").replace(/<!DOCTYPE[^>[]*>/iu, "");
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new XmlError(`${what} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const parsed: unknown = parser.parse(body);
  if (!parsed || typeof parsed !== "object") throw new XmlError(`${what} is empty`);
  return parsed as Record<string, unknown>;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric references in one pass; anything else stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/giu, (whole, hex, dec, name) => {
    if (name) return NAMED[String(name).toLowerCase()] ?? whole;
    const code = hex ? Number.parseInt(String(hex), 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of a parsed node: a string, `#text` (decoded) plus `__cdata` (verbatim), or nothing. */
export function textOf(node: unknown): string {
  if (typeof node === "string") return decodeXmlText(node).trim();
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    const text = typeof record["#text"] === "string" ? decodeXmlText(record["#text"]) : "";
    const cdata = [record.__cdata]
      .flat()
      .filter((c) => c !== undefined && c !== null)
      .join("");
    return `${text}${cdata}`.trim();
  }
  return "";
}

/** An attribute of a parsed element, decoded. */
export function attributeOf(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as Record<string, unknown>)[`@_${name}`];
  return typeof value === "string" ? decodeXmlText(value).trim() : undefined;
}

/** A child as an array (absent → empty). */
export function childrenOf(node: unknown, name: string): unknown[] {
  if (!node || typeof node !== "object") return [];
  const value = (node as Record<string, unknown>)[name];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
