/** Replaced at build time by package.json's version (vite `define`; esbuild's under web-test-runner). */
declare const __AUTOPILOT_CONNECT_VERSION__: string;

/** This copy's version, so a clash between two copies on one page can say which loaded first. */
export const version: string = __AUTOPILOT_CONNECT_VERSION__;
