import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** The browser tests drive the built app, which the api under test serves from dist/web. */
export function assertWebAppBuilt(): void {
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` before the browser tests');
  }
}

/** Debian's Chromium, as the machines that run the suite have it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageFaults {
  cspViolations: string[];
  pageErrors: string[];
}

/** Collects script errors and Content-Security-Policy violations, for a test to assert none. */
export function watchForFaults(page: Page): PageFaults {
  const faults: PageFaults = { cspViolations: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      faults.cspViolations.push(message.text());
    }
  });
  page.on('pageerror', (error) => faults.pageErrors.push(error.message));
  return faults;
}
