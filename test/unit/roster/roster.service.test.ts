import { RosterService } from '../../../src/dialogs/roster/roster.service';
import { fixedClock } from '../../../src/domain/clock';
import { RoleDirectory } from '../../../src/domain/roles';
import { MemoryAuditLog } from '../../../src/store/memory/audit.memory-repository';
import { MemoryRosterRepository } from '../../../src/store/memory/roster.memory-repository';
import { examplePcn } from '../../helpers/pcn';
import { COACH, LEAD, SECOND_COACH } from '../../helpers/people';
import { callerAs, recordedTurn } from '../../helpers/recorded-turn';
import { RosterRefresh } from '../../../src/jobs/roster-refresh';
import { createLogger } from '../../../src/logger';

function service(roster = new MemoryRosterRepository()) {
  const pcn = examplePcn();
  const roles = new RoleDirectory(pcn);
  const audit = new MemoryAuditLog();
  const clock = fixedClock('2026-11-23T09:00:00Z');
  return { roster, roles, audit, service: new RosterService({ roster, audit, roles, pcn, clock }) };
}

describe('the roster service', () => {
  it('offers for referral only trained coaches taking referrals who work with the practice', async () => {
    const { service: roster } = service();
    await roster.start();
    expect(roster.coachesForReferral('Y00001').map((m) => m.displayName)).toEqual(['Jo Coach']);
    // Sam Okoro works with Y00003 but the file records no completed course.
    expect(roster.coachesForReferral('Y00003')).toEqual([]);
  });

  it('seeds the store from the file once, and reads what is stored at every start', async () => {
    const first = service();
    await first.service.start();
    const sam = await first.roster.get('U00001', SECOND_COACH.aadObjectId);
    if (!sam) {
      throw new Error('not seeded');
    }
    await first.roster.removeIfUnchanged('U00001', sam);
    const again = service(first.roster);
    expect(again.roles.isCoach(SECOND_COACH.aadObjectId)).toBe(true);
    await again.service.start();
    expect(again.roles.isCoach(SECOND_COACH.aadObjectId)).toBe(false);
    expect(again.roles.isCoach(COACH.aadObjectId)).toBe(true);
  });

  it('retries the seed on the next use when storage failed the first time', async () => {
    const { roster, service: svc } = service();
    const list = roster.list.bind(roster);
    let fail = true;
    roster.list = (code) => (fail ? Promise.reject(new Error('down')) : list(code));
    await expect(svc.start()).rejects.toThrow('down');
    fail = false;
    const turn = recordedTurn(callerAs(LEAD));
    await svc.team(turn);
    expect(turn.cards()).toHaveLength(1);
  });
});

describe('another instance', () => {
  it("sees a lead's change on its next refresh, which the refresh job runs again and again", async () => {
    const shared = new MemoryRosterRepository();
    const here = service(shared);
    const there = service(shared);
    await Promise.all([here.service.start(), there.service.start()]);
    const sam = await shared.get('U00001', SECOND_COACH.aadObjectId);
    if (!sam) {
      throw new Error('not seeded');
    }
    const turn = recordedTurn(callerAs(LEAD));
    await here.service.remove(turn, {
      verb: 'roster.remove',
      memberId: SECOND_COACH.aadObjectId,
      etag: sam.etag,
    });
    expect(turn.texts()).toEqual(['Removed Sam Okoro from the team.']);
    expect(here.roles.isCoach(SECOND_COACH.aadObjectId)).toBe(false);
    expect(there.roles.isCoach(SECOND_COACH.aadObjectId)).toBe(true);

    let passes = 0;
    let twoPasses: () => void = () => undefined;
    const refreshedTwice = new Promise<void>((resolve) => {
      twoPasses = resolve;
    });
    const job = new RosterRefresh(
      async () => {
        const count = await there.service.refresh();
        passes += 1;
        if (passes === 2) {
          twoPasses();
        }
        return count;
      },
      createLogger('error', () => undefined),
      1,
    );
    job.start();
    await refreshedTwice;
    await job.stop();
    expect(there.roles.isCoach(SECOND_COACH.aadObjectId)).toBe(false);
  });
});
