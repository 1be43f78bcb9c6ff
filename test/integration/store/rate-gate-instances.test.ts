import { CONTAINERS } from '../../../src/store/containers';
import { CosmosRateGate } from '../../../src/store/rate-window.cosmos-store';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';

const store = useEmbeddedDatabase('rate-gate-instances');

describe('CosmosRateGate instances sharing one container', () => {
  const now = (): number => Date.UTC(2026, 10, 23, 9, 0, 0);
  const twoASecond = [{ key: 'tenant', windows: [{ limit: 2, seconds: 1 }] }];

  it('count each other’s sends: what one took, the other cannot take again', async () => {
    const container = await freshContainer(store.database, CONTAINERS.rateWindows);
    const first = new CosmosRateGate(container);
    const second = new CosmosRateGate(container);
    expect(await first.reserve(twoASecond, now)).toEqual({ waitMs: 0 });
    expect(await second.reserve(twoASecond, now)).toEqual({ waitMs: 0 });
    // The first still holds the document as it wrote it; its write is refused, it reads again.
    expect(await first.reserve(twoASecond, now)).toEqual({ waitMs: 1501 });
    expect(await second.reserve(twoASecond, now)).toEqual({ waitMs: 1501 });
  });

  it('writes a slot in one request while no other instance wrote in between', async () => {
    const gate = new CosmosRateGate(await freshContainer(store.database, CONTAINERS.rateWindows));
    const keys = [{ key: 'tenant', windows: [{ limit: 50, seconds: 1 }] }];
    await gate.reserve(keys, now);
    const before = store.embedded.requests();
    for (let i = 0; i < 10; i += 1) {
      await gate.reserve(keys, now);
    }
    expect(store.embedded.requests() - before).toBe(10);
  });
});
