// Finds a Chrome or Chromium to run the browser tests and benchmarks in.
// CHROME_PATH wins; then the usual install places on Linux, macOS and Windows.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** @returns {string | undefined} */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

/** The plain explanation printed when no browser is found. */
export const NO_CHROME_MESSAGE = `No Chrome or Chromium was found, and Carnet's tests run in a real browser.
  - Debian/Ubuntu: sudo apt-get install -y chromium
  - macOS: install Google Chrome, or: brew install --cask chromium
  - or point CHROME_PATH at a Chrome/Chromium executable: CHROME_PATH=/path/to/chrome npm test`;

/** Flags for headless runs as root in a sandbox with no outside network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Returns the browser path or exits with the explanation. */
export function requireChrome() {
  const path = findChrome();
  if (!path) {
    if (process.env.CHROME_PATH)
      console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    console.error(NO_CHROME_MESSAGE);
    process.exit(1);
  }
  return path;
}
