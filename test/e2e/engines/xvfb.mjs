import { spawn } from 'node:child_process';

/**
 * A virtual X display for WebKitGTK, which cannot run headless: the one in $DISPLAY (e.g. from
 * `xvfb-run -a`), else a private Xvfb on a free display number (Xvfb picks it and writes it to
 * fd 3), stopped by `stop()`. So the engine tests run from a plain `node --test` too.
 */
export async function ensureDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: async () => {} };
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => (stderr += chunk));
  const display = await new Promise((resolve, reject) => {
    let written = '';
    xvfb.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve(`:${written.trim()}`);
    });
    xvfb.once('error', (error) =>
      reject(new Error(`WebKitGTK needs a display and Xvfb did not start (${error.message}): install Debian's xvfb, or run under xvfb-run -a.`)),
    );
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr.trim()}`)));
  });
  return {
    display,
    async stop() {
      if (xvfb.exitCode !== null) return;
      const exited = new Promise((resolve) => xvfb.once('exit', resolve));
      xvfb.kill();
      await exited;
    },
  };
}
