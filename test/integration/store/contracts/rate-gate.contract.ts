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

    it('of two reservations at once for the last slot, one gets it and the other waits', async () => {
      const results = await Promise.all([
        gate().reserve([{ key: 'channel-a', windows: ONE_A_SECOND }], now),
        gate().reserve([{ key: 'channel-a', windows: ONE_A_SECOND }], now),
      ]);
      expect(results.map((r) => r.waitMs).sort((a, b) => a - b)).toEqual([0, 1501]);
    });
  });
}
