import { describe } from "vitest";
import { chatStateContract } from "./chat-state.contract.js";
import { deliveryLedgerContract } from "./delivery-ledger.contract.js";
import { sqliteFixture } from "./fixture.js";
import { platformStateContract } from "./platform-state.contract.js";
import { releaseStoreContract } from "./release-store.contract.js";
import { subscriptionStoreContract } from "./subscription-store.contract.js";

describe("store contract on SQLite", () => {
  releaseStoreContract(sqliteFixture);
  subscriptionStoreContract(sqliteFixture);
  deliveryLedgerContract(sqliteFixture);
  chatStateContract(sqliteFixture);
  platformStateContract(sqliteFixture);
});
