import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const dir = path.resolve(import.meta.dirname, "../fixtures/teams-schemas");
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;

/** Adaptive Card 1.5 (draft-06). Its properties carry "version" and other annotations Ajv does not know. */
export function adaptiveCardValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, allowUnionTypes: true });
  ajv.addMetaSchema(
    readJson(path.resolve(import.meta.dirname, "../../node_modules/ajv/dist/refs/json-schema-draft-06.json")),
  );
  ajv.addVocabulary(["version", "features", "example"]);
  // CommonJS module under NodeNext: the plugin function is its `default` export.
  addFormats.default(ajv);
  // The file names itself with draft-04's root "id"; Ajv 8 reads only "$id". Renamed in memory, the file is untouched.
  const { id, ...schema } = readJson(path.join(dir, "adaptive-card-1.5.json"));
  return ajv.compile({ ...schema, $id: String(id) });
}

/** Teams manifest 1.30: declares draft-04 but uses `const` and Unicode patterns, hence ajv-draft-04. */
export function teamsManifestValidator(): ValidateFunction {
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(readJson(path.join(dir, "teams-manifest-1.30.schema.json")));
}
