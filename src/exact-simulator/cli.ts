import { serveExactSimulator, type ServedSimulator } from './node-server.js';
import { bigSeed, defaultSeed } from './seed.js';

export const simulatorUsage = `usage: autopilot-exact-simulator --client-id <id> --client-secret <secret> --redirect-uri <your backend's OAuth callback> [--redirect-uri …]
       [--port <port, default a free one>] [--big <n>: also tienduizend@groot-accountants.nl with n divisions]`;

export interface SimulatorArguments {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  port: number;
  big?: number;
}

/** The simulator's command line, or a message naming what is wrong. */
export function parseSimulatorArguments(argv: readonly string[]): SimulatorArguments | string {
  const redirectUris: string[] = [];
  const values: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index]!, argv[index + 1]];
    if (!['--client-id', '--client-secret', '--redirect-uri', '--port', '--big'].includes(flag)) return `unknown argument ${flag}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    if (flag === '--redirect-uri') redirectUris.push(value);
    else values[flag] = value;
  }
  if (!values['--client-id'] || !values['--client-secret'] || redirectUris.length === 0) return '--client-id, --client-secret and --redirect-uri are required (the app as registered with Exact)';
  const port = Number(values['--port'] ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--port ${values['--port']} is not a port number`;
  const big = values['--big'] === undefined ? undefined : Number(values['--big']);
  if (big !== undefined && !(Number.isInteger(big) && big > 0)) return `--big ${values['--big']} is not a positive whole number`;
  return { clientId: values['--client-id']!, clientSecret: values['--client-secret']!, redirectUris, port, ...(big ? { big } : {}) };
}

/**
 * Serves the simulator for a backend team's own backend (and the conformance kit) until the
 * process ends; resolves with the server, or undefined after printing what is wrong.
 */
export async function serveFromArguments(argv: readonly string[], write: (line: string) => void = console.log): Promise<ServedSimulator | undefined> {
  const parsed = parseSimulatorArguments(argv);
  if (typeof parsed === 'string') {
    write(`exact-simulator: ${parsed}\n${simulatorUsage}`);
    return undefined;
  }
  const seed = parsed.big ? () => bigSeed(parsed.big) : () => defaultSeed();
  const served = await serveExactSimulator({ apps: [{ clientId: parsed.clientId, clientSecret: parsed.clientSecret, redirectUris: parsed.redirectUris, name: 'Autopilot' }], seed }, parsed.port);
  write(`Exact Online simulator on ${served.origin}: the country hosts are ${served.origin}/nl, /be, /de, /uk, /com, /es, /fr; control endpoints under ${served.origin}/_simulator/`);
  write(`Logins: ${served.simulator.users().map((user) => `${user.username} / ${user.password} (${user.region}, ${user.divisions} ${user.divisions === 1 ? 'administration' : 'administrations'})`).join('; ')}`);
  return served;
}
