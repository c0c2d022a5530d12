/** See build-stamp.mjs. */
export declare const ROOT: string;
export declare function buildState(root?: string): "fresh" | "missing" | "stale";
