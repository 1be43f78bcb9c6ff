import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium as launchSystemChromium } from '../../scripts/chromium';
import { ROOT } from '../../scripts/launch';

export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Debian's Chromium (see scripts/chromium.ts), with the screenshot folder ready. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchSystemChromium();
}

/** Types into the Playground's compose box and sends, as a user would. */
export async function type(page: Page, text: string): Promise<void> {
  const box = page.locator('[role=textbox][contenteditable=true]').first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

/**
 * Waits until the text is on screen (the latest occurrence). The deadline is generous: it only
 * says which text never came. Clicks and reads need nothing more (Playwright waits for the
 * element to be ready); screenshots wait for the page to settle first (see `settled`).
 */
export async function waitForText(page: Page, text: string, timeout = 45_000): Promise<void> {
  await page.getByText(text, { exact: false }).last().waitFor({ state: 'visible', timeout });
}

/**
 * Resolves once fonts are loaded and the page has drawn two frames with nothing left to lay
 * out: what the layout "settling" waited a fixed 300 ms for.
 */
export async function settled(page: Page): Promise<void> {
  // A string, evaluated in the page (this project compiles without the DOM's types).
  await page.evaluate(
    'document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))',
  );
}

export const lastCard = (page: Page): Locator => page.locator('.ac-adaptiveCard').last();

/** Waits until the latest card (not any earlier one) shows the text. */
export async function waitForLastCard(page: Page, text: string, timeout = 45_000): Promise<void> {
  await lastCard(page).filter({ hasText: text }).waitFor({ state: 'visible', timeout });
}

/** What the user reads on the latest card. */
export async function lastCardText(page: Page): Promise<string> {
  return lastCard(page).innerText();
}

/** The latest card that shows the text, when later messages may have come after it. */
export const cardWith = (page: Page, text: string | RegExp): Locator =>
  page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

/** Saves the latest card, whole, however tall (Playwright waits for it to stop moving). */
export async function shootLastCard(page: Page, file: string): Promise<void> {
  await shootCard(page, lastCard(page), file);
}

/** Saves this card, whole, however tall: for a card that may no longer be the latest. */
export async function shootCard(page: Page, card: Locator, file: string): Promise<void> {
  await settled(page);
  // A card taller than the window would be shot scrolled under the Playground's toolbar: make
  // the window tall enough for it first, and put it back afterwards.
  const viewport = page.viewportSize();
  const box = await card.boundingBox();
  const needed = Math.ceil((box?.height ?? 0) + 600);
  if (viewport && needed > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: needed });
    await settled(page);
  }
  await card.screenshot({ path: join(SCREENSHOTS, file) });
  if (viewport && needed > viewport.height) {
    await page.setViewportSize(viewport);
  }
}

/** Saves the top of the window: the chat list and the conversation. */
export async function shootWindow(page: Page, file: string): Promise<void> {
  await settled(page);
  await page.screenshot({
    path: join(SCREENSHOTS, file),
    clip: { x: 0, y: 0, width: 1280, height: 1000 },
  });
}
