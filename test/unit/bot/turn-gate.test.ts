import { TurnGate, type TurnGateOptions } from '../../../src/bot/turn-gate';
import { findAppError } from '../../../src/errors';
import { silentLogger } from '../../../src/logger';
import { MemoryTurnLedger } from '../../../src/store/memory/turn-ledger.memory-repository';

const OPTIONS: TurnGateOptions = { leaseMs: 30_000, waitMs: 200, pollMs: 5, keepSeconds: 60 };

function activity(id: string, user = '29:gp', conversation = 'a:chat') {
  return { id, from: { id: user, name: '' }, conversation: { id: conversation, name: '' } };
}

/** A turn that runs until the test lets it finish, and says when it started. */
function heldTurn() {
  let release: () => void = () => undefined;
  let started = false;
  const finished = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    run: async () => {
      started = true;
      await finished;
    },
    release: () => release(),
    started: () => started,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves once `condition` holds, looking again after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await tick();
  }
}

/** The shared ledger, counting the leases it refused: a gate refused twice is waiting. */
class CountingLedger extends MemoryTurnLedger {
  refusedLeases = 0;
  override async acquireLease(
    key: string,
    owner: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<boolean> {
    const granted = await super.acquireLease(key, owner, nowMs, leaseMs);
    this.refusedLeases += granted ? 0 : 1;
    return granted;
  }
}

describe('TurnGate', () => {
  it("runs one person's turns in a conversation one after the other", async () => {
    const gate = new TurnGate(new MemoryTurnLedger(), Date.now, silentLogger, OPTIONS);
    const first = heldTurn();
    const second = heldTurn();
    const a = gate.run(activity('1'), first.run);
    const b = gate.run(activity('2'), second.run);
    await tick();
    expect(first.started()).toBe(true);
    expect(second.started()).toBe(false);
    first.release();
    await a;
    await tick();
    await tick();
    expect(second.started()).toBe(true);
    second.release();
    await expect(b).resolves.toBe('applied');
  });

  it('lets two people, or one person in two conversations, go at once', async () => {
    const gate = new TurnGate(new MemoryTurnLedger(), Date.now, silentLogger, OPTIONS);
    const who: Array<[string, string]> = [
      ['29:gp-a', 'a:chat'],
      ['29:gp-b', 'a:chat'],
      ['29:gp-a', 'a:other'],
    ];
    const turns = who.map(() => heldTurn());
    const runs = who.map(([user, conversation], i) =>
      gate.run(activity(String(i), user, conversation), () => turns[i]?.run() ?? Promise.resolve()),
    );
    await tick();
    expect(turns.map((t) => t.started())).toEqual([true, true, true]);
    turns.forEach((t) => t.release());
    await expect(Promise.all(runs)).resolves.toEqual(['applied', 'applied', 'applied']);
  });

  it('waits for a turn another instance holds, through the shared ledger', async () => {
    const ledger = new CountingLedger();
    // A clock that stands still: however slow the machine, the wait's deadline never comes.
    const stillClock = () => 1_000;
    const one = new TurnGate(ledger, stillClock, silentLogger, OPTIONS);
    const two = new TurnGate(ledger, stillClock, silentLogger, OPTIONS);
    const first = heldTurn();
    const second = heldTurn();
    const a = one.run(activity('1'), first.run);
    await tick();
    const b = two.run(activity('2'), second.run);
    // The second instance has asked for the lease, been refused, and asked again: it is waiting.
    await until(() => ledger.refusedLeases >= 2);
    expect(second.started()).toBe(false);
    first.release();
    await a;
    await until(() => second.started());
    second.release();
    await expect(b).resolves.toBe('applied');
  });

  it('gives up with TURN_BUSY, applying nothing, when the other turn does not finish in time', async () => {
    const ledger = new MemoryTurnLedger();
    const one = new TurnGate(ledger, Date.now, silentLogger, OPTIONS);
    const two = new TurnGate(ledger, Date.now, silentLogger, OPTIONS);
    const stuck = heldTurn();
    const a = one.run(activity('1'), stuck.run);
    await tick();
    let ran = false;
    const error: unknown = await two
      .run(activity('2'), async () => {
        ran = true;
        return Promise.resolve();
      })
      .catch((e: unknown) => e);
    expect(findAppError(error)?.code).toBe('TURN_BUSY');
    expect(ran).toBe(false);
    stuck.release();
    await a;
  });

  it('skips a redelivery and releases the claim of a failed turn', async () => {
    const gate = new TurnGate(new MemoryTurnLedger(), Date.now, silentLogger, OPTIONS);
    let applied = 0;
    const turn = async () => {
      applied += 1;
      return Promise.resolve();
    };
    await expect(gate.run(activity('x'), turn)).resolves.toBe('applied');
    await expect(gate.run(activity('x'), turn)).resolves.toBe('redelivered');
    expect(applied).toBe(1);
    await expect(gate.run(activity('y'), () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(gate.run(activity('y'), turn)).resolves.toBe('applied');
    expect(applied).toBe(2);
  });
});
