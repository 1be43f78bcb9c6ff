import { z } from 'zod';
import { renderWith } from '../render';
import addTemplate from './roster-add.card.json';
import memberTemplate from './roster-member.card.json';
import removeTemplate from './roster-remove.card.json';
import teamTemplate from './roster-team.card.json';

export const rosterTeamCardSchema = z.object({
  pcnName: z.string(),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      roles: z.string(),
      status: z.string(),
      warning: z.string(),
    }),
  ),
});
export type RosterTeamCardData = z.infer<typeof rosterTeamCardSchema>;
export const renderRosterTeamCard = renderWith(teamTemplate, rosterTeamCardSchema);

export const rosterMemberCardSchema = z.object({
  memberId: z.string(),
  etag: z.string(),
  name: z.string(),
  problem: z.string(),
  lead: z.enum(['true', 'false']),
  coach: z.enum(['true', 'false']),
  /** Comma-separated values, as a multi-select ChoiceSet takes and sends them. */
  practices: z.string(),
  practiceChoices: z.array(z.object({ title: z.string(), value: z.string() })),
  modes: z.string(),
  formats: z.string(),
  about: z.string(),
  training: z.string(),
  completedOn: z.string(),
  startedInPost: z.string(),
  takingReferrals: z.string(),
});
export type RosterMemberCardData = z.infer<typeof rosterMemberCardSchema>;
export const renderRosterMemberCard = renderWith(memberTemplate, rosterMemberCardSchema);

export const rosterRemoveCardSchema = z.object({
  memberId: z.string(),
  etag: z.string(),
  name: z.string(),
});
export const renderRosterRemoveCard = renderWith(removeTemplate, rosterRemoveCardSchema);

export const rosterAddCardSchema = z.object({
  role: z.enum(['coach', 'lead']),
  people: z.array(z.object({ title: z.string(), value: z.string() })).min(1),
});
export const renderRosterAddCard = renderWith(addTemplate, rosterAddCardSchema);
