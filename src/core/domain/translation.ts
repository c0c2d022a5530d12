import type { Provenance } from "./brief.js";
import type { Lang } from "./language.js";

/** A text translated on request (`translate`), labelled with how it was produced. */
export interface Translation {
  from: Lang;
  to: Lang;
  /** The text as given. */
  source: string;
  /** The translation, paragraph for paragraph; empty when unavailable. */
  text: string;
  /** `machine-offline` with the pipeline as `model`, or `unavailable` with the reason. */
  provenance: Provenance;
}
