import { summarise } from './cross-channel.service';

describe('cross-channel summary', () => {
  it('counts customers with a topic in two or more channels, and their channel pairs', () => {
    const rows = [
      { topic: 'payment', customerId: 'a', channel: 'web' },
      { topic: 'payment', customerId: 'a', channel: 'chat' },
      { topic: 'payment', customerId: 'a', channel: 'phone' },
      { topic: 'payment', customerId: 'b', channel: 'web' },
      { topic: 'payment', customerId: 'b', channel: 'chat' },
      { topic: 'payment', customerId: 'c', channel: 'web' },
      { topic: 'delivery', customerId: 'a', channel: 'web' },
      { topic: 'delivery', customerId: 'd', channel: 'email' },
    ];
    expect(summarise(rows)).toEqual([
      {
        topic: 'payment',
        customers: 2,
        channelPairs: [
          { channels: ['chat', 'web'], customers: 2 },
          { channels: ['chat', 'phone'], customers: 1 },
          { channels: ['phone', 'web'], customers: 1 },
        ],
        channels: { chat: 2, phone: 1, web: 2 },
      },
    ]);
  });

  it('gives the same answer, key order included, whatever the rows order and however often a row repeats', () => {
    // Customer b (phone, web) sorts after a (email, chat): the channels appear email, chat... in id order.
    const rows = [
      { topic: 'payment', customerId: 'b', channel: 'web' },
      { topic: 'payment', customerId: 'b', channel: 'phone' },
      { topic: 'payment', customerId: 'a', channel: 'email' },
      { topic: 'payment', customerId: 'a', channel: 'chat' },
      { topic: 'payment', customerId: 'b', channel: 'web' },
      { topic: 'payment', customerId: 'c', channel: 'web' },
      { topic: 'payment', customerId: 'c', channel: 'web' },
    ];
    const inIdOrder = summarise(
      [...rows].sort(
        (x, y) => x.customerId.localeCompare(y.customerId) || x.channel.localeCompare(y.channel),
      ),
    );
    for (const order of [rows, [...rows].reverse()]) {
      const answer = summarise(order);
      expect(JSON.stringify(answer)).toBe(JSON.stringify(inIdOrder));
      expect(Object.keys(answer[0].channels)).toEqual(['chat', 'email', 'phone', 'web']);
      expect(answer[0].customers).toBe(2);
    }
  });
});
