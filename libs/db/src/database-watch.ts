import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { ClientConfig } from 'pg';

/** How long PostgreSQL may take; see `PlenumConfig.database`. */
export interface DatabaseLimits {
  /** `statement_timeout` of every pooled connection; 0 = no limit. */
  statementTimeoutMs: number;
  /** Waiting for a pooled connection, and opening a new one (pg uses one setting for both). */
  poolTimeoutMs: number;
  /** The watch's `SELECT 1`: no answer within this, and the database counts as stalled. */
  probeTimeoutMs: number;
}

export const defaultDatabaseLimits: DatabaseLimits = {
  statementTimeoutMs: 15_000,
  poolTimeoutMs: 2000,
  probeTimeoutMs: 1000,
};

/** The code of the error a pooled connection fails with at once while the database is away. */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

class ProbeTimeout extends Error {}

/** Pause between two probes while the database answers. */
const PROBE_INTERVAL_MS = 250;

type Destroyable = { connection?: { stream?: { destroy(): void } } };
type Listenable = { connection?: { stream?: { on(event: 'data', listener: () => void): void } } };

/**
 * An error PostgreSQL itself answered with (it has a SQLSTATE), other than the ones that say
 * it is shutting down or starting (57P0x) or a connection exception (08xxx): a server that
 * answers "too many clients" (53300) is busy, not away.
 */
function answeredByServer(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false;
  return !/^(57P0|08)/.test(code);
}

/** Closes a client's socket at once, as pg-pool does with a connection that timed out. */
function destroy(client: Client): void {
  (client as unknown as Destroyable).connection?.stream?.destroy();
}

/** host:port of a database URL, for log lines (never the credentials). */
export function databaseAddress(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    return `${u.hostname}:${u.port || '5432'}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * Tells whether PostgreSQL answers, from a `SELECT 1` on a connection of its own every quarter
 * second. A refused connection fails requests at once anyway, but a stalled one (packets
 * dropped, a hung server) would hold every query until the stall ends, and a statement timeout
 * cannot help: the server never hears it. So when the probe gets no answer within
 * `probeTimeoutMs`, the database counts as away: the pool's open connections are closed (their
 * queries fail, and the requests answer 503) and new ones fail at once with
 * `DATABASE_UNAVAILABLE`, until the probe is answered again.
 */
export class DatabaseWatch {
  private readonly logger = new Logger('DatabaseWatch');
  private readonly clients = new Set<Client>();
  private up = true;
  private probe: Client | undefined;
  /** The probe's `SELECT 1` still waiting for its answer, if any. */
  private pending: Promise<Error | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly address: string;
  /** When any connection of the pool last received bytes from the server. */
  private lastHeard = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly limits: DatabaseLimits,
  ) {
    this.address = databaseAddress(databaseUrl);
  }

  /** False while the last probe went unanswered. */
  get available(): boolean {
    return this.up;
  }

  /** The error a query meets while the database is away. */
  unavailableError(): Error {
    return Object.assign(new Error(`PostgreSQL at ${this.address} is not answering`), {
      code: DATABASE_UNAVAILABLE,
    });
  }

  /** The pg Client class for the pool (`extra.Client`): registers its connections here. */
  clientClass(): typeof Client {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const watch = this;
    return class WatchedClient extends Client {
      constructor(config?: string | ClientConfig) {
        super(config);
        watch.clients.add(this);
        // A checked-out connection whose socket dies emits 'error' with nobody listening; its
        // query fails with the same error, which is where it is answered.
        this.on('error', () => undefined);
        this.on('end', () => watch.clients.delete(this));
        // Bytes from the server on any connection say it answers, however slow the probe is.
        (this as unknown as Listenable).connection?.stream?.on('data', () => {
          watch.lastHeard = performance.now();
        });
      }

      override connect(): Promise<Client>;
      override connect(callback: ((err: Error) => void) | ((err: null, c: Client) => void)): void;
      override connect(
        callback?: ((err: Error) => void) | ((err: null, c: Client) => void),
      ): Promise<Client> | void {
        if (!watch.up) {
          const err = watch.unavailableError();
          watch.clients.delete(this);
          if (!callback) return Promise.reject(err);
          process.nextTick(() => (callback as (err: Error) => void)(err));
          return;
        }
        return callback ? super.connect(callback) : super.connect();
      }
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(PROBE_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const probe = this.probe;
    this.probe = undefined;
    this.pending = undefined;
    if (!probe) return;
    // A stalled server would never acknowledge the goodbye: half a second, then the socket goes.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      probe.end().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, 500))),
    ]);
    clearTimeout(timer);
    destroy(probe);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check(), ms);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const began = performance.now();
    const reused = this.probe !== undefined && this.pending === undefined;
    let failure = await this.ask();
    if (failure && reused && !(failure instanceof ProbeTimeout)) {
      // The probe's connection died (closed by the server, reset by a blip already over): only a
      // fresh connection failing too says the database is away.
      failure = await this.ask();
    }
    let stillWaiting = false;
    if (failure && this.lastHeard >= began) {
      // The probe waited or could not connect, but pooled connections heard from the server
      // meanwhile: a loaded server, not a stalled one (closing their connections would fail
      // queries that will end). An outstanding probe is waited for again at once, so a stall
      // that began during this window is caught by the next, in which nothing is heard.
      stillWaiting = failure instanceof ProbeTimeout;
      failure = undefined;
    } else if (failure && answeredByServer(failure)) {
      // The server answered, with a refusal of its own (too many clients, say): it is there.
      failure = undefined;
    }
    if (this.stopped) {
      // Stopped while asking: the probe connection opened meanwhile closes too.
      await this.stop();
      return;
    }
    if (failure === undefined) {
      if (!this.up) this.logger.log(`PostgreSQL at ${this.address} answers again`);
      this.up = true;
    } else {
      if (this.up) {
        this.logger.warn(
          { err: failure },
          `PostgreSQL at ${this.address} is not answering; requests answer 503 until it is back`,
        );
      }
      this.up = false;
      this.abandonProbe();
      // Connections opened before: a query on them would wait for the stall to end.
      for (const client of this.clients) destroy(client);
    }
    this.schedule(stillWaiting ? 0 : PROBE_INTERVAL_MS);
  }

  /**
   * Waits up to the probe timeout for the outstanding `SELECT 1` (sent now if none is): the
   * error when it failed, ProbeTimeout when it is still unanswered (it stays outstanding, so a
   * loaded server's late answer still counts at the next check).
   */
  private async ask(): Promise<Error | undefined> {
    if (!this.pending) {
      try {
        this.probe ??= await this.connectProbe();
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
      const probe = this.probe;
      const pending: Promise<Error | undefined> = probe.query('SELECT 1').then(
        () => undefined,
        (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
      );
      this.pending = pending;
      void pending.then((err) => {
        if (this.pending === pending) this.pending = undefined;
        if (err) {
          destroy(probe);
          if (this.probe === probe) this.probe = undefined;
        }
      });
    }
    const pending = this.pending;
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<ProbeTimeout>((resolve) => {
      deadline = setTimeout(() => {
        // After the poll phase: an answer that arrived while this process was busy counts.
        setImmediate(() =>
          resolve(
            new ProbeTimeout(`no answer to SELECT 1 within ${this.limits.probeTimeoutMs} ms`),
          ),
        );
      }, this.limits.probeTimeoutMs);
    });
    const result = await Promise.race([pending, late]);
    clearTimeout(deadline);
    return result;
  }

  /** Gives up on the probe connection and its outstanding query; the next check opens anew. */
  private abandonProbe(): void {
    const probe = this.probe;
    this.probe = undefined;
    this.pending = undefined;
    if (probe) destroy(probe);
  }

  private async connectProbe(): Promise<Client> {
    const probe = new Client({
      connectionString: this.databaseUrl,
      // Opening a connection on a loaded server (a new backend process) can take far longer
      // than a query: while the database counts as up, the probe's own connection may take
      // several probe timeouts. A stall of a running database is caught by the query's timeout.
      connectionTimeoutMillis: this.up
        ? Math.max(this.limits.poolTimeoutMs, 5 * this.limits.probeTimeoutMs)
        : this.limits.probeTimeoutMs,
      application_name: 'plenum-watch',
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
    } catch (err) {
      destroy(probe);
      throw err;
    }
    return probe;
  }
}
