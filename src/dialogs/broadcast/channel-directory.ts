import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChannelTarget } from '../../domain/broadcast/broadcast';
import type { Logger } from '../../logger';
import type { ConversationRepository } from '../../store/conversation.repository';

/** The channels a lead can post to. */
export interface ChannelDirectory {
  list(context: TurnContext, tenantId: string): Promise<ChannelTarget[]>;
}

/**
 * Channels of every team the app is installed in: the teams come from stored conversation
 * references, their channels from the Teams roster API, with stored channels as the fallback
 * when the roster cannot be read.
 */
export class TeamsChannelDirectory implements ChannelDirectory {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
  ) {}

  async list(context: TurnContext, tenantId: string): Promise<ChannelTarget[]> {
    const stored = await this.conversations.listActive(tenantId, 'channel');
    const byId = new Map<string, ChannelTarget>();
    for (const c of stored) {
      if (c.teamId && c.channelId) {
        byId.set(c.channelId, {
          teamId: c.teamId,
          teamName: c.teamName ?? 'Team',
          channelId: c.channelId,
          channelName: c.channelName ?? (c.channelId === c.teamId ? 'General' : 'Channel'),
          serviceUrl: c.serviceUrl,
        });
      }
    }
    const teams = new Map(stored.filter((c) => c.teamId).map((c) => [c.teamId ?? '', c]));
    for (const [teamId, team] of teams) {
      try {
        const channels = await TeamsInfo.getTeamChannels(context, teamId);
        for (const channel of channels) {
          if (channel.id) {
            byId.set(channel.id, {
              teamId,
              teamName: team.teamName ?? 'Team',
              channelId: channel.id,
              // Teams leaves the General channel's name empty.
              channelName: channel.name ?? 'General',
              serviceUrl: team.serviceUrl,
            });
          }
        }
      } catch (error) {
        this.logger.warn('team_channels_unavailable', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return [...byId.values()].sort((a, b) =>
      `${a.teamName} ${a.channelName}`.localeCompare(`${b.teamName} ${b.channelName}`),
    );
  }
}
