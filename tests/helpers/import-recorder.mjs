/**
 * `node --import ./import-recorder.mjs …` appends every module URL the process resolves to the file named by
 * IMPORT_LOG, one per line: what a command loads, for tests that keep heavy modules out of light commands.
 */
import { register } from "node:module";

register("./import-recorder-hooks.mjs", import.meta.url, { data: { log: process.env.IMPORT_LOG } });
