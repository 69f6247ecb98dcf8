import { QueryFailedError } from 'typeorm';
import { isDatabaseBusy } from './database-busy';

function pgError(code: string, message = 'error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseBusy', () => {
  it('knows the pool running out of connections and the server refusing more', () => {
    expect(isDatabaseBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseBusy(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(isDatabaseBusy(pgError('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseBusy(pgError('57P03', 'the database system is starting up'))).toBe(true);
  });

  it('looks through a failed query to the driver error', () => {
    const lockTimeout = new QueryFailedError(
      'SELECT 1 FOR UPDATE',
      [],
      pgError('55P03', 'canceling statement due to lock timeout'),
    );
    expect(isDatabaseBusy(lockTimeout)).toBe(true);
    const unique = new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key'));
    expect(isDatabaseBusy(unique)).toBe(false);
  });

  it('leaves every other error a bug', () => {
    expect(isDatabaseBusy(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseBusy(pgError('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseBusy('timeout exceeded when trying to connect')).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});
