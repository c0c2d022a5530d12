import { describe, expect, it } from "vitest";
import { serviceUrlProblem, storedServiceUrlProblem } from "../../adapters/teams/conversation/service-url.js";

const dev = { authenticated: false, devOrigins: ["http://127.0.0.1:3978"] };
const auth = { authenticated: true, devOrigins: [] };

describe("which serviceUrl the Teams bot may post to (issue 15, finding 3)", () => {
  it("without authentication: only the configured loopback origins", () => {
    expect(serviceUrlProblem("http://127.0.0.1:3978/", dev)).toBeUndefined();
    expect(serviceUrlProblem("http://127.0.0.1:3979/", dev)).toMatch(/TEAMS_DEV_SERVICE_URLS/);
    expect(serviceUrlProblem("https://smba.trafficmanager.net/emea/", dev)).toMatch(/TEAMS_DEV_SERVICE_URLS/);
  });

  it("with authentication: what the token's serviceurl claim vouched for, over https only", () => {
    expect(serviceUrlProblem("https://smba.trafficmanager.net/emea/", auth, "token")).toBeUndefined();
    expect(serviceUrlProblem("https://smba.trafficmanager.net/emea/", auth, "unverified")).toMatch(/token/);
    expect(serviceUrlProblem("http://smba.trafficmanager.net/emea/", auth, "token")).toMatch(/token/);
  });

  it("never another scheme, never credentials, never a non-string", () => {
    for (const policy of [dev, auth]) {
      expect(serviceUrlProblem("file:///etc/passwd", policy, "token")).toMatch(/http/);
      expect(serviceUrlProblem("https://user@smba.trafficmanager.net/", policy, "token")).toMatch(/user name/);
      expect(serviceUrlProblem("http://x@127.0.0.1:3978/", policy, "token")).toMatch(/user name/);
      expect(serviceUrlProblem(42, policy, "token")).toMatch(/string/);
    }
  });

  it("stored references are held to the same rules when read", () => {
    expect(storedServiceUrlProblem({ serviceUrl: "file:///etc/passwd" }, auth)).toMatch(/http/);
    expect(storedServiceUrlProblem({ serviceUrl: "http://127.0.0.1:1/" }, dev)).toBeDefined();
    expect(storedServiceUrlProblem(null, dev)).toBeDefined();
    expect(storedServiceUrlProblem({ serviceUrl: "https://smba.trafficmanager.net/emea/" }, auth)).toBeUndefined();
  });
});
