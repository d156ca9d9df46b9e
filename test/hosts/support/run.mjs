import { execFile } from 'node:child_process';

/** Runs a command; on failure the error carries its whole output, so a test failure shows why. */
export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${[command, ...args].join(' ')} (in ${cwd}) exited ${error.code}:\n${stdout}\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}
