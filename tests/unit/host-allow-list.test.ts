import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowsHost } from "../../src/infra/sources/host-allow-list.js";
import { FetchError, HttpFetcher, type Resolver } from "../../src/infra/sources/http-fetcher.js";
import { isInternalAddress } from "../../src/infra/sources/internal-address.js";

let server: Server;
let port = 0;
let hits = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "text/html" }).end("<p>page</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Names resolve through this table only: nothing here asks the system's DNS. */
const table: Record<string, string[]> = {
  "pages.test": ["127.0.0.1"],
  "internal.nato.int": ["10.1.2.3"],
  "metadata.nato.int": ["169.254.169.254"],
  "v6-local.nato.int": ["fd00::1"],
  "mapped.nato.int": ["::ffff:127.0.0.1"],
  "mixed.nato.int": ["93.184.216.34", "192.168.1.10"],
};
const resolved: string[] = [];
const resolver: Resolver = async (name) => {
  resolved.push(name);
  return (table[name] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("the source allow-list checks hosts, ports and resolved addresses (issue 15, finding 5)", () => {
  it("a bare name is exact: nato.int no longer admits every *.nato.int", () => {
    expect(allowsHost(["nato.int"], "https://intranet.nato.int/")).toBe(false);
    expect(allowsHost(["*.nato.int"], "https://intranet.nato.int/")).toBe(true);
    expect(allowsHost(["*.nato.int"], "https://nato.int/")).toBe(false);
  });

  it("ports 80 and 443 only, unless the rule names one", () => {
    expect(allowsHost(["www.nato.int"], "https://www.nato.int/")).toBe(true);
    expect(allowsHost(["www.nato.int"], "http://www.nato.int/")).toBe(true);
    expect(allowsHost(["www.nato.int"], "https://www.nato.int:8443/")).toBe(false);
    expect(allowsHost(["www.nato.int"], "http://www.nato.int:22/")).toBe(false);
    expect(allowsHost(["www.nato.int:8443"], "https://www.nato.int:8443/")).toBe(true);
  });

  it("a name resolving to a loopback, private, link-local or mapped address is refused before any connection", async () => {
    const fetcher = new HttpFetcher({ allowedHosts: ["*.nato.int:80", `pages.test:${port}`], resolver });
    hits = 0;
    for (const name of ["internal", "metadata", "v6-local", "mapped", "mixed"]) {
      const error = await refusal(fetcher.fetchPage(`http://${name}.nato.int/secret`));
      expect([name, error.code, error.message]).toEqual([
        name,
        "not-allowed",
        expect.stringMatching(/internal address/),
      ]);
    }
    // pages.test resolves to 127.0.0.1, which is not on the list: refused too.
    expect((await refusal(fetcher.fetchPage(`http://pages.test:${port}/`))).code).toBe("not-allowed");
    expect(hits).toBe(0);
  });

  it("an internal address named on the list is fetched, at the address the resolver gave (no second lookup)", async () => {
    const fetcher = new HttpFetcher({ allowedHosts: [`pages.test:${port}`, `127.0.0.1:${port}`], resolver });
    resolved.length = 0;
    hits = 0;
    const page = await fetcher.fetchPage(`http://pages.test:${port}/a`);
    expect(page.html).toBe("<p>page</p>");
    // "pages.test" exists only in the table: the connection went where the checked lookup said.
    expect(resolved).toEqual(["pages.test"]);
    expect(hits).toBe(1);
  });

  it("knows which addresses are internal", () => {
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
    ]) {
      expect([a, isInternalAddress(a)]).toEqual([a, true]);
    }
    for (const a of ["::1", "::", "fe80::1", "fd12::1", "::ffff:10.0.0.1", "::ffff:7f00:1", "not-an-ip"]) {
      expect([a, isInternalAddress(a)]).toEqual([a, true]);
    }
    for (const a of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"])
      expect([a, isInternalAddress(a)]).toEqual([a, false]);
  });
});
