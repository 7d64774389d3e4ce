import { createServer, connect, Server, Socket } from 'node:net';

export type ProxyMode = 'forward' | 'blackhole' | 'cut';

/**
 * A TCP proxy in front of a real server that a test can break: `blackhole` keeps connections open and
 * silently drops every byte (a dead network), `cut` resets every connection and refuses new ones.
 */
export class TcpProxy {
  mode: ProxyMode = 'forward';
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as { port: number }).port;
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'cut') for (const s of this.sockets) s.destroy();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.mode === 'cut') return void client.destroy();
    if (this.mode === 'blackhole') return; // accepted, never answered: the handshake never comes
    const upstream = connect(this.targetPort, this.targetHost);
    this.track(upstream);
    client.on('data', (chunk) => this.mode === 'forward' && upstream.write(chunk));
    upstream.on('data', (chunk) => this.mode === 'forward' && client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
