import { describe, expect, it } from "vitest";
import { canonicalizeUrl } from "../../src/core/ingest/canonical-url.js";
import { IngestError } from "../../src/core/ingest/ingest-error.js";

describe("canonicalizeUrl", () => {
  it.each([
    ["HTTPS://WWW.NATO.INT/cps/en/natohq/news_222735.htm", "https://www.nato.int/cps/en/natohq/news_222735.htm"],
    ["https://www.nato.int:443/cps/en/natohq/news_1.htm#top", "https://www.nato.int/cps/en/natohq/news_1.htm"],
    ["http://www.nato.int:80/a", "http://www.nato.int/a"],
    ["http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a"],
    ["https://www.nato.int/a?", "https://www.nato.int/a"],
    [
      "https://www.nato.int/cps/en/natohq/news_1.htm?selectedLocale=en",
      "https://www.nato.int/cps/en/natohq/news_1.htm",
    ],
    ["https://www.nato.int/a?selectedLocale=null", "https://www.nato.int/a"],
    ["https://www.nato.int/a?utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4", "https://www.nato.int/a"],
    ["https://www.nato.int/a?z=1&utm_campaign=c&a=2&m=3", "https://www.nato.int/a?a=2&m=3&z=1"],
    ["https://www.nato.int/a?b=1&&a=x%20y", "https://www.nato.int/a?a=x%20y&b=1"],
    ["https://www.nato.int/a?tag=2&tag=1", "https://www.nato.int/a?tag=2&tag=1"],
    ["  https://www.nato.int/Case/Path  ", "https://www.nato.int/Case/Path"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it("gives the same result twice", () => {
    const once = canonicalizeUrl("https://www.nato.int/a?z=1&a=2#x");
    expect(canonicalizeUrl(once)).toBe(once);
  });

  it.each(["not a url", "", "/cps/en/natohq/news_1.htm", "ftp://www.nato.int/a", "javascript:alert(1)"])(
    "refuses %j as bad input",
    (input) => {
      expect(() => canonicalizeUrl(input)).toThrow(IngestError);
      try {
        canonicalizeUrl(input);
      } catch (error) {
        expect((error as IngestError).code).toBe("bad-input");
        expect((error as IngestError).message).toContain(input);
      }
    },
  );
});
