import { databaseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { PgQaSnapshots, PgReleaseTranslations } from "../../src/infra/store/pg/pg-qa-index-store.js";
import { openPgStores } from "../../src/infra/store/pg/pg-stores.js";
import { freshSchema, postgresMissing } from "../helpers/postgres.js";
import { describeQaIndexStoreContract } from "./qa-index-store.contract.js";

const missing = await postgresMissing();

if (missing === undefined) {
  describeQaIndexStoreContract("PostgreSQL", async () => {
    const schema = await freshSchema("qa");
    const config = databaseConfig(schema.url);
    if (config.kind !== "postgres") throw new Error("not a PostgreSQL URL");
    const stores = await openPgStores(config, { logger: silentLogger });
    return {
      releases: stores.releases,
      translations: new PgReleaseTranslations(stores.db),
      snapshots: new PgQaSnapshots(stores.db),
      close: async () => {
        await stores.close();
        await schema.drop();
      },
    };
  });
}
