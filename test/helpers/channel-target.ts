import type { ChannelTarget } from '../../src/domain/broadcast/broadcast';

/** The channel `name` of the Riverside PCN team, reached through the connector at `serviceUrl`. */
export function channel(serviceUrl: string, name: string): ChannelTarget {
  return {
    teamId: '19:team@thread.tacv2',
    teamName: 'Riverside PCN',
    channelId: `19:${name}@thread.tacv2`,
    channelName: name,
    serviceUrl,
  };
}
