import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChannelTarget } from '../../domain/broadcast/broadcast';
import type { Logger } from '../../logger';
import type { ConversationRepository } from '../../store/conversation.repository';

/** The channels a lead can post to. */
export interface ChannelDirectory {
  list(context: TurnContext, tenantId: string): Promise<ChannelTarget[]>;
}

const UNNAMED_TEAM = 'Team';

/**
 * Channels of every team the app is installed in: the teams come from stored conversation
 * references, their channels (and names) from the Teams roster API, with the stored channels as
 * the fallback when the roster cannot be read.
 */
export class TeamsChannelDirectory implements ChannelDirectory {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
  ) {}

  async list(context: TurnContext, tenantId: string): Promise<ChannelTarget[]> {
    const stored = await this.conversations.listActive(tenantId, 'channel');
    const teams = new Map<string, { name: string | undefined; serviceUrl: string }>();
    for (const c of stored) {
      if (c.teamId) {
        teams.set(c.teamId, {
          name: c.teamName ?? teams.get(c.teamId)?.name,
          serviceUrl: c.serviceUrl,
        });
      }
    }
    const teamNames = new Map<string, string>();
    for (const [teamId, team] of teams) {
      teamNames.set(teamId, team.name ?? (await this.teamName(context, teamId)));
    }

    const byId = new Map<string, ChannelTarget>();
    for (const c of stored) {
      if (c.teamId && c.channelId) {
        byId.set(c.channelId, {
          teamId: c.teamId,
          teamName: teamNames.get(c.teamId) ?? UNNAMED_TEAM,
          channelId: c.channelId,
          channelName: c.channelName ?? (c.channelId === c.teamId ? 'General' : 'Channel'),
          serviceUrl: c.serviceUrl,
        });
      }
    }
    for (const [teamId, team] of teams) {
      try {
        for (const channel of await TeamsInfo.getTeamChannels(context, teamId)) {
          if (channel.id) {
            byId.set(channel.id, {
              teamId,
              teamName: teamNames.get(teamId) ?? UNNAMED_TEAM,
              channelId: channel.id,
              // Teams leaves the General channel's name empty.
              channelName: channel.name ?? 'General',
              serviceUrl: team.serviceUrl,
            });
          }
        }
      } catch (error) {
        this.logger.warn('team_channels_unavailable', {
          errorName: error instanceof Error ? error.name : typeof error,
        });
      }
    }
    return [...byId.values()].sort((a, b) =>
      `${a.teamName} ${a.channelName}`.localeCompare(`${b.teamName} ${b.channelName}`),
    );
  }

  private async teamName(context: TurnContext, teamId: string): Promise<string> {
    try {
      return (await TeamsInfo.getTeamDetails(context, teamId)).name ?? UNNAMED_TEAM;
    } catch (error) {
      this.logger.warn('team_details_unavailable', {
        errorName: error instanceof Error ? error.name : typeof error,
      });
      return UNNAMED_TEAM;
    }
  }
}
