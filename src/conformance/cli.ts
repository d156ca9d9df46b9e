import type { KitOptions } from './kit.js';
import { runConformance, type CheckResult } from './run.js';

export const usage = `usage: npm run conformance -- --api <backend>/api --exact <simulator origin> [--origin <allowed page origin>]
       [--cookie 'econnect_session=…' [--cookie2 'econnect_session=…'] | --dev-sessions] [--exact-user <login>]
       [--batch-exact-user <login>: the Exact user of the batch check, default the nl user with the most administrations]`;

const flags = new Set(['--api', '--exact', '--origin', '--cookie', '--cookie2', '--exact-user', '--batch-exact-user']);

/** The options from the command line, or a message naming what is wrong. */
export function parseArguments(argv: readonly string[]): KitOptions | string {
  const values: Record<string, string> = {};
  let devSessions = false;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    if (flag === '--dev-sessions') {
      devSessions = true;
      continue;
    }
    if (!flags.has(flag)) return `unknown argument ${flag}`;
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    values[flag] = value;
    index += 1;
  }
  if (!values['--api'] || !values['--exact']) return '--api and --exact are required';
  for (const flag of ['--api', '--exact', '--origin']) {
    if (values[flag] === undefined) continue;
    try {
      new URL(values[flag]!);
    } catch {
      return `${flag} ${values[flag]} is not a URL`;
    }
  }
  if (!devSessions && !values['--cookie']) return "give --cookie 'econnect_session=…' or --dev-sessions";
  if (devSessions && values['--cookie']) return '--cookie and --dev-sessions exclude each other';
  return {
    api: values['--api']!,
    exact: values['--exact']!,
    ...(values['--origin'] ? { origin: values['--origin'] } : {}),
    ...(values['--cookie'] ? { cookie: values['--cookie'] } : {}),
    ...(values['--cookie2'] ? { cookie2: values['--cookie2'] } : {}),
    ...(values['--exact-user'] ? { exactUser: values['--exact-user'] } : {}),
    ...(values['--batch-exact-user'] ? { batchExactUser: values['--batch-exact-user'] } : {}),
    devSessions,
  };
}

const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

export const formatResult = (result: CheckResult): string => `${mark[result.outcome]}  ${result.name}${result.detail ? ` — ${result.detail}` : ''}`;

/** The command: one line per check, a summary, exit code 1 on any failure (2 on bad arguments). */
export async function main(argv: readonly string[], write: (line: string) => void = console.log): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    write(`conformance: ${options}\n${usage}`);
    return 2;
  }
  write(`conformance kit: backend ${options.api}, Exact simulator ${options.exact}`);
  const { results, passed } = await runConformance(options, (result) => write(formatResult(result)));
  const count = (outcome: CheckResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  write(`${passed ? 'conformant' : 'NOT conformant'}: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
  return passed ? 0 : 1;
}
