import fs from "node:fs";
import path from "node:path";
import AdmZip from "adm-zip";
import { describe, expect, it } from "vitest";
import { buildPackage, fillManifest } from "../../adapters/teams/scripts/package.js";
import { pngSize } from "../../adapters/teams/scripts/png.js";
import { HELP_TEXT } from "../../src/core/commands/parse-command.js";
import { teamsManifestValidator } from "../helpers/teams-schemas.js";

const root = path.resolve(import.meta.dirname, "../..");
const template = fs.readFileSync(path.join(root, "adapters/teams/manifest.json"), "utf8");
const values = {
  appId: "0d5a7a1e-4b7e-4c1a-9d1e-2f3a4b5c6d7e",
  botId: "11111111-2222-3333-4444-555555555555",
  domain: "brief.example.org",
};

interface Manifest {
  id: string;
  validDomains: string[];
  icons: { color: string; outline: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}

describe("Teams app manifest", () => {
  const manifest = JSON.parse(fillManifest(template, values)) as Manifest;

  it("is valid against the Teams manifest 1.30 schema once its placeholders are filled", () => {
    const validate = teamsManifestValidator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(manifest.id).toBe(values.appId);
    expect(manifest.bots[0]?.botId).toBe(values.botId);
    expect(manifest.validDomains).toEqual(["brief.example.org"]);
  });

  it("offers the bot in personal chat, teams and group chats, with the commands of /nato-brief", () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(["personal", "team", "groupChat"]);
    for (const list of bot.commandLists) {
      for (const command of list.commands) {
        expect(HELP_TEXT).toMatch(new RegExp(`^\\s+${command.title}\\b`, "m"));
        expect(command.description.length).toBeGreaterThan(10);
      }
    }
    expect(bot.commandLists.flatMap((l) => l.scopes).sort()).toEqual(["groupChat", "personal", "team"]);
  });

  it("refuses values that would make an invalid package", () => {
    expect(() => fillManifest(template, { ...values, botId: "not-a-guid" })).toThrow(/MICROSOFT_APP_ID must be a GUID/);
    expect(() => fillManifest(template, { ...values, domain: "https://x" })).toThrow(/TEAMS_BOT_DOMAIN/);
  });
});

describe("Teams app icons and package", () => {
  it("has a 192×192 colour icon and a 32×32 outline icon", () => {
    const icons = path.join(root, "adapters/teams/icons");
    expect(pngSize(fs.readFileSync(path.join(icons, "color.png")))).toEqual({ width: 192, height: 192 });
    expect(pngSize(fs.readFileSync(path.join(icons, "outline.png")))).toEqual({ width: 32, height: 32 });
  });

  it("zips manifest.json and both icons at the root", () => {
    const zip = new AdmZip(buildPackage(values));
    const names = zip
      .getEntries()
      .map((e) => e.entryName)
      .sort();
    expect(names).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(zip.readAsText("manifest.json")) as Manifest;
    expect(manifest.bots[0]?.botId).toBe(values.botId);
    expect(pngSize(zip.readFile("color.png")!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(zip.readFile("outline.png")!)).toEqual({ width: 32, height: 32 });
  });
});
