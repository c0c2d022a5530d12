import { databaseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { PgQaSnapshots } from "../../src/infra/store/pg/pg-qa-index-store.js";
import { openPgStores, type PgStores } from "../../src/infra/store/pg/pg-stores.js";
import { freshSchema, postgresMissing } from "../helpers/postgres.js";
import { describeIndexerReplicasContract } from "./qa-indexer-replicas.contract.js";

const missing = await postgresMissing();

if (missing === undefined) {
  describeIndexerReplicasContract("PostgreSQL", async () => {
    const schema = await freshSchema("qarep");
    const config = databaseConfig(schema.url);
    if (config.kind !== "postgres") throw new Error("not a PostgreSQL URL");
    const opened: PgStores[] = [];
    return {
      async connect() {
        const stores = await openPgStores(config, { logger: silentLogger });
        opened.push(stores);
        return { releases: stores.releases, snapshots: new PgQaSnapshots(stores.db) };
      },
      async close() {
        for (const stores of opened) await stores.close();
        await schema.drop();
      },
    };
  });
}
