import type { RosterMember } from '../../../../src/domain/roster/roster-member';
import type { RosterRepository } from '../../../../src/store/roster.repository';

const PCN = 'U00001';

export const rosterMember = (overrides: Partial<RosterMember> = {}): RosterMember => ({
  aadObjectId: '00000000-0000-0000-0000-0000000000c1',
  displayName: 'Jo Coach',
  lead: false,
  coach: {
    practices: ['Y00001'],
    modes: ['phone'],
    formats: ['one-to-one'],
    about: 'I coach people living with diabetes.',
    training: { state: 'completed', completedOn: '2025-03-14' },
    startedInPost: '2025-01-06',
    takingReferrals: 'yes',
  },
  ...overrides,
});

const lead = rosterMember({
  aadObjectId: '00000000-0000-0000-0000-0000000000a1',
  displayName: 'Alex Lead',
  lead: true,
  coach: undefined,
});

const valuesOf = async (repo: RosterRepository, pcn = PCN): Promise<RosterMember[]> =>
  (await repo.list(pcn)).map((v) => v.value);

/** What every RosterRepository does; `repo()` is a new, empty one in each test. */
export function describeRosterContract(repo: () => RosterRepository): void {
  describe('RosterRepository contract', () => {
    it('keeps each person exactly as added, listed by name, and refuses a second add', async () => {
      expect(await repo().add(PCN, rosterMember())).toBe(true);
      expect(await repo().add(PCN, lead)).toBe(true);
      expect(await repo().add(PCN, rosterMember({ displayName: 'Someone else' }))).toBe(false);
      expect(await valuesOf(repo())).toEqual([lead, rosterMember()]);
      expect((await repo().get(PCN, rosterMember().aadObjectId))?.value).toEqual(rosterMember());
      expect(await repo().get(PCN, '00000000-0000-0000-0000-0000000000ff')).toBeUndefined();
    });

    it('keeps PCNs apart', async () => {
      await repo().add(PCN, rosterMember());
      await repo().add('U00002', lead);
      expect(await valuesOf(repo(), 'U00002')).toEqual([lead]);
      expect(await repo().get('U00002', rosterMember().aadObjectId)).toBeUndefined();
    });

    it('replaces a person only if unchanged since read: the second of two edits is refused', async () => {
      await repo().add(PCN, rosterMember());
      const first = await repo().get(PCN, rosterMember().aadObjectId);
      const second = await repo().get(PCN, rosterMember().aadObjectId);
      if (!first || !second) {
        throw new Error('the member was not stored');
      }
      const onLeave = rosterMember({
        coach: { ...rosterMember().coach!, takingReferrals: 'on-leave' },
      });
      expect(await repo().replaceIfUnchanged(PCN, first, onLeave)).toBe(true);
      expect(await repo().replaceIfUnchanged(PCN, second, rosterMember({ lead: true }))).toBe(
        false,
      );
      expect(await valuesOf(repo())).toEqual([onLeave]);
    });

    it('removes a person only if unchanged since read, and says so when already gone', async () => {
      await repo().add(PCN, rosterMember());
      const read = await repo().get(PCN, rosterMember().aadObjectId);
      if (!read) {
        throw new Error('the member was not stored');
      }
      await repo().replaceIfUnchanged(PCN, read, rosterMember({ displayName: 'Jo C' }));
      expect(await repo().removeIfUnchanged(PCN, read)).toBe(false);
      const fresh = await repo().get(PCN, rosterMember().aadObjectId);
      if (!fresh) {
        throw new Error('the member went');
      }
      expect(await repo().removeIfUnchanged(PCN, fresh)).toBe(true);
      expect(await repo().removeIfUnchanged(PCN, fresh)).toBe(false);
      expect(await valuesOf(repo())).toEqual([]);
    });

    it('seeds once only: a later seed never brings back a removed person or undoes an edit', async () => {
      expect(await repo().seedOnce(PCN, [rosterMember(), lead], '2026-11-23T09:00:00.000Z')).toBe(
        true,
      );
      const coach = await repo().get(PCN, rosterMember().aadObjectId);
      const alex = await repo().get(PCN, lead.aadObjectId);
      if (!coach || !alex) {
        throw new Error('the seed was not stored');
      }
      await repo().removeIfUnchanged(PCN, coach);
      await repo().replaceIfUnchanged(PCN, alex, { ...lead, displayName: 'Alex Lead-Smith' });
      expect(await repo().seedOnce(PCN, [rosterMember(), lead], '2026-11-24T09:00:00.000Z')).toBe(
        false,
      );
      expect(await valuesOf(repo())).toEqual([{ ...lead, displayName: 'Alex Lead-Smith' }]);
    });

    it('seeding one PCN does not count as seeding another', async () => {
      await repo().seedOnce(PCN, [lead], '2026-11-23T09:00:00.000Z');
      expect(await repo().seedOnce('U00002', [rosterMember()], '2026-11-23T09:00:00.000Z')).toBe(
        true,
      );
      expect(await valuesOf(repo(), 'U00002')).toEqual([rosterMember()]);
    });
  });
}
