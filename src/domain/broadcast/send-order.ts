/**
 * The order to try due deliveries in: one from each channel in turn, each channel's own in the
 * order given, so one channel's full window never holds back the others. Pure.
 */
export function interleaveByChannel<T>(items: readonly T[], channelOf: (item: T) => string): T[] {
  const byChannel = new Map<string, T[]>();
  for (const item of items) {
    const channel = channelOf(item);
    const list = byChannel.get(channel);
    if (list) {
      list.push(item);
    } else {
      byChannel.set(channel, [item]);
    }
  }
  const lists = [...byChannel.values()];
  const ordered: T[] = [];
  for (let round = 0; ordered.length < items.length; round += 1) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined) {
        ordered.push(item);
      }
    }
  }
  return ordered;
}
