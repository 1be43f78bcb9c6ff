import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import {
  cardWith,
  lastCard,
  lastCardText,
  launchChromium,
  shootCard,
  shootLastCard,
  shootWindow,
  type,
  waitForLastCard,
  waitForText,
} from '../helpers/browser';
import { addBotToTeam } from '../helpers/playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from '../helpers/playground-session';
import {
  expectSavedBeforeReminder,
  sessionWithReminderSoon,
} from '../helpers/supervision-fixtures';
import { waitUntil } from '../helpers/waiting';

/*
 * `npm run test:e2e`: the bot (embedded store) and the Microsoft 365 Agents Playground on free
 * ports, driven in Debian's headless Chromium as each kind of user would. Every step checks what
 * is on screen and saves a screenshot to docs/screenshots/. The steps run in order: one chat.
 */
let session: PlaygroundSession;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  // The Playground's user is a lead, and here a coach too; reminders come a minute before.
  session = await startPlaygroundSession('browser', {
    userIsCoach: true,
    env: { SUPERVISION_POLL_MS: '500', SUPERVISION_REMINDER_OFFSETS: '1' },
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(session.playground.url);
  await waitForText(page, 'Health and Wellbeing Coach assistant');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await session?.stop();
});

describe('a GP in personal chat', () => {
  /** Types "refer" and waits for the first question. */
  async function startReferral(): Promise<void> {
    await type(page, 'refer');
    await waitForText(page, 'Question 1 of up to 8');
  }

  it('is welcomed with what the bot does', async () => {
    expect(await lastCardText(page)).toContain('Should I refer someone?');
    await shootLastCard(page, 'welcome.png');
  });

  it('answers the referral questions and gets an explained suggestion', async () => {
    await startReferral();
    await shootWindow(page, 'referral-in-playground.png');
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
    // The last answer by the card's own button, as most users will.
    await lastCard(page).getByRole('button', { name: 'Yes, they agree' }).click();
    await waitForText(page, 'Suggested: refer to the Health and Wellbeing Coach');
    const outcome = await lastCardText(page);
    expect(outcome).toMatch(/Why/);
    expect(outcome).toMatch(/How to refer/);
    expect(outcome).not.toMatch(/NHS number/i);
    await shootLastCard(page, 'referral-outcome.png');
  });

  it('is sent to the urgent route at once when there is a red flag', async () => {
    await startReferral();
    await type(page, 'yes');
    await waitForText(page, 'Act now: this needs clinical or safeguarding action');
    expect(await lastCardText(page)).toContain('999');
    await shootLastCard(page, 'referral-urgent.png');
  });

  it('types one sentence, checks what the bot understood, and gets the outcome after one submit', async () => {
    await type(
      page,
      'should I refer a 71 year old man with type 2 diabetes who wants to lose weight? riverside surgery, not very confident, happy to be contacted',
    );
    await waitForLastCard(page, "Here's what I understood");
    const understood = await lastCardText(page);
    expect(understood).toContain('Type 2 diabetes');
    await shootLastCard(page, 'referral-understood.png');
    await lastCard(page).getByRole('radio', { name: 'No, none of these' }).check();
    await lastCard(page).getByRole('button', { name: 'Get the suggestion' }).click();
    await waitForLastCard(page, 'Suggested: refer to the Health and Wellbeing Coach');
    expect(await lastCardText(page)).toContain('What you told me');
    await shootLastCard(page, 'referral-outcome-from-sentence.png');
  });

  it('gets every question on one card with "quick check"', async () => {
    await type(page, 'quick check');
    await waitForLastCard(page, 'Quick check: should I refer?');
    await shootLastCard(page, 'referral-quick-check.png');
  });

  it.each([
    [
      'he has been thinking of ending his life',
      'Act now: risk of harm or a mental health crisis',
      'referral-urgent-mental-health.png',
    ],
    [
      'worried about coercive control by her partner',
      'Act now: a safeguarding concern',
      'referral-urgent-safeguarding.png',
    ],
    [
      'crushing chest pain since this morning',
      'Act now: acute or rapidly worsening illness',
      'referral-urgent-acute.png',
    ],
  ])('a risk typed in words ("%s") goes to its own urgent card', async (text, headline, file) => {
    await type(page, text);
    await waitForLastCard(page, headline);
    expect(await lastCardText(page)).toContain('What to do now, in order');
    await shootLastCard(page, file);
  });
});

describe('a PCN lead', () => {
  it('posts a role card to a team channel, and it appears there', async () => {
    // The app is added to the team first, as an admin or the lead would in Teams.
    // (It throws if the Playground does not accept the event.)
    await addBotToTeam(session.playground.url, '19:riverside-general@thread.tacv2');

    await type(page, 'post role cards');
    await waitForText(page, 'Post role cards to channels');
    const compose = lastCard(page);
    await compose.getByText('Coach, link worker or care coordinator?', { exact: true }).click();
    await compose.getByText('Riverside PCN › General', { exact: true }).click();
    await shootLastCard(page, 'lead-compose.png');
    await compose.getByRole('button', { name: 'Preview' }).click();
    await waitForText(page, 'Ready to post?');
    expect(await lastCardText(page)).toContain('General');
    await shootLastCard(page, 'lead-preview.png');
    await lastCard(page).getByRole('button', { name: 'Post', exact: true }).click();
    await waitForText(page, 'Sent');
    // The status card is updated in place as the posts go: shown once it says they all went.
    await waitForText(page, 'All posted');
    await shootLastCard(page, 'lead-status.png');

    await page.getByText('General', { exact: true }).first().click();
    await waitForText(page, 'Three personalised care roles in the PCN team');
    await shootWindow(page, 'lead-post-in-channel.png');
    await page.getByText('Personal Chat', { exact: true }).first().click();
    await waitForText(page, 'Ready to post?');
  });
});

describe('a coach', () => {
  it('sets a schedule, receives the reminder, and records attendance', async () => {
    // A one-off session whose reminder falls due 30 to 90 seconds from now, after the save below.
    const { start, reminderDue } = sessionWithReminderSoon();
    await type(
      page,
      `coaching supervision on ${start.toISODate() ?? ''} at ${start.toFormat('HH:mm')}`,
    );
    await waitForText(page, 'Is this right?');
    expect(await lastCardText(page)).toContain(start.toFormat("cccc d LLLL yyyy 'at' HH:mm"));
    await shootLastCard(page, 'coach-schedule-confirm.png');
    await lastCard(page).getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Saved: Coaching supervision');
    expectSavedBeforeReminder(reminderDue);

    // Sent at its time by the bot's scheduler (polling every 500 ms): the minute after is plenty.
    await waitForText(
      page,
      'Coming up: Coaching supervision (1:1)',
      reminderDue.diffNow().toMillis() + 60_000,
    );
    const reminder = await lastCardText(page);
    expect(reminder).toContain(start.toFormat('HH:mm'));
    await shootLastCard(page, 'coach-reminder.png');
    // Attended counts only once the session has started: the reminder comes a minute before.
    await lastCard(page).getByRole('button', { name: 'Attended' }).click();
    await waitForText(page, 'That session has not started yet');
    await waitUntil(
      () => Promise.resolve(DateTime.now() >= start),
      start.diffNow().toMillis() + 60_000,
      'the session to start',
    );
    await lastCard(page).getByRole('button', { name: 'Attended' }).click();
    await waitForText(page, 'Recorded: Coaching supervision (1:1)');
  }, 300_000);

  it('logs a coaching session and sees it in their caseload', async () => {
    await type(page, 'log a session');
    await waitForText(page, 'Log a coaching session');
    expect(await lastCardText(page)).toContain('GP system');
    await shootLastCard(page, 'coach-session-log.png');
    await lastCard(page).getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Logged:');
    await type(page, 'my caseload');
    await waitForText(page, 'My caseload:');
    expect(await lastCardText(page)).toMatch(/Sessions logged\W*1\b/);
    await shootLastCard(page, 'coach-caseload.png');
  });
});

describe('a PCN lead, again', () => {
  it('sees team supervision status and the monthly activity report, and downloads its CSV', async () => {
    await type(page, 'team supervision status');
    await waitForLastCard(page, 'Team supervision status');
    expect(await lastCardText(page)).toContain('Jo Coach');
    await shootLastCard(page, 'lead-team-status.png');
    await type(page, 'activity report');
    await waitForLastCard(page, 'Activity report:');
    await shootLastCard(page, 'lead-activity-report.png');
    // The CSV comes from the bot's own server through a signed, expiring link. The link opens a
    // tab that Chromium closes once the download starts; the download is reported on this page.
    const download = page.waitForEvent('download');
    await lastCard(page).getByRole('link', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await (await download).path(), 'utf8');
    // Totals only: the session the coach logged and the GP's two referral conversations above.
    expect(csv.split('\r\n')[0]).toBe('measure,value');
    expect(csv).toContain('\r\nsessions_logged,1\r\n');
    // The GP's referrals above: the coach twice (step by step, then from one sentence); the urgent
    // route four times (the button, then three risks typed in words).
    expect(csv).toContain('\r\nreferrals_suggested_hwbc,2\r\n');
    expect(csv).toContain('\r\nurgent_routes,4\r\n');
    // The per-coach rows name the coach who logged (the Playground's user, also a coach, as
    // "Sam Lead") with their totals, never a log; coaches who logged nothing are not listed.
    expect(csv).toMatch(/\r\ncoach,Sam Lead,1,1,0,1,\d+,\r\n/);
    expect(csv).not.toMatch(/Jo Coach/);
  });
});

describe('a coach, in their own words', () => {
  it('asks for their next supervision and their caseload as they would say it', async () => {
    await type(page, 'when is my next supervision?');
    await waitForLastCard(page, 'My supervision');
    // The one-off session attended above counts.
    expect(await lastCardText(page)).toContain('Last coaching supervision');
    await shootLastCard(page, 'coach-my-supervision.png');
    await type(page, 'can you show me my caseload please');
    await waitForLastCard(page, 'My caseload:');
    expect(await lastCardText(page)).toMatch(/Sessions logged\W*1\b/);
  });

  it('sets up group supervision in words with a UK date, and adds it to their calendar', async () => {
    await type(page, 'group supervision every 4 weeks on Thursday 2pm starting 10/12/2026');
    await waitForLastCard(page, 'Is this right?');
    // 10/12/2026 is 10 December (day first), then every 4 weeks.
    const confirm = await lastCardText(page);
    expect(confirm).toContain('Coaching supervision (group)');
    expect(confirm).toContain('Thursday 10 December 2026 at 14:00');
    expect(confirm).toContain('Thursday 7 January 2027 at 14:00');
    expect(confirm).toContain('Thursday 4 February 2027 at 14:00');
    await shootLastCard(page, 'coach-schedule-in-words.png');
    await lastCard(page).getByRole('button', { name: 'Save' }).click();
    await waitForText(page, 'Saved: Coaching supervision (group)');
    await waitForLastCard(page, 'Add coaching supervision (group) to your calendar');
    await shootLastCard(page, 'coach-calendar.png');

    // "Add to calendar" opens the bot's signed link. The Playground draws it as a link-styled
    // button that opens a tab: its address is read from the tab's request (or from the href,
    // were there one), then the file is fetched from the bot as Outlook would.
    const button = lastCard(page).getByRole('link', { name: 'Add to calendar' });
    let href = await button.getAttribute('href');
    if (!href) {
      const opened = page.context().waitForEvent('request', {
        predicate: (request) => request.url().includes('/calendar/'),
        timeout: 45_000,
      });
      await button.click();
      href = (await opened).url();
    }
    const link = new URL(href);
    expect(link.pathname).toMatch(/^\/calendar\/supervision\/.+\/supervision\.ics$/);
    const response = await fetch(new URL(link.pathname + link.search, session.bot.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await response.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;[^\r\n]*INTERVAL=4/);
    expect(ics).toMatch(/DTSTART[^:\r\n]*:20261210T/);
  });
});

describe('the referral loop', () => {
  it('a GP sends a referral to the coaching team, and the coach accepts it', async () => {
    await type(page, 'refer');
    await waitForText(page, 'Question 1 of up to 8');
    for (const [answer, next] of [
      ['no', 'Question 2 of up to 8'],
      ['yes', 'Question 3 of up to 8'],
      // Market Street: Jo Coach does not work there, so the case goes to the Playground's user.
      ['3', 'Question 4 of up to 8'],
      ['1, 5', 'Question 5 of up to 8'],
      ['1, 2', 'Question 6 of up to 8'],
      ['2', 'Question 7 of up to 8'],
      ['not measured', 'Question 8 of up to 8'],
    ] as const) {
      await type(page, answer);
      await waitForText(page, next);
    }
    await lastCard(page).getByRole('button', { name: 'Yes, they agree' }).click();
    await waitForLastCard(page, 'Suggested: refer to the Health and Wellbeing Coach');
    await lastCard(page).getByRole('button', { name: 'Send to the coaching team' }).click();

    // The GP's reply, then the coaching team's card: with no coaching channel set, it comes to
    // each trained coach's 1:1 chat, here the same chat. Either may be the latest when read.
    const sent = cardWith(page, /Sent to the .*: HC-/);
    await sent.waitFor({ state: 'visible', timeout: 45_000 });
    const reference = /HC-[2-9][A-Z][2-9][A-Z]/.exec(await sent.innerText())?.[0];
    expect(reference).toBeDefined();
    expect(await sent.innerText()).toContain('holds no patient details');
    await shootCard(page, sent, 'referral-sent.png');

    const caseCard = cardWith(page, `Referral ${reference ?? ''}`);
    await caseCard.filter({ hasText: 'Sent, waiting for the coaching team' }).waitFor({
      state: 'visible',
      timeout: 45_000,
    });
    const caseText = await caseCard.innerText();
    expect(caseText).toContain('Market Street Health Centre');
    expect(caseText).not.toMatch(/NHS number/i);
    await shootCard(page, caseCard, 'referral-case-card.png');

    await caseCard.getByRole('button', { name: 'Accept' }).click();
    const accepted = page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: `Referral ${reference ?? ''}` })
      .filter({ hasText: 'Accepted by the coaching team' })
      .last();
    await accepted.waitFor({ state: 'visible', timeout: 45_000 });
    // Accepted by the team; who takes it is a later step ("Assign to me").
    await expect(
      accepted.getByRole('button', { name: 'Accept', exact: true }).count(),
    ).resolves.toBe(0);
    expect(await accepted.innerText()).toContain('Assign to me');
    await shootCard(page, accepted, 'referral-accepted.png');
  });
});
