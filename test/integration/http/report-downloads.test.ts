import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { CosmosClient } from '@azure/cosmos';
import { DownloadLinks } from '../../../src/bot/http/download-links';
import { systemClock } from '../../../src/domain/clock';
import { signLink } from '../../../src/domain/signed-link';
import { CONTAINERS } from '../../../src/store/containers';
import { cosmosClientOptions } from '../../../src/store/cosmos-database';
import { waitUntil } from '../../helpers/waiting';
import { TEST_TENANT } from '../../helpers/http-activities';
import { LEAD } from '../../helpers/people';
import {
  startBot,
  startCosmosProcess,
  startProxy,
  type CuttableProxy,
  type Running,
  type RunningBot,
} from '../../helpers/processes';

const SECRET = 'report-downloads-test-secret-0123456789';
const DATABASE = 'report-downloads-test';

let cosmos: Running & { endpoint: string };
let proxy: CuttableProxy;
let bot: RunningBot;
let links: DownloadLinks;

beforeAll(async () => {
  cosmos = await startCosmosProcess();
  proxy = await startProxy(Number(new URL(cosmos.endpoint).port));
  bot = await startBot({
    COSMOS_ENDPOINT: `https://127.0.0.1:${proxy.port}`,
    COSMOS_KEY: 'local-emulator-key',
    COSMOS_ALLOW_SELF_SIGNED: 'true',
    COSMOS_DATABASE: DATABASE,
    DOWNLOAD_LINK_SECRET: SECRET,
  });
  links = new DownloadLinks(SECRET, '', 15, systemClock);
});

afterAll(async () => {
  await bot.stop();
  await proxy.close();
  await cosmos.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET the path exactly as written: fetch() would tidy `%2E%2E` and the like away first. */
function rawGet(path: string): Promise<RawResponse> {
  const { hostname, port } = new URL(bot.url);
  return new Promise((resolve, reject) => {
    get({ host: hostname, port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

/** A link signed with the bot's secret for the lead, for a resource written by hand. */
const signed = (resource: string): string =>
  signLink(SECRET, {
    resource,
    user: LEAD.aadObjectId,
    expires: Math.floor(Date.now() / 1000) + 600,
  });

/** Nothing from inside: no stack frame, no error name or code, no library's JSON. */
function expectNothingInternal(body: string): void {
  expect(body).not.toMatch(/\bat .+:\d+:\d+/);
  expect(body).not.toMatch(
    /Error|STORAGE_|STORED_|Cosmos|ECONN|socket|ResourceNotFound|"code"|"message"/,
  );
}

const lead = LEAD.aadObjectId;
const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
const IMPOSSIBLE: Array<[string, string]> = [
  ['a job id holding an encoded /', `/reports/broadcasts/a%2Fb/deliveries.csv`],
  ['a job id of encoded ..', `/reports/broadcasts/%2E%2E/deliveries.csv`],
  ['a job id of ..%2F..', `/reports/broadcasts/..%2F..%2Fetc/deliveries.csv`],
  ['a job id with a NUL', `/reports/broadcasts/${uuid}%00/deliveries.csv`],
  ['a job id with a newline', `/reports/broadcasts/${uuid}%0A/deliveries.csv`],
  ['a job id far too long', `/reports/broadcasts/${'a'.repeat(300)}/deliveries.csv`],
  ['a job id that is not a UUID', `/reports/broadcasts/job-1/deliveries.csv`],
  ['a job id that is not valid percent-encoding', `/reports/broadcasts/%E0%A4%A/deliveries.csv`],
  ['a job id holding a literal /', `/reports/broadcasts/${uuid}/x/deliveries.csv`],
  ['a tenant id holding an encoded /', `/reports/activity/a%2Fb/2026-11/activity.csv`],
  ['a tenant id of encoded ..', `/reports/activity/%2E%2E/2026-11/activity.csv`],
  ['a tenant id that is not a GUID', `/reports/activity/tenant-1/2026-11/activity.csv`],
  ['a month that does not exist', `/reports/activity/${TEST_TENANT}/2026-13/activity.csv`],
  ['a month with a control character', `/reports/activity/${TEST_TENANT}/2026-11%01/activity.csv`],
];

describe('report downloads while storage is away', () => {
  beforeAll(() => proxy.cut());
  afterAll(() => proxy.restore());

  it.each([
    ['the delivery report', () => links.broadcastCsv(randomUUID(), lead)],
    ['the activity report', () => links.activityCsv(TEST_TENANT, '2026-11', lead)],
  ])('%s answers 503 with Retry-After and a fixed plain body', async (_name, link) => {
    const response = await rawGet(link());
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe(
      'Reports are unavailable just now. Please try the link again in a minute.',
    );
    expectNothingInternal(response.body);
  });

  // Storage is cut, so a 404 (not a 503) shows the id was refused before storage was asked.
  it.each(IMPOSSIBLE)('%s answers 404 without asking storage', async (_name, resource) => {
    const response = await rawGet(signed(resource));
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe('No such report.');
    expectNothingInternal(response.body);
  });

  it('answers an impossible id the same way unsigned', async () => {
    const response = await rawGet('/reports/broadcasts/a%2Fb/deliveries.csv');
    expect(response.status).toBe(404);
    expect(response.body).toBe('No such report.');
  });
});

describe('report downloads once storage is back', () => {
  it('answers the same links again', async () => {
    const activity = links.activityCsv(TEST_TENANT, '2026-11', lead);
    await waitUntil(
      async () => (await rawGet(activity)).status === 200,
      45_000,
      'the activity report to download again',
    );
    const missing = await rawGet(links.broadcastCsv(randomUUID(), lead));
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('No such report.');
  });

  it('answers a stored report it cannot read with 500, a fixed body, and one coded log line', async () => {
    const jobId = randomUUID();
    const client = new CosmosClient(
      cosmosClientOptions({
        endpoint: cosmos.endpoint,
        key: 'local-emulator-key',
        database: DATABASE,
        allowSelfSigned: true,
      }),
    );
    try {
      // A job document missing most of its fields, as a bad migration might leave one.
      await client
        .database(DATABASE)
        .container(CONTAINERS.broadcasts.id)
        .items.upsert({ id: `job-${jobId}`, jobId, type: 'job', createdBy: lead });
    } finally {
      client.dispose();
    }
    const response = await rawGet(links.broadcastCsv(jobId, lead));
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe(
      'Something went wrong preparing this report. Please try the link again later.',
    );
    expectNothingInternal(response.body);
    const failures = () => bot.output.filter((line) => line.includes('"event":"download_failed"'));
    await waitUntil(() => failures().length > 0, 45_000, 'the log line');
    expect(failures()).toHaveLength(1);
    expect(JSON.parse(failures()[0] ?? '{}')).toMatchObject({
      level: 'error',
      code: 'STORED_DOCUMENT_INVALID',
      route: '/reports/broadcasts/:jobId/deliveries.csv',
    });
  });
});
