import { describe } from "vitest";
import { postgresMissing } from "../../helpers/postgres.js";
import { chatStateContract } from "./chat-state.contract.js";
import { deliveryLedgerContract } from "./delivery-ledger.contract.js";
import { postgresFixture } from "./fixture.js";
import { platformStateContract } from "./platform-state.contract.js";
import { releaseStoreContract } from "./release-store.contract.js";
import { subscriptionStoreContract } from "./subscription-store.contract.js";

const missing = await postgresMissing();

describe.skipIf(missing !== undefined)("store contract on PostgreSQL (a fresh schema per test)", () => {
  releaseStoreContract(postgresFixture);
  subscriptionStoreContract(postgresFixture);
  deliveryLedgerContract(postgresFixture);
  chatStateContract(postgresFixture);
  platformStateContract(postgresFixture);
});
