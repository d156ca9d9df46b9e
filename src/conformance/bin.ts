#!/usr/bin/env node
/** `npx autopilot-conformance --api … --exact …`: the kit as the package ships it (bin in package.json). */
import { main } from './cli.js';

// Typed here, not through @types/node: the project's type check runs without Node's globals.
const node = (globalThis as unknown as { process: { argv: string[]; exitCode?: number } }).process;
node.exitCode = await main(node.argv.slice(2));
