import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { availablePort, launchBot, launchPlayground, ROOT } from './launch';

/**
 * `npm run screenshots`: runs the bot and the Agents Playground, drives the Playground's web
 * client in Debian's headless Chromium as a GP would, and saves what the GP sees to
 * docs/screenshots/. Needs `apt-get install chromium`.
 */
const OUT = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator('[role=textbox][contenteditable=true]').first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

async function waitForText(page: Page, text: string): Promise<void> {
  await page
    .getByText(text, { exact: false })
    .last()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(400);
}

/** The last Adaptive Card in the chat, whole, however tall. */
async function shootLastCard(page: Page, file: string): Promise<void> {
  await page
    .locator('.ac-adaptiveCard')
    .last()
    .screenshot({ path: join(OUT, file) });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // The Playground's user is the example lead; for these screenshots they are a coach too, and
  // reminders come a minute before the session so one arrives while we watch.
  const pcn = JSON.parse(readFileSync(join(ROOT, 'config', 'pcn.example.json'), 'utf8')) as {
    coaches: Array<Record<string, unknown>>;
  };
  pcn.coaches.push({
    aadObjectId: '00000000-0000-0000-0000-0000000000a1',
    displayName: 'Sam Lead',
  });
  const pcnPath = join(tmpdir(), 'hwbc-screenshots-pcn.json');
  writeFileSync(pcnPath, JSON.stringify(pcn));
  const bot = await launchBot({
    ...process.env,
    PORT: String(await availablePort()),
    PCN_CONFIG_PATH: pcnPath,
    SUPERVISION_REMINDER_OFFSETS: '1',
    SUPERVISION_POLL_MS: '500',
  });
  const playground = await launchPlayground(
    `${bot.url}/api/messages`,
    await availablePort(),
    join(tmpdir(), 'hwbc-screenshots-playground.log'),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    await page.goto(playground.url);
    await waitForText(page, 'Health and Wellbeing Coach assistant');
    await shootLastCard(page, 'welcome.png');

    await type(page, 'refer');
    await waitForText(page, 'Question 1 of up to 8');
    await page.screenshot({
      path: join(OUT, 'referral-in-playground.png'),
      clip: { x: 0, y: 0, width: 1280, height: 1000 },
    });
    await shootLastCard(page, 'referral-question.png');

    for (const [answer, next] of [
      ['no', 'Question 2 of up to 8'],
      ['yes', 'Question 3 of up to 8'],
      ['1', 'Question 4 of up to 8'],
      ['1, 5', 'Question 5 of up to 8'],
      ['1, 2', 'Question 6 of up to 8'],
      ['2', 'Question 7 of up to 8'],
      ['not measured', 'Question 8 of up to 8'],
    ] as const) {
      await type(page, answer);
      await waitForText(page, next);
    }
    await shootLastCard(page, 'referral-consent-question.png');
    await type(page, 'yes');
    await waitForText(page, 'Suggested: refer to the Health and Wellbeing Coach');
    await shootLastCard(page, 'referral-outcome.png');

    await type(page, 'refer');
    await waitForText(page, 'Question 1 of up to 8');
    await type(page, 'yes');
    await waitForText(page, 'Act now: this needs clinical or safeguarding action');
    await shootLastCard(page, 'referral-urgent.png');

    // A lead (the Playground's current user) posts a role card to a channel, once the app is in the team.
    const teamId = '19:riverside-general@thread.tacv2';
    const template = await fetch(
      `${playground.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(teamId)}&type=botAdded`,
    );
    await fetch(`${playground.url}/_internal/v1/customActivities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await template.text(),
    });
    await type(page, 'post role cards');
    await waitForText(page, 'Post role cards to channels');
    const compose = page.locator('.ac-adaptiveCard').last();
    await compose.getByText('Coach, link worker or care coordinator?', { exact: true }).click();
    await compose.getByText('Riverside PCN › General', { exact: true }).click();
    await shootLastCard(page, 'lead-compose.png');
    await compose.getByRole('button', { name: 'Preview' }).click();
    await waitForText(page, 'Ready to post?');
    await shootLastCard(page, 'lead-preview.png');
    await page
      .locator('.ac-adaptiveCard')
      .last()
      .getByRole('button', { name: 'Post', exact: true })
      .click();
    await waitForText(page, 'Sent');
    await page.waitForTimeout(3_000);
    await shootLastCard(page, 'lead-status.png');
    await page.getByText('General', { exact: true }).first().click();
    await waitForText(page, 'Three personalised care roles in the PCN team');
    await page.screenshot({
      path: join(OUT, 'lead-post-in-channel.png'),
      clip: { x: 0, y: 0, width: 1280, height: 1000 },
    });

    // A coach sets a schedule, gets the reminder, records attendance and logs a session.
    await page.getByText('Personal Chat', { exact: true }).first().click();
    const start = DateTime.now()
      .setZone('Europe/London')
      .plus({ minutes: 1 })
      .startOf('minute')
      .plus({ minutes: 1 });
    await type(
      page,
      `coaching supervision on ${start.toISODate() ?? ''} at ${start.toFormat('HH:mm')}`,
    );
    await waitForText(page, 'Is this right?');
    await shootLastCard(page, 'coach-schedule-confirm.png');
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Saved: Coaching supervision');
    await page
      .getByText('Coming up: Coaching supervision (1:1)')
      .last()
      .waitFor({ state: 'visible', timeout: 90_000 });
    await page.waitForTimeout(400);
    await shootLastCard(page, 'coach-reminder.png');
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'Attended' }).click();
    await waitForText(page, 'Recorded: Coaching supervision');
    await type(page, 'log a session');
    await waitForText(page, 'Log a coaching session');
    await shootLastCard(page, 'coach-session-log.png');
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Logged:');
    await type(page, 'my caseload');
    await waitForText(page, 'My caseload:');
    await shootLastCard(page, 'coach-caseload.png');
    await type(page, 'team supervision status');
    await waitForText(page, 'Team supervision status');
    await shootLastCard(page, 'lead-team-status.png');
    await type(page, 'activity report');
    await waitForText(page, 'Activity report:');
    await shootLastCard(page, 'lead-activity-report.png');
    process.stdout.write(`Screenshots saved to ${OUT}\n`);
  } finally {
    await browser.close();
    await playground.stop();
    await bot.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
