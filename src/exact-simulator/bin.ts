#!/usr/bin/env node
/** `npx autopilot-exact-simulator --client-id … --client-secret … --redirect-uri …`: the simulator as the package ships it. */
import { serveFromArguments } from './cli.js';

// Typed here, not through @types/node: the project's type check runs without Node's globals.
const node = (globalThis as unknown as { process: { argv: string[]; exitCode?: number } }).process;
if (!(await serveFromArguments(node.argv.slice(2)))) node.exitCode = 2;
