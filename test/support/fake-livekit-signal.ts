import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Stands in for the signalling side of a LiveKit server as the browser sees it (`ws://…/rtc`).
 * It never completes a connection — media needs a real LiveKit — but it can keep the browser
 * waiting (a slow server) or refuse it (a server that is down), which is what the stage page's
 * "connecting" and "cannot connect" states are about. It records the tokens browsers bring.
 */
export class FakeLiveKitSignal {
  mode: 'hold' | 'refuse' = 'hold';
  /** The `access_token` of every connection attempt, in order. */
  readonly tokens: string[] = [];
  private readonly held = new Set<Duplex>();
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      // livekit-client asks …/rtc/validate why a connection failed.
      res.writeHead(503, {
        'content-type': 'text/plain',
        'access-control-allow-origin': '*',
      });
      res.end('unavailable');
    });
    this.server.on('upgrade', (req, socket) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const token = url.searchParams.get('access_token');
      if (url.pathname.startsWith('/rtc') && token) this.tokens.push(token);
      if (this.mode === 'hold') {
        this.held.add(socket);
        socket.on('close', () => this.held.delete(socket));
        socket.on('error', () => this.held.delete(socket));
        return;
      }
      socket.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n');
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}`;
    return this.url;
  }

  /** From now on connections are refused, and those kept waiting are dropped. */
  refuse(): void {
    this.mode = 'refuse';
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }

  hold(): void {
    this.mode = 'hold';
  }

  async close(): Promise<void> {
    for (const socket of this.held) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
