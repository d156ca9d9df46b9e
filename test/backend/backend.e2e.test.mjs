// The reference backend on PGlite in memory (the default database).
import { backendSuite } from './suite.mjs';

backendSuite('PGlite in memory', async () => ({}));
