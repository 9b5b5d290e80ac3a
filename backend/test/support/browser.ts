import AxeBuilder from '@axe-core/playwright';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/config/config';
import { startTestApp, type TestApp } from './test-app';

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** axe-core violations on the page as short readable lines (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export type BrowserApp = { t: TestApp; browser: Browser; base: string; close(): Promise<void> };

/** The built web app served by a test API on a free port, and a Chromium to drive it. */
export async function startBrowserApp(env: Record<string, string> = {}, prepare?: (t: TestApp) => Promise<void>): Promise<BrowserApp> {
  const t = await startTestApp({ WEB_DIST: path.join(REPO_ROOT, 'frontend', 'dist'), ...env });
  await prepare?.(t);
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    t, browser, base,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** No axe-core violation, and nothing wider than the 360-px phone screen (naming what sticks out). */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const wide = await page.evaluate(() =>
    document.documentElement.scrollWidth <= 360
      ? []
      : [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > 361 && ![...e.children].some((c) => c.getBoundingClientRect().right > 361))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 80)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** On a phone the header's links and settings sit behind the menu button: opens it (a no-op on wide screens). */
export async function openMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Menu' });
  // The HTML's first screen draws the menu as inert text: wait for the app's own button (hidden on wide screens).
  await button.waitFor({ state: 'attached' });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'false') await button.click();
}
