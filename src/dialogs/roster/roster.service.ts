import {
  renderRosterAddCard,
  renderRosterMemberCard,
  renderRosterRemoveCard,
  renderRosterTeamCard,
} from '../../cards/roster/roster.cards';
import type { RosterAction } from '../../cards/roster/roster.actions';
import type { Clock } from '../../domain/clock';
import { pcnCodeOf, type PcnConfig } from '../../domain/pcn-config';
import type { RoleDirectory } from '../../domain/roles';
import { isTierOne, tierOneUntil, whyNotOffered } from '../../domain/roster/referral-offer';
import { applyMemberEdit, changedFields } from '../../domain/roster/roster-edit';
import {
  newCoachProfile,
  rosterFromConfig,
  type RosterMember,
} from '../../domain/roster/roster-member';
import type { AuditEvent, AuditLog } from '../../store/audit.repository';
import type { RosterRepository } from '../../store/roster.repository';
import type { ConversationMember, FeatureTurn } from '../feature-turn';
import { memberCardData, teamCardData } from './roster-view';

type Save = Extract<RosterAction, { verb: 'roster.save' }>;
type Remove = Extract<RosterAction, { verb: 'roster.remove' }>;
type Add = Extract<RosterAction, { verb: 'roster.add' }>;

export const ADD_HOW =
  'To add someone, @mention them in your message, for example "add @Sam as a coach" or "add @Sam as a lead", or say "add a coach" in a team channel or group chat they are in and choose them. In a 1:1 chat with me you cannot @mention people.';
export const NOT_ON_TEAM =
  'That person is no longer on the team. Say "team" to see it as it is now.';

/**
 * The PCN's team, kept by its leads in Teams: list it, add people by @mention, change a coach's
 * details, remove people. Every change is a versioned write, audited, and refreshes the role
 * snapshot that the router and the features read, so it takes effect at once.
 */
export class RosterService {
  private loading: Promise<void> | undefined;
  private readonly pcnCode: string;

  constructor(
    private readonly deps: {
      roster: RosterRepository;
      audit: AuditLog;
      roles: RoleDirectory;
      pcn: PcnConfig;
      clock: Clock;
    },
  ) {
    this.pcnCode = pcnCodeOf(deps.pcn);
  }

  /** Seed the roster from the PCN file if it never was, then read it: once, before first use. */
  start(): Promise<void> {
    this.loading ??= this.seedAndLoad().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Read the roster again into the role snapshot (other instances' changes). */
  async refresh(): Promise<number> {
    await this.start();
    const members = await this.deps.roster.list(this.pcnCode);
    this.deps.roles.replace(members.map((m) => m.value));
    return members.length;
  }

  /**
   * The coaches who may be offered a new referral from this practice today: trained, taking
   * referrals and working with it. From the snapshot, so it never waits on storage.
   */
  coachesForReferral(odsCode: string): RosterMember[] {
    return this.deps.roles.coachesForReferral(odsCode, this.today());
  }

  async team(turn: FeatureTurn): Promise<void> {
    await this.refresh();
    await turn.send({
      attachments: [
        renderRosterTeamCard(teamCardData(this.deps.pcn, this.deps.roles.everyone(), this.today())),
      ],
    });
  }

  /**
   * "add @Sam as a coach" / "add @Sam as a lead". Without a mention, in a team or group chat, a
   * card to choose from the conversation's members; in a 1:1 chat, how to.
   */
  async add(turn: FeatureTurn, text: string): Promise<void> {
    const people = turn.mentions ?? [];
    const asLead = /\blead\b/i.test(text) && !/\bcoach\b/i.test(text);
    if (people.length === 0) {
      await this.offerChooser(turn, asLead ? 'lead' : 'coach');
      return;
    }
    await this.start();
    const said: string[] = [];
    for (const person of people) {
      said.push(await this.addOne(turn, person.aadObjectId, person.name, asLead));
    }
    await this.refresh();
    await turn.send(said.join('\n\n'));
  }

  /** The person chosen on the members card: their name is taken from Teams, not the card. */
  async addChosen(turn: FeatureTurn, action: Add): Promise<void> {
    if (action.memberId === undefined || action.memberId === '') {
      await this.offerChooser(turn, action.role ?? 'coach');
      return;
    }
    const chosen = (await this.members(turn))?.find(
      (m) => m.aadObjectId === action.memberId?.toLowerCase(),
    );
    if (!chosen) {
      await turn.send(`I could not find that person among this conversation's members. ${ADD_HOW}`);
      return;
    }
    await this.start();
    const said = await this.addOne(turn, chosen.aadObjectId, chosen.name, action.role === 'lead');
    await this.refresh();
    await turn.send(said);
  }

  async edit(turn: FeatureTurn, memberId: string, problem = ''): Promise<void> {
    await this.start();
    const current = await this.deps.roster.get(this.pcnCode, memberId);
    if (!current) {
      await turn.send(NOT_ON_TEAM);
      return;
    }
    await turn.send({
      attachments: [renderRosterMemberCard(memberCardData(this.deps.pcn, current, problem))],
    });
  }

  async save(turn: FeatureTurn, action: Save): Promise<void> {
    await this.start();
    const current = await this.deps.roster.get(this.pcnCode, action.memberId);
    if (!current) {
      await turn.send(NOT_ON_TEAM);
      return;
    }
    const result = applyMemberEdit(
      current.value,
      action,
      this.deps.pcn.practices.map((p) => p.odsCode),
      this.today(),
    );
    if (!result.ok) {
      await turn.send({
        attachments: [
          renderRosterMemberCard(memberCardData(this.deps.pcn, current, result.problem)),
        ],
      });
      return;
    }
    const next = result.member;
    const name = current.value.displayName;
    if (sameMember(current.value, next)) {
      await turn.send(`${name}'s details are saved. Nothing needed changing.`);
      return;
    }
    if (current.value.lead && !next.lead && (await this.leadCount()) <= 1) {
      await turn.send(
        `${name} is the only lead. Add another lead before taking ${name}'s lead role away.`,
      );
      return;
    }
    if (
      current.etag !== action.etag ||
      !(await this.deps.roster.replaceIfUnchanged(this.pcnCode, current, next))
    ) {
      await this.changedMeanwhile(turn, action.memberId, name);
      return;
    }
    await this.audit(turn, 'roster.changed', next.aadObjectId, {
      name,
      fields: changedFields(current.value, next),
    });
    await this.refresh();
    await turn.send(`Saved ${name}'s details.${this.offerNote(next)}`);
  }

  async removeAsk(turn: FeatureTurn, memberId: string): Promise<void> {
    await this.start();
    const current = await this.deps.roster.get(this.pcnCode, memberId);
    if (!current) {
      await turn.send(NOT_ON_TEAM);
      return;
    }
    await turn.send({
      attachments: [
        renderRosterRemoveCard({
          memberId: current.value.aadObjectId,
          etag: current.etag,
          name: current.value.displayName,
        }),
      ],
    });
  }

  async remove(turn: FeatureTurn, action: Remove): Promise<void> {
    await this.start();
    const current = await this.deps.roster.get(this.pcnCode, action.memberId);
    if (!current) {
      await turn.send('They have already been removed from the team.');
      return;
    }
    const name = current.value.displayName;
    if (current.value.lead && (await this.leadCount()) <= 1) {
      await turn.send(`${name} is the only lead, so cannot be removed. Add another lead first.`);
      return;
    }
    if (
      current.etag !== action.etag ||
      !(await this.deps.roster.removeIfUnchanged(this.pcnCode, current))
    ) {
      await this.changedMeanwhile(turn, action.memberId, name);
      return;
    }
    await this.audit(turn, 'roster.removed', current.value.aadObjectId, { name });
    await this.refresh();
    await turn.send(`Removed ${name} from the team.`);
  }

  private async addOne(
    turn: FeatureTurn,
    aadObjectId: string,
    name: string,
    asLead: boolean,
  ): Promise<string> {
    const role = asLead ? 'lead' : 'coach';
    const current = await this.deps.roster.get(this.pcnCode, aadObjectId);
    if (current && (asLead ? current.value.lead : current.value.coach !== undefined)) {
      return `${current.value.displayName} is already a ${role}.`;
    }
    const next: RosterMember = current
      ? asLead
        ? { ...current.value, lead: true }
        : { ...current.value, coach: newCoachProfile() }
      : {
          aadObjectId,
          displayName: name,
          lead: asLead,
          ...(asLead ? {} : { coach: newCoachProfile() }),
        };
    const written = current
      ? await this.deps.roster.replaceIfUnchanged(this.pcnCode, current, next)
      : await this.deps.roster.add(this.pcnCode, next);
    if (!written) {
      return `Someone else changed ${name}'s place on the team just now. Say "team" to see it and try again.`;
    }
    await this.audit(turn, 'roster.added', aadObjectId, { name: next.displayName, role });
    return asLead
      ? `Added ${next.displayName} as a lead.`
      : `Added ${next.displayName} as a coach. They are not offered for referrals until you record their completed PCI-accredited coaching course: say "team" and choose Change.`;
  }

  private async offerChooser(turn: FeatureTurn, role: 'coach' | 'lead'): Promise<void> {
    const members = turn.caller.conversationKind === 'personal' ? [] : await this.members(turn);
    if (members === undefined) {
      await turn.send(
        `I could not get this conversation's members from Teams just now. ${ADD_HOW}`,
      );
      return;
    }
    if (members.length === 0) {
      await turn.send(ADD_HOW);
      return;
    }
    const people = [...members]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((m) => ({ title: m.name, value: m.aadObjectId }));
    await turn.send({ attachments: [renderRosterAddCard({ role, people })] });
  }

  /** The conversation's members, [] where there are none to ask for, undefined when Teams failed. */
  private async members(turn: FeatureTurn): Promise<ConversationMember[] | undefined> {
    if (!turn.listMembers) {
      return [];
    }
    try {
      return await turn.listMembers();
    } catch {
      // Teams' own error text is never shown or logged; the lead is told to @mention instead.
      return undefined;
    }
  }

  private async changedMeanwhile(turn: FeatureTurn, memberId: string, name: string): Promise<void> {
    const fresh = await this.deps.roster.get(this.pcnCode, memberId);
    if (!fresh) {
      await turn.send(
        `Someone else removed ${name} from the team since this card was sent. Nothing was changed.`,
      );
      return;
    }
    await turn.send({
      attachments: [
        renderRosterMemberCard(
          memberCardData(
            this.deps.pcn,
            fresh,
            `Someone else changed ${name}'s details since your card was sent, so your changes were not saved. These are their details now: make your changes again and save.`,
          ),
        ),
      ],
    });
  }

  private offerNote(member: RosterMember): string {
    if (!member.coach) {
      return '';
    }
    const reasons = whyNotOffered(member.coach, this.today());
    const tier = isTierOne(member.coach, this.today())
      ? ` They are Tier 1 until ${tierOneUntil(member.coach) ?? ''}.`
      : '';
    return reasons.length === 0
      ? ` They are offered for new referrals.${tier}`
      : ` They are not offered for new referrals: ${member.displayName} ${reasons.join(' and ')}.${tier}`;
  }

  private async leadCount(): Promise<number> {
    return (await this.deps.roster.list(this.pcnCode)).filter((m) => m.value.lead).length;
  }

  private async audit(
    turn: FeatureTurn,
    action: AuditEvent['action'],
    subject: string,
    details: AuditEvent['details'],
  ): Promise<void> {
    await this.deps.audit.record({
      tenantId: turn.caller.tenantId,
      at: this.deps.clock.now().toISO() ?? '',
      actor: turn.caller.userId,
      actorName: turn.caller.name,
      action,
      subject,
      details: { pcnCode: this.pcnCode, ...details },
    });
  }

  private async seedAndLoad(): Promise<void> {
    await this.deps.roster.seedOnce(
      this.pcnCode,
      rosterFromConfig(this.deps.pcn),
      this.deps.clock.now().toISO() ?? '',
    );
    const members = await this.deps.roster.list(this.pcnCode);
    this.deps.roles.replace(members.map((m) => m.value));
  }

  private today(): string {
    return this.deps.clock.now().toISODate() ?? '';
  }
}

const sameMember = (a: RosterMember, b: RosterMember): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
