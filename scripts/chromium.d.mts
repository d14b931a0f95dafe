/** Path of the Chromium binary; `CHROMIUM_PATH` overrides it. */
export declare const CHROMIUM_PATH: string;
/** Launch flags for headless Chromium. */
export declare const CHROMIUM_ARGS: string[];
