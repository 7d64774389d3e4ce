import { Injectable } from '@nestjs/common';
import { CrossChannelRepository, CustomerComplaint } from './cross-channel.repository';
import { CrossChannelResponseDto, CrossChannelTopicDto } from './dto/pain-points-response.dto';

/**
 * Journeys broken across channels: customers who complained about one topic in two or more channels within
 * the window (a negative mention of the topic in each, by the newest analysis of each item), per topic with the
 * channel pairs they used.
 */
@Injectable()
export class CrossChannelService {
  constructor(private readonly repository: CrossChannelRepository) {}

  async find(
    to: Date,
    days: number,
    topics: string[] | undefined,
    limit: number,
  ): Promise<CrossChannelResponseDto> {
    const from = new Date(to.getTime() - days * 86_400_000);
    const rows = await this.repository.complaints(from, to, topics);
    return {
      window: { from: from.toISOString(), to: to.toISOString(), days },
      topics: summarise(rows).slice(0, limit),
    };
  }
}

export function summarise(rows: CustomerComplaint[]): CrossChannelTopicDto[] {
  // A customer's channels: the first as a plain string, a set only from a second one on (most customers of a
  // topic complain in one channel; a set for each of ~30,000 rows was most of this function's time).
  const byTopic = new Map<string, Map<string, string | Set<string>>>();
  for (const r of rows) {
    let customers = byTopic.get(r.topic);
    if (!customers) byTopic.set(r.topic, (customers = new Map()));
    const channels = customers.get(r.customerId);
    if (channels === undefined) customers.set(r.customerId, r.channel);
    else if (typeof channels !== 'string') channels.add(r.channel);
    else if (channels !== r.channel) customers.set(r.customerId, new Set([channels, r.channel]));
  }
  const out: CrossChannelTopicDto[] = [];
  for (const [topic, customers] of byTopic) {
    const pairs = new Map<string, number>();
    const channelCounts: Record<string, number> = {};
    let count = 0;
    // Customers in id order, whatever the rows' order: the order channels first appear in (the keys of
    // `channels`) stays what it was when the database grouped and sorted the rows (ids are lowercase UUIDs, which
    // sort alike in JavaScript, SQLite and MySQL's collation).
    const complainedTwice: [string, Set<string>][] = [];
    for (const [id, channels] of customers)
      if (typeof channels !== 'string') complainedTwice.push([id, channels]);
    complainedTwice.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, channels] of complainedTwice) {
      count++;
      const sorted = [...channels].sort();
      for (const c of sorted) channelCounts[c] = (channelCounts[c] ?? 0) + 1;
      for (let i = 0; i < sorted.length; i++)
        for (let j = i + 1; j < sorted.length; j++) {
          const key = `${sorted[i]}|${sorted[j]}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
    }
    if (!count) continue;
    out.push({
      topic,
      customers: count,
      channelPairs: [...pairs]
        .map(([key, customers]) => ({ channels: key.split('|'), customers }))
        .sort((a, b) => b.customers - a.customers || a.channels.join().localeCompare(b.channels.join())),
      channels: channelCounts,
    });
  }
  return out.sort((a, b) => b.customers - a.customers || a.topic.localeCompare(b.topic));
}
