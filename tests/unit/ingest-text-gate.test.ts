import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { draftFromHtml, draftFromText, IngestError } from "../../src/core/ingest/index.js";
import { checkNotBinary, checkProse, decodeText } from "../../src/core/ingest/text-gate.js";

const here = (p: string) => new URL(p, import.meta.url);
const sampleBytes = fs.readFileSync(here("../../samples/breton-defence-industry.fr.txt"));
const sample = sampleBytes.toString("utf8");
const notRelease = (name: string) => fs.readFileSync(here(`../fixtures/not-releases/${name}`));
const releases = fs
  .readdirSync(here("../fixtures/qa/releases/"))
  .map((f) => fs.readFileSync(here(`../fixtures/qa/releases/${f}`), "utf8"));

/** Deterministic "random" bytes: a file of noise, as `head -c 4096 /dev/urandom` makes. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Encodes text as Windows-1252 (Latin-1 plus typographic quotes and dashes at 0x80–0x9F). */
function windows1252(text: string): Buffer {
  const high = new TextDecoder("windows-1252").decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code < 0x100)) return code;
      const at = high.indexOf(ch);
      return at >= 0 ? 0x80 + at : 0x20; // a narrow no-break space has no byte: a space
    }),
  );
}

/** The text of a file as ingest sees it: decoded, then drafted (or refused). */
const ingestBytes = (bytes: Uint8Array) => draftFromText(decodeText(bytes));

function refusal(run: () => unknown): IngestError {
  try {
    run();
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error("was not refused");
}

describe("text gate: what is not text is refused as such", () => {
  it.each([
    ["random bytes", noise(4096)],
    ["a gzipped copy of the sample", gzipSync(sampleBytes)],
    ["an executable", fs.readFileSync(process.execPath).subarray(0, 64 * 1024)],
  ])("%s: 'this file is not text'", (_what, bytes) => {
    const err = refusal(() => ingestBytes(bytes));
    expect(err.code).toBe("not-text");
    expect(err.message).toMatch(/^This file is not text \(/);
    expect(err.message.split("\n")).toHaveLength(1);
  });

  it("reads UTF-8, UTF-16 with its byte-order mark, and a legacy 8-bit French text", () => {
    const expected = draftFromText(sample).texts.fr?.title;
    expect(ingestBytes(sampleBytes).texts.fr?.title).toBe(expected);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]);
    expect(ingestBytes(utf16).texts.fr?.title).toBe(expected);
    // Windows-1252 / Latin-1, as an old word processor saves French: é is one byte, not valid UTF-8.
    const latin1 = windows1252(sample);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(latin1)).toThrow();
    expect(ingestBytes(latin1).texts.fr?.title).toBe(expected);
  });

  it("refuses binary data that reached us as characters (a page served as text)", () => {
    const garbled = new TextDecoder().decode(noise(2000));
    expect(() => checkNotBinary(garbled)).toThrow(/^This is not text \(\d+ control or undecodable/);
    // One stray replacement character in a real page is not binary data.
    expect(() => checkNotBinary(`${sample}\uFFFD`)).not.toThrow();
  });
});

describe("text gate: what does not read as English or French prose is refused as such", () => {
  it.each([
    ["a shell script (the issue's « #!/usr/Seau/env bash »)", "deploy.sh", /it is a script \(#!\/usr\/bin\/env bash\)/],
    ["a shell script without its #! line", "deploy-no-shebang.sh", /stands in sentences \(it reads as code or data\)/],
    ["a table of figures", "figures.csv", /of its characters are letters|stands in sentences/],
  ])("%s", (_what, file, why) => {
    const err = refusal(() => ingestBytes(notRelease(file)));
    expect(err.code).toBe("not-prose");
    expect(err.message).toMatch(/^This does not read as English or French prose: /);
    expect(err.message).toMatch(why);
  });

  it("refuses JSON, HTML markup and a list of bare names", () => {
    const json = JSON.stringify({ releases: releases.map((r) => ({ text: r })) }, null, 2);
    expect(refusal(() => draftFromText(json)).message).toMatch(/it is data \(JSON or code\)/);
    const html = `<!doctype html><html><body><p>${releases[0]}</p></body></html>`;
    expect(refusal(() => draftFromText(html)).message).toMatch(/it is HTML markup: give the page's address/);
    const names = `Participants\n${"Albania Belgium Bulgaria Canada Croatia Czechia Denmark Estonia Finland France ".repeat(4)}`;
    expect(refusal(() => draftFromText(names)).code).toBe("not-prose");
  });

  it("keyboard noise in English letters has no sentence of English or French words", () => {
    const noiseWords = "Qwrt zxcv bnmp lkjh gfds. Ytre wqaz xsw edcv rfvt gbyh nujm. ".repeat(6);
    const err = refusal(() => draftFromText(`Ploy xkcd vrml\n${noiseWords}`));
    expect(err.code === "not-prose" || err.code === "unsupported-language").toBe(true);
  });
});

describe("text gate: real releases pass, whatever their language", () => {
  it("passes the sample and every release fixture (English and French)", () => {
    for (const text of [sample, ...releases]) {
      const draft = draftFromText(text);
      expect(["en", "fr"]).toContain(draft.sourceLanguage);
    }
  });

  it("lets a German release through so language detection can name it", () => {
    const german =
      "Verteidigungsminister beraten in Brüssel\nDie Verteidigungsminister der NATO trafen sich heute in Brüssel, um über die Lage in der Ukraine zu beraten. " +
      "Sie vereinbarten, die Produktion von Munition deutlich zu erhöhen und die gemeinsame Beschaffung zu beschleunigen. " +
      "Der Generalsekretär sagte, dass die Bündnispartner ihre Zusagen einhalten werden.";
    expect(() => checkProse("", [german])).not.toThrow();
    expect(refusal(() => draftFromText(german))).toMatchObject({ code: "unsupported-language" });
    expect(refusal(() => draftFromText(german)).message).toMatch(/German \(deu\)/);
  });

  it("applies to fetched pages too: a page whose text is a script is refused", () => {
    const page = `<html><body><article><h1>Deploy</h1>${notRelease("deploy-no-shebang.sh")
      .toString("utf8")
      .split("\n")
      .map((l) => `<p>${l.replace(/</g, "&lt;")}</p>`)
      .join("")}</article></body></html>`;
    expect(refusal(() => draftFromHtml(page, "https://www.nato.int/cps/en/natohq/news_1.htm")).code).toBe("not-prose");
  });
});
