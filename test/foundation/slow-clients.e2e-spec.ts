import { connect, Socket } from 'node:net';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

const REQUEST_TIMEOUT_MS = 1_000;

describe(`slow and truncated requests (${TEST_TARGET})`, () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => t?.close());

  /** Resolves with how long the server kept the socket open, and what it answered. */
  const heldFor = (send: (socket: Socket) => void): Promise<{ ms: number; answer: string }> =>
    new Promise((resolve) => {
      const started = Date.now();
      let answer = '';
      const socket = connect(port, '127.0.0.1', () => send(socket));
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ ms: Date.now() - started, answer }));
    });

  it('closes every connection whose body stops short of its Content-Length, within the bound', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        heldFor((socket) =>
          socket.write(
            'POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
              'Content-Length: 1000\r\n\r\n{"kind":"rev',
          ),
        ),
      ),
    );
    const longest = Math.max(...results.map((r) => r.ms));
    expect(longest).toBeLessThan(REQUEST_TIMEOUT_MS * 3);
    expect(results.every((r) => r.answer === '' || r.answer.startsWith('HTTP/1.1 408'))).toBe(true);
  });

  it('closes a connection that never finishes its headers', async () => {
    const { ms } = await heldFor((socket) => socket.write('GET /health HTTP/1.1\r\nHost: x\r\n'));
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS * 3);
  });

  it('still answers a well-behaved client', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
  });
});
