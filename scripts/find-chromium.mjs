import { existsSync } from 'node:fs';

/** The Chromium to test with: $CHROME_PATH, else the first of the usual Debian paths. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install Debian\'s chromium (apt-get install chromium) or set CHROME_PATH.');
  return found;
}
