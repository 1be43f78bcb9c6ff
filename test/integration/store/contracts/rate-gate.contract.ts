import type { RateWindow } from '../../../../src/domain/broadcast/rate-limits';
import type { RateGate } from '../../../../src/store/rate-gate';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const TWO_A_SECOND: readonly RateWindow[] = [{ limit: 2, seconds: 1 }];
const ONE_A_SECOND: readonly RateWindow[] = [{ limit: 1, seconds: 1 }];

/**
 * What every RateGate does, with the default 500 ms margin; `gate()` is a new one, with no sends
 * yet, in each test. Time is what the test says it is: `now` is handed in, never read from the wall clock.
 */
export function describeRateGateContract(gate: () => RateGate): void {
  describe('RateGate contract', () => {
    let clockMs = T0;
    const now = (): number => clockMs;
    const reserve = async (key: string, windows = TWO_A_SECOND): Promise<number> =>
      (await gate().reserve([{ key, windows }], now)).waitMs;
    beforeEach(() => {
      clockMs = T0;
    });

    it('reserves at once while the window has room', async () => {
      expect(await reserve('channel-a')).toBe(0);
      expect(await reserve('channel-a')).toBe(0);
    });

    it('once full, says to wait until the oldest send leaves the window widened by the margin', async () => {
      await reserve('channel-a');
      clockMs = T0 + 200;
      await reserve('channel-a');
      clockMs = T0 + 300;
      // The first send leaves the 1 s window, widened to 1.5 s, at T0 + 1501.
      expect(await reserve('channel-a')).toBe(1201);
      // Being told to wait took no slot.
      expect(await reserve('channel-a')).toBe(1201);
      clockMs = T0 + 1501;
      expect(await reserve('channel-a')).toBe(0);
    });

    it('still counts a send older than the window but inside the margin', async () => {
      await reserve('tenant');
      clockMs = T0 + 100;
      await reserve('tenant');
      // 1.1 s on, both are out of the plain 1 s window but inside the 1.5 s widened one.
      clockMs = T0 + 1_100;
      expect(await reserve('tenant')).toBe(401);
      clockMs = T0 + 1_501;
      expect(await reserve('tenant')).toBe(0);
    });

    it('keeps keys apart', async () => {
      await reserve('channel-a', ONE_A_SECOND);
      expect(await reserve('channel-a', ONE_A_SECOND)).toBeGreaterThan(0);
      expect(await reserve('channel-b', ONE_A_SECOND)).toBe(0);
    });

    it('with several keys, answers the wait of the first full one; slots taken before it stay taken', async () => {
      await reserve('tenant', ONE_A_SECOND);
      const both = [
        { key: 'channel-a', windows: TWO_A_SECOND },
        { key: 'tenant', windows: ONE_A_SECOND },
      ];
      expect(await gate().reserve(both, now)).toEqual({ waitMs: 1501 });
      expect(await reserve('channel-a')).toBe(0);
      expect(await reserve('channel-a')).toBe(1501);
      clockMs = T0 + 1501;
      expect(await gate().reserve(both, now)).toEqual({ waitMs: 0 });
    });

    it('expects the wait it would answer, from what it has seen, without taking a slot', async () => {
      const key = { key: 'channel-a', windows: ONE_A_SECOND };
      expect(gate().expectedWait([key], T0)).toBe(0);
      await reserve('channel-a', ONE_A_SECOND);
      clockMs = T0 + 500;
      expect(gate().expectedWait([key], clockMs)).toBe(1001);
      expect(gate().expectedWait([key, { key: 'channel-b', windows: ONE_A_SECOND }], clockMs)).toBe(
        1001,
      );
      expect(await reserve('channel-a', ONE_A_SECOND)).toBe(1001);
    });

    it('paces a paced key: the next send waits a share of the widened window', async () => {
      const paced = [{ key: 'tenant', windows: TWO_A_SECOND, paced: true }];
      expect((await gate().reserve(paced, now)).waitMs).toBe(0);
      // Two per 1.5 s is one per 750 ms; paced at three quarters of that: 562.5 ms.
      expect((await gate().reserve(paced, now)).waitMs).toBe(563);
      clockMs = T0 + 563;
      expect((await gate().reserve(paced, now)).waitMs).toBe(0);
      // The window still holds: the third waits for the first to leave it.
      clockMs = T0 + 1_200;
      expect((await gate().reserve(paced, now)).waitMs).toBe(301);
    });

    it('gives back a slot for a send Teams refused, and only that one', async () => {
      await reserve('channel-a');
      clockMs = T0 + 100;
      await reserve('channel-a');
      clockMs = T0 + 200;
      expect(await reserve('channel-a')).toBe(1301);
      await gate().release({ key: 'channel-a', windows: TWO_A_SECOND }, T0 + 100);
      // Giving back a slot that is not there changes nothing.
      await gate().release({ key: 'channel-a', windows: TWO_A_SECOND }, T0 + 150);
      await gate().release({ key: 'channel-b', windows: TWO_A_SECOND }, T0);
      expect(await reserve('channel-a')).toBe(0);
      expect(await reserve('channel-a')).toBe(1301);
    });

    it('of two reservations at once for the last slot, one gets it and the other waits', async () => {
      const results = await Promise.all([
        gate().reserve([{ key: 'channel-a', windows: ONE_A_SECOND }], now),
        gate().reserve([{ key: 'channel-a', windows: ONE_A_SECOND }], now),
      ]);
      expect(results.map((r) => r.waitMs).sort((a, b) => a - b)).toEqual([0, 1501]);
    });
  });
}
