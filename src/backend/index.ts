// The reference backend's platform-neutral entry (no Node built-ins): for a browser under MSW or any fetch host.
export { createBackend } from './backend.js';
export { createBackendApp } from './app.js';
export type { BackendOptions } from './config.js';
export { regionBaseUrl } from './config.js';
export type { Db, Queryable } from './db/adapter.js';
export { openPglite } from './db/pglite.js';
export { migrate } from './db/migrations.js';
export { defaultPlatformSeed, type PlatformSeed } from './platform-seed.js';
