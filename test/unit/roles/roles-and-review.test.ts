import { DateTime } from 'luxon';
import { contactsReviewStatus } from '../../../src/domain/contacts-review';
import { RoleDirectory } from '../../../src/domain/roles';
import { examplePcn } from '../../helpers/pcn';

describe('roles', () => {
  const roles = new RoleDirectory(examplePcn());

  it('knows leads and coaches by Entra object id, whatever the case', () => {
    expect(roles.roleOf('00000000-0000-0000-0000-0000000000A1')).toBe('lead');
    expect(roles.roleOf('00000000-0000-0000-0000-0000000000c1')).toBe('coach');
    expect(roles.isCoach('00000000-0000-0000-0000-0000000000c1')).toBe(true);
  });

  it('treats everyone else, and anyone without an id, as a referrer', () => {
    expect(roles.roleOf('99999999-0000-0000-0000-000000000000')).toBe('referrer');
    expect(roles.roleOf(undefined)).toBe('referrer');
    expect(roles.isLead(undefined)).toBe(false);
  });
});

describe('how fresh the local contacts are', () => {
  it('says when they were checked, and warns once the review interval has passed', () => {
    const fresh = contactsReviewStatus('2026-11-01', DateTime.fromISO('2027-04-30T12:00:00Z'), 6);
    expect(fresh).toEqual({ stale: false, note: 'Local details last checked on 1 November 2026.' });
    const stale = contactsReviewStatus('2026-11-01', DateTime.fromISO('2027-05-02T12:00:00Z'), 6);
    expect(stale.stale).toBe(true);
    expect(stale.note).toMatch(/more than 6 months ago/);
  });
});
