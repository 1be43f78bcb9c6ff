import { channelClaims, signedToken, TEST_APP_ID } from '../../helpers/bot-tokens';
import { personalMessage, postActivity, TEST_TENANT } from '../../helpers/http-activities';
import { IdentityEndpoint, newSigningKey } from '../../helpers/identity-endpoint';
import {
  OTHER_ALLOWED_TENANT,
  startSecuredServer,
  type SecuredServer,
} from '../../helpers/secured-server';

const SERVICE_URL = 'https://smba.example.test/uk/';
const key = newSigningKey('key-1');
const impostor = newSigningKey('key-1');
const NOT_ALLOWED = [
  'dddddddd-0000-0000-0000-000000000001',
  'eeeeeeee-0000-0000-0000-000000000002',
];

let identity: IdentityEndpoint;
let server: SecuredServer;

beforeAll(async () => {
  identity = await new IdentityEndpoint().start();
  identity.published = [key];
  server = await startSecuredServer({ metadataUrl: identity.metadataUrl });
});

afterAll(async () => {
  await server.close();
  await identity.stop();
});

/** A Teams message from `tenant` (or from no tenant at all). */
function fromTenant(tenant: string | undefined): Record<string, unknown> {
  const message = personalMessage({ text: 'ping' });
  const conversation = { ...(message.conversation as Record<string, unknown>), tenantId: tenant };
  return { ...message, conversation, channelData: tenant ? { tenant: { id: tenant } } : {} };
}

const valid = {
  authorization: `Bearer ${signedToken(key, channelClaims(TEST_APP_ID, SERVICE_URL))}`,
};
const forged = {
  authorization: `Bearer ${signedToken(key, channelClaims(TEST_APP_ID, SERVICE_URL), { signWith: impostor.privateKey })}`,
};

describe('the tenant allow-list, applied once the token is valid', () => {
  it('a valid token from an allowed tenant: 200', async () => {
    for (const tenant of [TEST_TENANT, OTHER_ALLOWED_TENANT]) {
      expect((await postActivity(server.url, fromTenant(tenant), valid)).status).toBe(200);
    }
  });

  it('a valid token from any tenant not allowed, or none: 403 with one and the same body', async () => {
    const refusals = await Promise.all(
      [...NOT_ALLOWED, undefined].map((tenant) =>
        postActivity(server.url, fromTenant(tenant), valid),
      ),
    );
    expect(refusals.map((refusal) => refusal.status)).toEqual([403, 403, 403]);
    expect(new Set(refusals.map((refusal) => refusal.body)).size).toBe(1);
    for (const tenant of NOT_ALLOWED) {
      expect(refusals[0]?.body).not.toContain(tenant);
    }
  });

  it('an invalid token: 401 with one and the same body, whether the tenant named is allowed or not', async () => {
    const refusals = await Promise.all(
      [TEST_TENANT, OTHER_ALLOWED_TENANT, ...NOT_ALLOWED, undefined].map((tenant) =>
        postActivity(server.url, fromTenant(tenant), forged),
      ),
    );
    expect(refusals.map((refusal) => refusal.status)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(refusals.map((refusal) => refusal.body))).toEqual(
      new Set(['{"error":"Unauthorized"}']),
    );
  });

  it('no token at all: 401 for an allowed tenant and a refused one alike', async () => {
    const allowed = await postActivity(server.url, fromTenant(TEST_TENANT));
    const refused = await postActivity(server.url, fromTenant(NOT_ALLOWED[0]));
    expect([allowed.status, refused.status]).toEqual([401, 401]);
    expect(allowed.body).toBe(refused.body);
  });

  it('logs a tenant refusal as such, and an invalid token only as an auth failure', () => {
    const reasons = server.logs.map((line) => `${String(line.event)}:${String(line.reason)}`);
    expect(reasons.filter((r) => r === 'activity_rejected:tenant_not_allowed')).toHaveLength(3);
    expect(reasons.filter((r) => r.startsWith('auth_rejected:'))).toHaveLength(7);
  });
});
