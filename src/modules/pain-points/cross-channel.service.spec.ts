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
});
