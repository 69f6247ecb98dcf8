import type { LoggerService } from '@nestjs/common';

/** What went wrong in a background path and was caught instead of ending the process. */
export type ProcessFaultKind = 'emit-failed' | 'unhandled-rejection' | 'uncaught-exception';

/**
 * The process's count of caught faults: broadcasts Redis refused (`LiveEmitter`), and promises
 * that were rejected with nobody listening (`installProcessPolicy`). One per process, because
 * the policy is process-wide; injectable (PlatformModule provides it), so health and metrics
 * read it without knowing where it is counted.
 */
export class ProcessFaults {
  private readonly counts: Record<ProcessFaultKind, number> = {
    'emit-failed': 0,
    'unhandled-rejection': 0,
    'uncaught-exception': 0,
  };
  private readonly latest: Partial<Record<ProcessFaultKind, Date>> = {};

  count(kind: ProcessFaultKind): void {
    this.counts[kind]++;
    this.latest[kind] = new Date();
  }

  /** Totals since the process started, by kind. */
  totals(): Readonly<Record<ProcessFaultKind, number>> {
    return { ...this.counts };
  }

  /** When a fault of this kind was last counted, or null. */
  lastAt(kind: ProcessFaultKind): Date | null {
    return this.latest[kind] ?? null;
  }
}

export const processFaults = new ProcessFaults();

type PolicyLogger = Pick<LoggerService, 'warn' | 'error'>;

export interface ProcessPolicyOptions {
  /** The process, for the log lines: `api` or `worker`. */
  name: string;
  logger: PolicyLogger;
  faults?: ProcessFaults;
  /** Ends the process; replaced in tests. */
  exit?: (code: number) => void;
}

let installed: (() => void) | null = null;

/**
 * The one policy for errors nobody caught, the same in the api and the worker:
 * - a rejected promise nobody awaited (a Redis command during an outage, say) is logged with
 *   its error and counted, and the process keeps running: the request or job it belonged to
 *   has already answered or will be retried, and the other people on this process are fine;
 * - an uncaught exception leaves the process in a state nobody can vouch for: it is logged with
 *   its error, and the process exits with code 70 (EX_SOFTWARE) and a plain line on stderr, so
 *   the supervisor (`npm start`, systemd, Docker) starts a fresh one. See docs/scaling.md.
 * Installing twice replaces the first policy. Returns a function that removes it.
 */
export function installProcessPolicy(options: ProcessPolicyOptions): () => void {
  installed?.();
  const { name, logger } = options;
  const faults = options.faults ?? processFaults;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onRejection = (reason: unknown): void => {
    faults.count('unhandled-rejection');
    logger.warn(
      { err: reason },
      `${name}: a promise was rejected and nobody handled it; carrying on`,
    );
  };
  const onException = (err: Error): void => {
    faults.count('uncaught-exception');
    logger.error(
      { err },
      `${name}: uncaught exception; exiting so that the supervisor restarts it`,
    );
    process.stderr.write(
      `\n${name} is exiting after an uncaught exception (${err.message}); its supervisor restarts it.\n`,
    );
    exit(UNCAUGHT_EXIT_CODE);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const remove = (): void => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    if (installed === remove) installed = null;
  };
  installed = remove;
  return remove;
}

/** The exit code after an uncaught exception (sysexits' EX_SOFTWARE). */
export const UNCAUGHT_EXIT_CODE = 70;
