import { CONTAINERS } from '../../../src/store/containers';
import { MemoryTurnLedger } from '../../../src/store/memory/turn-ledger.memory-repository';
import { CosmosTurnLedger } from '../../../src/store/turn-ledger.cosmos-repository';
import type { TurnLedger } from '../../../src/store/turn-ledger.repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';

const db = useEmbeddedDatabase('turn-ledger-test');

describe.each([
  [
    'Cosmos DB (embedded)',
    (): TurnLedger => new CosmosTurnLedger(db.database.container(CONTAINERS.turns.id)),
  ],
  ['memory', (): TurnLedger => new MemoryTurnLedger()],
])('turn ledger on %s', (_name, make) => {
  it('claims an activity once; an applied one stays claimed', async () => {
    const ledger = make();
    const key = `a-${Math.random()}`;
    expect(await ledger.claimActivity(key, 1_000, 30_000)).toBe(true);
    expect(await ledger.claimActivity(key, 2_000, 30_000)).toBe(false);
    await ledger.completeActivity(key, 60);
    expect(await ledger.claimActivity(key, 1_000_000, 30_000)).toBe(false);
  });

  it('lets a released claim, or one whose turn died (lease run out), be claimed again', async () => {
    const ledger = make();
    const released = `r-${Math.random()}`;
    expect(await ledger.claimActivity(released, 1_000, 30_000)).toBe(true);
    await ledger.releaseActivity(released);
    expect(await ledger.claimActivity(released, 2_000, 30_000)).toBe(true);
    const died = `d-${Math.random()}`;
    expect(await ledger.claimActivity(died, 1_000, 30_000)).toBe(true);
    expect(await ledger.claimActivity(died, 31_001, 30_000)).toBe(true);
  });

  it('holds a lease for its owner until released or run out', async () => {
    const ledger = make();
    const key = `l-${Math.random()}`;
    expect(await ledger.acquireLease(key, 'one', 1_000, 30_000)).toBe(true);
    expect(await ledger.acquireLease(key, 'two', 2_000, 30_000)).toBe(false);
    await ledger.releaseLease(key, 'two');
    expect(await ledger.acquireLease(key, 'two', 3_000, 30_000)).toBe(false);
    await ledger.releaseLease(key, 'one');
    expect(await ledger.acquireLease(key, 'two', 4_000, 30_000)).toBe(true);
    expect(await ledger.acquireLease(key, 'three', 34_001, 30_000)).toBe(true);
  });

  it('gives the lease to exactly one of many asking at once', async () => {
    const ledger = make();
    const key = `c-${Math.random()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ledger.acquireLease(key, `owner-${i}`, 1_000, 30_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
