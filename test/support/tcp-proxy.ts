import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/**
 * What the proxy does with traffic:
 * - `open`: passes bytes both ways;
 * - `cut`: resets every open connection and refuses new ones, as when a server or a link dies;
 * - `stall`: keeps connections open but passes nothing in either direction, and accepts new
 *   connections without ever connecting them through, as when packets are dropped.
 */
export type ProxyMode = 'open' | 'cut' | 'stall';

/**
 * A TCP proxy in front of a real service (PostgreSQL or Redis) that a fault test can cut or
 * stall and restore. Listens on 127.0.0.1 on a free port.
 */
export class TcpProxy {
  private server!: Server;
  private mode: ProxyMode = 'open';
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target.host, target.port);
    await proxy.listen();
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get state(): ProxyMode {
    return this.mode;
  }

  /** Connections currently open through the proxy. */
  get connections(): number {
    return this.pairs.size;
  }

  cut(): void {
    this.mode = 'cut';
    for (const pair of this.pairs) {
      pair.client.resetAndDestroy();
      pair.upstream?.resetAndDestroy();
    }
    this.pairs.clear();
  }

  stall(): void {
    this.mode = 'stall';
    for (const pair of this.pairs) {
      pair.client.pause();
      pair.upstream?.pause();
    }
  }

  /** Passes traffic again; connections held during a stall are closed so clients reconnect. */
  restore(): void {
    const wasStalled = this.mode === 'stall';
    this.mode = 'open';
    if (wasStalled) {
      for (const pair of this.pairs) {
        pair.client.resetAndDestroy();
        pair.upstream?.resetAndDestroy();
      }
      this.pairs.clear();
    }
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const pair: { client: Socket; upstream?: Socket } = { client };
    this.pairs.add(pair);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    if (this.mode === 'stall') {
      client.pause();
      return;
    }
    const upstream = connect(this.targetPort, this.targetHost);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
