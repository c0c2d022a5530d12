import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * docker-compose.yml (README "Running replicas") without a Docker engine: its structure read with a YAML parser
 * (a postgres service with a health check, two bot replicas on it that wait for it and are checked themselves, a
 * load balancer over both, files it names present), and, where Compose is installed, `config -q`, Compose's own
 * validation against its schema.
 */
const root = path.resolve(import.meta.dirname, "../..");
const file = path.join(root, "docker-compose.yml");
const text = fs.readFileSync(file, "utf8");
// YAML merge keys (`<<: *bot`) are what Compose files use for shared service settings.
const compose = parse(text, { merge: true }) as {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
};

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}
const service = (name: string) => compose.services[name] as Service | undefined;
const bots = Object.keys(compose.services).filter((n) => n.startsWith("bot-"));

const composeCli = ["docker-compose", "docker"].find(
  (bin) => spawnSync(bin, bin === "docker" ? ["compose", "version"] : ["version"]).status === 0,
);
if (!composeCli) console.warn("compose.test: Compose is not installed; its own validation is skipped");

describe("docker-compose.yml", () => {
  it("runs a postgres service with a health check and its data in a named volume", () => {
    const pg = service("postgres")!;
    expect(pg.image).toMatch(/^postgres:\d+/);
    expect(pg.healthcheck?.test.join(" ")).toContain("pg_isready");
    const volume = pg.volumes?.[0]?.split(":")[0];
    expect(volume && compose.volumes && volume in compose.volumes).toBe(true);
  });

  it("runs two bot replicas of the same image on that database, each waiting for it and health-checked", () => {
    expect(bots).toHaveLength(2);
    const ports = new Set<string>();
    for (const name of bots) {
      const bot = service(name)!;
      expect(bot.build).toBe(".");
      expect(fs.existsSync(path.join(root, "Dockerfile"))).toBe(true);
      const url = new URL(bot.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/, "secret"));
      expect(url.protocol).toBe("postgres:");
      expect(url.hostname).toBe("postgres");
      expect(bot.depends_on?.postgres?.condition).toBe("service_healthy");
      expect(bot.healthcheck?.test.join(" ")).toContain("/healthz");
      for (const p of bot.ports ?? []) ports.add(p.split(":")[0]!);
    }
    expect(ports.size).toBe(2);
    expect(service(bots[0]!)!.environment).toEqual(service(bots[1]!)!.environment);
  });

  it("puts a load balancer over every replica, with a configuration file the clone has", () => {
    const lb = service("lb")!;
    const mount = lb.volumes?.[0]?.split(":")[0] ?? "";
    const conf = fs.readFileSync(path.join(root, mount), "utf8");
    for (const name of bots) {
      expect(conf).toContain(`server ${name}:3000`);
      expect(lb.depends_on?.[name]?.condition).toBe("service_healthy");
    }
  });

  it.skipIf(!composeCli)("passes Compose's own validation (`config -q`)", () => {
    // .env is the user's (never committed) and Compose needs it for env_file: a throwaway folder has both.
    const dir = fs.mkdtempSync(path.join(root, "node_modules", ".compose-"));
    try {
      fs.copyFileSync(file, path.join(dir, "docker-compose.yml"));
      fs.writeFileSync(path.join(dir, ".env"), "POSTGRES_PASSWORD=test-only\n");
      const run = ["-f", path.join(dir, "docker-compose.yml"), "config", "-q"];
      const args = composeCli === "docker" ? ["compose", ...run] : run;
      expect(() => execFileSync(composeCli!, args, { cwd: dir, stdio: "pipe" })).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
