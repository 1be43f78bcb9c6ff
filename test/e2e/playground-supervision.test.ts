import { DateTime } from 'luxon';
import { cardText } from '../helpers/card-reading';
import { asActivity } from '../helpers/playground-driver';
import {
  expectSavedBeforeReminder,
  sessionWithReminderSoon,
} from '../helpers/supervision-fixtures';
import { usePlayground } from '../helpers/use-playground';
import { waitUntil } from '../helpers/waiting';

// The development setting that shortens reminders: one minute before the session.
const playground = usePlayground('supervision', {
  userIsCoach: true,
  env: { SUPERVISION_POLL_MS: '250', SUPERVISION_REMINDER_OFFSETS: '1' },
});

describe('a coach in the Agents Playground', () => {
  it('sets a schedule, receives the reminder in their 1:1 chat, and records attendance', async () => {
    const { driver } = playground;
    const chat = driver.config.personalChat.id;
    // A one-off session whose reminder falls due 30 to 90 seconds from now, after the save below.
    const { start, reminderDue } = sessionWithReminderSoon();
    await driver.say(
      chat,
      `coaching supervision on ${start.toISODate() ?? ''} at ${start.toFormat('HH:mm')}`,
    );
    const confirm = await driver.nextBotMessage();
    expect(cardText(asActivity(confirm))).toContain('Is this right?');
    const schedule =
      /"verb":"supervision.save","schedule":"((?:[^"\\]|\\.)*)"/.exec(
        cardText(asActivity(confirm)),
      )?.[1] ?? '';
    await driver.submit(confirm, {
      verb: 'supervision.save',
      schedule: JSON.parse(`"${schedule}"`) as string,
      supervisor: 'Alex Supervisor',
      place: 'Room 2',
    });
    const saved = await driver.nextBotMessage();
    expectSavedBeforeReminder(reminderDue);
    expect(saved.text).toMatch(/^Saved: Coaching supervision \(1:1\)/);
    // Then the card to add it to Outlook, with a signed link to the .ics file.
    const calendar = cardText(asActivity(await driver.nextBotMessage()));
    expect(calendar).toContain('Open the file and choose Add to calendar in Outlook.');
    expect(calendar).toMatch(/"url":"http[^"]+\/calendar\/supervision\/[^"]+\/supervision\.ics\?/);

    // Sent at its time by the bot's scheduler (polling every 250 ms): the minute after is plenty.
    const reminder = await driver.nextBotMessage(reminderDue.diffNow().toMillis() + 60_000);
    const reminderText = cardText(asActivity(reminder));
    expect(reminder.conversationId).toBe(chat);
    expect(reminderText).toContain('Coming up: Coaching supervision (1:1)');
    expect(reminderText).toContain('Alex Supervisor');
    expect(reminderText).toContain(start.toFormat('HH:mm'));

    const sessionStart =
      /"verb":"supervision.record","scheduleId":"[^"]+","sessionStart":"([^"]+)"/.exec(
        reminderText,
      )?.[1] ?? '';
    const scheduleId =
      /"verb":"supervision.record","scheduleId":"([^"]+)"/.exec(reminderText)?.[1] ?? '';
    const attended = { verb: 'supervision.record', scheduleId, sessionStart, outcome: 'attended' };
    // Attended counts only once the session has started: the reminder comes a minute before.
    await driver.submit(reminder, attended);
    expect((await driver.nextBotMessage()).text).toMatch(/^That session has not started yet/);
    await waitUntil(
      () => Promise.resolve(DateTime.now() >= start),
      start.diffNow().toMillis() + 60_000,
      'the session to start',
    );
    await driver.submit(reminder, attended);
    expect((await driver.nextBotMessage()).text).toMatch(
      /^Recorded: Coaching supervision \(1:1\) on .* attended\.$/,
    );

    await driver.say(chat, 'my supervision');
    const mine = cardText(asActivity(await driver.nextBotMessage()));
    expect(mine).toContain('My supervision');
    expect(mine).toContain(start.toFormat("ccc d LLL yyyy 'at' HH:mm"));
    expect(mine).toContain('1 hour this month');
    // The reminder falls due up to 90 seconds after the test starts, and waits a minute beyond.
  }, 300_000);
});
