import { installProcessPolicy, ProcessFaults, UNCAUGHT_EXIT_CODE } from './process-faults';

describe('installProcessPolicy', () => {
  const logged: Array<{ level: string; fields: unknown; message: unknown }> = [];
  const logger = {
    warn: (fields: unknown, message?: unknown) => logged.push({ level: 'warn', fields, message }),
    error: (fields: unknown, message?: unknown) => logged.push({ level: 'error', fields, message }),
  };
  let remove: (() => void) | undefined;

  afterEach(() => {
    remove?.();
    logged.length = 0;
  });

  // Node's own report of them is simulated: jest turns a real one into a failed test.
  const emit = (event: string, ...args: unknown[]): boolean =>
    (process.emit as (event: string, ...args: unknown[]) => boolean).call(process, event, ...args);

  it('logs a rejection nobody handled with its error, counts it, and keeps the process running', () => {
    const faults = new ProcessFaults();
    const exit = jest.fn();
    remove = installProcessPolicy({ name: 'api', logger, faults, exit });
    const cause = new Error('Reached the max retries per request limit');
    const rejected = Promise.reject(cause);
    rejected.catch(() => undefined);

    emit('unhandledRejection', cause, rejected);

    expect(faults.totals()).toEqual({
      'emit-failed': 0,
      'unhandled-rejection': 1,
      'uncaught-exception': 0,
    });
    expect(logged).toEqual([
      { level: 'warn', fields: { err: cause }, message: expect.stringContaining('api') },
    ]);
    expect(exit).not.toHaveBeenCalled();
  });

  it('logs an uncaught exception with its error and exits deliberately, once', () => {
    const faults = new ProcessFaults();
    const exit = jest.fn();
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    remove = installProcessPolicy({ name: 'worker', logger, faults, exit });
    const cause = new Error('state nobody can vouch for');

    emit('uncaughtException', cause);

    expect(exit).toHaveBeenCalledWith(UNCAUGHT_EXIT_CODE);
    expect(faults.totals()['uncaught-exception']).toBe(1);
    expect(logged).toEqual([
      { level: 'error', fields: { err: cause }, message: expect.stringContaining('worker') },
    ]);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('supervisor restarts it'));
    stderr.mockRestore();
  });

  it('replaces an earlier policy instead of adding a second one', () => {
    const before = process.listenerCount('unhandledRejection');
    installProcessPolicy({ name: 'a', logger, exit: jest.fn() });
    remove = installProcessPolicy({ name: 'b', logger, exit: jest.fn() });
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
  });
});
