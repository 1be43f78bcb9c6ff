import type { BroadcastAction } from '../../cards/broadcast/broadcast.actions';
import { postHereCard } from '../../domain/commands';
import type { PcnConfig } from '../../domain/pcn-config';
import type { DialogVerbRoute, FeatureRoutes } from '../routes';
import type { BroadcastCommands } from './broadcast-commands.service';

const DRAFT_CLOSED =
  "That draft has closed, and nothing was posted from it. Type 'post role cards' to start again.";

/** Who may post, said to those who may not. */
function leadsOnly(pcn: PcnConfig, leads: readonly string[]): string {
  return leads.length > 0
    ? `Only PCN leads can post role cards to channels. At ${pcn.pcnName} that is: ${leads.join(', ')}. You can still see any card: type 'role cards'.`
    : "Only PCN leads can post role cards to channels, and none are set up yet. Ask your PCN's admin to add leads to the configuration.";
}

export type BroadcastCommand = 'broadcast' | 'broadcast-here' | 'broadcast-list';

/** A lead's channel posts. The compose, preview and confirm buttons belong to the dialog. */
export function broadcastRoutes(
  commands: BroadcastCommands,
  pcn: PcnConfig,
  /** The leads' names as the roster now has them; without it, the PCN file's. */
  leadNames: () => readonly string[] = () => pcn.leads.map((l) => l.displayName),
): FeatureRoutes<BroadcastAction, BroadcastCommand> {
  const lead = { role: 'lead' as const, refusal: () => leadsOnly(pcn, leadNames()) };
  const draftClosed: DialogVerbRoute<unknown> = {
    dialog: true,
    closed: (turn) => turn.send(DRAFT_CLOSED),
  };
  return {
    verbs: {
      'broadcast.start': { ...lead, handle: (turn) => commands.start(turn) },
      'broadcast.status': {
        ...lead,
        privateReply: true,
        handle: (turn, a) => commands.status(turn, a.jobId),
      },
      'broadcast.cancel': {
        ...lead,
        privateReply: true,
        handle: (turn, a) => commands.askCancel(turn, a.jobId),
      },
      'broadcast.cancel-confirmed': {
        ...lead,
        privateReply: true,
        handle: (turn, a) => commands.cancel(turn, a.jobId),
      },
      'broadcast.keep': { ...lead, privateReply: true, handle: (turn) => commands.keep(turn) },
      'broadcast.retry': {
        ...lead,
        privateReply: true,
        handle: (turn, a) => commands.retry(turn, a.jobId),
      },
      'broadcast.skip': {
        ...lead,
        privateReply: true,
        handle: (turn, a) => commands.skip(turn, a.jobId, Number(a.occurrence)),
      },
      'broadcast.change': { ...lead, handle: (turn, a) => commands.change(turn, a.jobId) },
      'broadcast.preview': draftClosed,
      'broadcast.edit': draftClosed,
      'broadcast.discard': draftClosed,
      'broadcast.confirm': {
        dialog: true,
        closed: (turn, a) => commands.confirmAgain(turn, a.draftId),
      },
    },
    commands: {
      broadcast: { ...lead, handle: (turn) => commands.start(turn) },
      'broadcast-here': {
        ...lead,
        handle: (turn, text) => commands.postHere(turn, postHereCard(text)),
      },
      'broadcast-list': { ...lead, privateReply: true, handle: (turn) => commands.list(turn) },
    },
  };
}
