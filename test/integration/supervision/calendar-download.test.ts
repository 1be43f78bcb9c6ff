import { get } from 'node:http';
import ICAL from 'ical.js';
import { buildApp, type App } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { fixedClock } from '../../../src/domain/clock';
import { createLogger } from '../../../src/logger';
import { personalMessage, postActivity } from '../../helpers/http-activities';
import { COACH, type Person } from '../../helpers/people';
import { present } from '../../helpers/present';

const clock = fixedClock('2026-12-02T09:00:00Z');
let app: App;
let url: string;

beforeAll(async () => {
  app = await buildApp(
    loadConfig({ PORT: '0', LOG_LEVEL: 'error', DOWNLOAD_LINK_MINUTES: '15' }),
    clock,
    createLogger('error', () => undefined),
  );
  url = await app.listen();
});

afterAll(async () => {
  await app.stop();
});

/** What a person sends in their 1:1 chat with the bot, over HTTP; the replies it gets back. */
async function send(person: Person, input: { text?: string; value?: Record<string, unknown> }) {
  const activity = personalMessage(input, person.id, `a:calendar-${person.id}`);
  const result = await postActivity(url, {
    ...activity,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
  });
  expect(result.status).toBe(200);
  return result.replies;
}

/** The url of the first Action.OpenUrl titled `title` among the cards of the replies. */
function linkIn(replies: Awaited<ReturnType<typeof send>>, title: string): string {
  const found = JSON.stringify(replies.map((r) => r.attachments ?? [])).match(
    new RegExp(`"type":"Action.OpenUrl","title":"${title}","url":"([^"]+)"`),
  );
  return present(found?.[1], `a "${title}" link`);
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET the path exactly as written: fetch() would tidy `%2F` and the like away first. */
function rawGet(target: string): Promise<RawResponse> {
  const { hostname, port, pathname, search } = new URL(target, url);
  return new Promise((resolve, reject) => {
    get({ host: hostname, port, path: `${pathname}${search}` }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

/** Nothing from inside: no stack frame, no error name or code, no library's JSON. */
function expectPlainRefusal(response: RawResponse, status: number, body: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(response.body).toBe(body);
  expect(response.body).not.toMatch(/\bat .+:\d+:\d+|Error|"code"|"message"|restify|Cosmos/);
}

function eventsOf(text: string) {
  const calendar = ICAL.Component.fromString(text);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    events: calendar.getAllSubcomponents('vevent').map((v) => ({
      event: new ICAL.Event(v),
      status: String(v.getFirstPropertyValue('status')),
    })),
  };
}

const DRAFT_ID = '3b0e9a52-6f0d-4c1e-8a8e-2f4d6c7b9a10';
const formSave = {
  verb: 'supervision.form',
  draftId: DRAFT_ID,
  kind: 'coaching-group',
  cadenceType: 'every-n-weeks',
  weeks: '4',
  firstDate: '2026-12-10',
  startTime: '14:00',
  durationMinutes: '90',
  supervisor: 'Alex Supervisor',
  place: 'Room 2',
  reminders: '60',
};

describe('Add to calendar, through the real server', () => {
  let addLink = '';
  let sequence = 0;

  it('serves the saved schedule to its coach as text/calendar, with a file name', async () => {
    const replies = await send(COACH, { value: formSave });
    addLink = linkIn(replies, 'Add to calendar');
    expect(addLink.startsWith(`${url}/calendar/supervision/${DRAFT_ID}/`)).toBe(true);
    const response = await rawGet(addLink);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="supervision.ics"');
    expect(response.headers['cache-control']).toBe('no-store');
    const { method, events } = eventsOf(response.body);
    expect(method).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    expect(response.body).toContain('DTSTART;TZID=Europe/London:20261210T140000');
    expect(response.body).toContain('RRULE:FREQ=WEEKLY;INTERVAL=4');
    expect(events[0]?.event.summary).toBe('Coaching supervision (group) with Alex Supervisor');
    sequence = events[0]?.event.sequence ?? 0;
  });

  it('"my supervision" links to the same schedule for its coach', async () => {
    const replies = await send(COACH, { text: 'my supervision' });
    const link = new URL(linkIn(replies, 'Add to calendar'));
    expect(link.pathname).toBe(new URL(addLink).pathname);
  });

  it.each([
    ['a changed signature', (link: URL) => link.searchParams.set('sig', 'x'.repeat(43))],
    ['another user', (link: URL) => link.searchParams.set('u', 'someone-else')],
    ['a later expiry', (link: URL) => link.searchParams.set('exp', '9999999999')],
    ['another schedule', (link: URL) => (link.pathname = link.pathname.replace(DRAFT_ID, 'x1'))],
  ])('refuses a link tampered with (%s) in plain words', async (_name, tamper) => {
    const link = new URL(addLink);
    tamper(link);
    expectPlainRefusal(await rawGet(link.toString()), 403, 'This calendar link is not valid.');
  });

  it.each([
    ['an encoded /', `/calendar/supervision/a%2Fb/s20261210T1400/supervision.ics`],
    ['a key it never made', `/calendar/supervision/${DRAFT_ID}/20261210/supervision.ics`],
    ['a path it does not serve', `/calendar/supervision/${DRAFT_ID}/x/y/supervision.ics`],
  ])('answers %s with a plain 404', async (_name, path) => {
    expectPlainRefusal(await rawGet(path), 404, 'No such calendar file.');
  });

  it('refuses an expired link, saying how to get a new one', async () => {
    clock.advance(16);
    expectPlainRefusal(
      await rawGet(addLink),
      410,
      'This calendar link has expired. Type "my supervision" in Teams and press "Add to calendar" again for a new one.',
    );
  });

  it('after Delete, the link cancels the same UID with a higher SEQUENCE', async () => {
    const replies = await send(COACH, {
      value: { verb: 'supervision.deleteConfirmed', scheduleId: DRAFT_ID },
    });
    const response = await rawGet(linkIn(replies, 'Remove from calendar'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="supervision-cancelled.ics"',
    );
    const { method, events } = eventsOf(response.body);
    expect(method).toBe('CANCEL');
    expect(events.map((e) => e.status)).toEqual(['CANCELLED']);
    expect(events[0]?.event.uid).toBe(`supervision-${DRAFT_ID}@hwbc-assistant`);
    expect(events[0]?.event.sequence).toBeGreaterThan(sequence);
  });
});
