/**
 * Two processes (replicas, or a server and a CLI) with their own search index over one store, each saving the
 * index's snapshot: a save never replaces a snapshot that covers later changes with one that misses them, and a
 * process whose index is behind another's save takes that snapshot and catches up from its counter. Run against
 * SQLite (two connections to one file) and PostgreSQL (two store pools on one schema).
 */
import { describe, expect, it } from "vitest";
import type { ReleaseDraft } from "../../src/core/domain/release.js";
import { contentHash, draftFromText } from "../../src/core/ingest/index.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { QaSnapshotStore } from "../../src/core/ports/qa-index-store.port.js";
import type { ReleaseStore } from "../../src/core/ports/release-store.port.js";
import { QaIndexer } from "../../src/core/qa/qa-indexer.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";

export interface ReplicaStores {
  releases: ReleaseStore;
  snapshots: QaSnapshotStore;
}

export interface SharedStore {
  /** Stores on their own connection(s) to the one database. */
  connect(): Promise<ReplicaStores>;
  close(): Promise<void>;
}

const ORCHARD = `Allies plant an orchard at the training camp
Brussels, 4 April 2025 – Soldiers planted two hundred apple trees at the training camp near the lake.
The orchard will give shade to the firing range and fruit to the camp kitchen within five years.
Local schools helped to choose the varieties, which come from nurseries in the region.`;
const BRIDGE_FR = `Des sapeurs construisent un pont flottant
Bruxelles, 9 avril 2025 – Des sapeurs ont construit un pont flottant sur le large fleuve en six heures.
Le pont a porté des chars et des camions de ravitaillement jusqu'à l'autre rive avant d'être démonté.
Des équipes de quatre pays y ont travaillé ensemble, avec des bateaux pour tenir chaque section en place.`;
const BRIDGE = `Engineers build a floating bridge
Brussels, 9 April 2025 – Army engineers built a floating bridge across the wide river in six hours.
The bridge carried tanks and supply trucks to the far bank before it was taken apart again.
Crews from four countries worked on it together, using boats to hold each section in place.`;
const KENNEL = `A kennel opens for search dogs
Brussels, 14 April 2025 – A new kennel houses forty search dogs trained to find people under rubble.
Handlers and their dogs will train every week on a site built to look like a collapsed town.
The kennel also has a clinic where veterinarians look after the animals after each mission.`;

const url = (name: string, lang = "en") => `https://www.nato.int/cps/${lang}/natohq/news_${name}.htm`;

/** A release NATO published in both languages: a change to it changes both sides of the index. */
function bilingual(en: string, fr: string, name: string): ReleaseDraft {
  const english = draftFromText(en, { url: url(name) });
  const texts = { en: english.texts.en!, fr: draftFromText(fr, { url: url(name, "fr") }).texts.fr! };
  return { ...english, texts, contentHash: contentHash(texts) };
}

function indexer(stores: ReplicaStores): QaIndexer {
  return new QaIndexer(new MiniSearchIndex(), stores.releases, silentLogger, { snapshots: stores.snapshots });
}

function found(i: QaIndexer, text: string): string[] {
  return i.index.searchReleases({ texts: [text], sides: ["en"] }).map((m) => m.releaseId);
}

export function describeIndexerReplicasContract(name: string, open: () => Promise<SharedStore>): void {
  describe(`${name}: search index snapshots saved by two processes on one store`, () => {
    it("never saves a snapshot that misses changes over one that has them; the process behind loads the newer one", async () => {
      const shared = await open();
      try {
        const one = await shared.connect();
        const two = await shared.connect();
        const { release: orchard } = await one.releases.saveRelease(draftFromText(ORCHARD, { url: url("orchard") }));
        const a = indexer(one);
        await a.ensureReady();
        expect(await a.persist()).toBe(true);
        const b = indexer(two);
        await b.ensureReady();
        expect(b.counts).toMatchObject({ rebuilds: 0, loads: 2 });

        // B stores a release and saves both sides: the log before its snapshots is forgotten. A never heard of it.
        const { release: bridge } = await two.releases.saveRelease(bilingual(BRIDGE, BRIDGE_FR, "bridge"));
        await b.refresh(bridge.id);
        expect(await b.persist()).toBe(true);
        expect(await one.snapshots.changedSince(1)).toMatchObject({ complete: false });
        expect(found(a, "floating bridge river")).toEqual([]);

        // Then A stores one of its own and saves: not over B's snapshot with the bridge missing.
        const { release: kennel } = await one.releases.saveRelease(draftFromText(KENNEL, { url: url("kennel") }));
        await a.refresh(kennel.id);
        expect(await a.persist()).toBe(true);
        expect(found(a, "floating bridge river")).toEqual([bridge.id]);

        // A third process loads what was saved last: every release, with nothing to catch up.
        const c = indexer(await shared.connect());
        await c.ensureReady();
        expect(c.counts).toMatchObject({ rebuilds: 0, loads: 2 });
        expect(found(c, "floating bridge river")).toEqual([bridge.id]);
        expect(found(c, "kennel search dogs")).toEqual([kennel.id]);
        expect(found(c, "apple trees orchard")).toEqual([orchard.id]);

        // B hears of A's release (the replicas' feed) but is behind A's save: it takes A's snapshot, which has
        // everything B has, and saves nothing.
        await b.refresh(kennel.id);
        const saved = await two.snapshots.load("en");
        expect(await b.persist()).toBe(false);
        expect((await two.snapshots.load("en"))?.savedAt).toBe(saved?.savedAt);
        expect(found(b, "kennel search dogs")).toEqual([kennel.id]);
        const stored = await two.snapshots.load("en");
        expect(stored?.changeSeq).toBe(await two.snapshots.changeSeq());
      } finally {
        await shared.close();
      }
    });

    it("keeps the stored snapshot when a process that built its index earlier saves after it", async () => {
      const shared = await open();
      try {
        const one = await shared.connect();
        const two = await shared.connect();
        await one.releases.saveRelease(draftFromText(ORCHARD, { url: url("orchard") }));
        const early = indexer(one);
        await early.ensureReady();
        // Another process stores a release, builds its own index and saves it first.
        const { release: bridge } = await two.releases.saveRelease(draftFromText(BRIDGE, { url: url("bridge") }));
        const late = indexer(two);
        await late.ensureReady();
        expect(await late.persist()).toBe(true);
        const newer = await two.snapshots.load("en");
        // The early index catches up from the log before it saves: the bridge is in what it saves.
        await early.persist();
        expect(found(early, "floating bridge river")).toEqual([bridge.id]);
        const stored = await one.snapshots.load("en");
        expect(stored!.changeSeq).toBeGreaterThanOrEqual(newer!.changeSeq);
        const c = indexer(await shared.connect());
        await c.ensureReady();
        expect(found(c, "floating bridge river")).toEqual([bridge.id]);
      } finally {
        await shared.close();
      }
    });
  });
}
