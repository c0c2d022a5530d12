import { databaseConfig } from "../../src/config.js";
import type { NewSubscription } from "../../src/core/domain/subscription.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { ReleaseStore } from "../../src/core/ports/release-store.port.js";
import type { DeliveryLedger, SubscriptionStore } from "../../src/core/ports/subscription-store.port.js";
import { openStores } from "../../src/infra/store/stores.js";

/** The stores a replica test reads and seeds, on the database the replicas share. */
export interface SharedStores {
  releases: ReleaseStore;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  close(): Promise<void>;
}

/** The app's own stores on `databaseUrl` (a DATABASE_URL), migrated if the replicas have not done it yet. */
export async function openSharedStores(databaseUrl: string): Promise<SharedStores> {
  const stores = await openStores(databaseConfig(databaseUrl), { logger: silentLogger, ledgerOwner: "test-reader" });
  return {
    releases: stores.releases,
    subscriptions: stores.subscriptions,
    ledger: stores.ledger,
    close: () => stores.close(),
  };
}

const PARAGRAPHS = [
  // One long first sentence: a digest item shows it as the summary, so twenty items fill two Slack messages.
  "Allied defence ministers met at NATO Headquarters in Brussels on Thursday, together with the ministers of partner nations and the heads of the European Union's defence agencies, to review the progress made on the regional defence plans agreed at the last summit, the forces and capabilities those plans need from every Ally in the years to come, the investments in air and missile defence, long-range fires, munitions, logistics and digital networks they call for, the growth of the defence industry on both sides of the Atlantic that must deliver them, and the resilience of the energy, transport and communication networks on which the armed forces of every Ally depend in peace, in crisis and in conflict.",
  "Allied defence ministers met at NATO Headquarters in Brussels on Thursday to review the progress made on the regional defence plans agreed at the last summit, and to decide how the forces and capabilities those plans need will be delivered over the coming years by every Ally.",
  "The Secretary General said that Allies had delivered on their commitments to invest more in defence, that the industrial capacity of the Alliance was growing faster than at any time since the end of the Cold War, and that further steps would follow before the summer meeting of heads of state and government.",
  "Ministers also discussed support for partners, the protection of critical infrastructure on land and at sea, the resilience of supply chains for munitions and spare parts, and the work of the new centres of excellence that Allies opened this year in the north and the east of the Alliance.",
  "In a separate session, ministers reviewed the training of forces for the large exercises planned for the autumn, the readiness of the high-readiness units placed under NATO command, and the lessons learned from the deployments of the past two years, before agreeing on a common statement.",
];

/** `count` releases published today; every fourth (the 1st, 5th, …) mentions "undersea cables". */
export async function seedReleases(store: ReleaseStore, count: number, prefix = "replicas"): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    await store.saveRelease({
      contentHash: `${prefix}-${i}`,
      canonicalUrl: `https://www.nato.int/cps/en/natohq/news_${prefix}_${i}.htm`,
      sourceLanguage: "en",
      published: today,
      texts: {
        en: {
          lang: "en",
          title: `Ministers agree on step ${i + 1} of the plan`,
          paragraphs:
            i % 4 === 0 ? [...PARAGRAPHS, "Undersea cables were the focus of a separate session."] : PARAGRAPHS,
          official: true,
          url: `https://www.nato.int/cps/en/natohq/news_${prefix}_${i}.htm`,
        },
      },
    });
  }
}

/** Subscriptions for `channels` Slack channels, created disabled (a trial enables its own). */
export async function seedSubscriptions(
  store: SubscriptionStore,
  channels: string[],
  settings: (channel: string, i: number) => Partial<NewSubscription> = () => ({}),
): Promise<string[]> {
  // In parallel: thousands of rows on PostgreSQL are round trips, not work.
  return Promise.all(
    channels.map(async (channel, i) => {
      const { subscription } = await store.upsert({
        // Workspace and channel, as targets are written since issue 17 (T1: the fake Slack's team); a bare
        // `slack:C…` would be adopted by each replica at start-up, racing the deliveries.
        target: `slack:T1:${channel}`,
        // Far from now: neither a cron run nor the start-up catch-up delivers it; only "run now" does.
        schedule: { kind: "weekly", day: ((new Date().getDay() + 3) % 7) as 0, time: "03:00" },
        timezone: "UTC",
        languages: "en",
        topics: [],
        ...settings(channel, i),
      });
      await store.setEnabled(subscription.id, false, "not this trial");
      return subscription.id;
    }),
  );
}

/** Turns the given subscriptions on or off, in parallel. */
export async function setEnabled(store: SubscriptionStore, ids: string[], enabled: boolean): Promise<void> {
  await Promise.all(ids.map((id) => store.setEnabled(id, enabled, enabled ? undefined : "trial over")));
}
