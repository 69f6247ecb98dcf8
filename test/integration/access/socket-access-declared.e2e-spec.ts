import { clientEventSchemas } from '@plenum/contracts';
import { eventActions } from '@plenum/identity';
import { LiveHandlers } from '@plenum/live';
import type { RegisteredEvent } from '@plenum/live';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

/**
 * The socket half of "access is declared": every client event of the contracts map has a
 * handler in the gateway's handler map with an access rule, and the map holds nothing the
 * contracts do not name. The rules name actions of the policy table and rooms the payload names.
 */
describe('access rules: declared on every socket event', () => {
  let t: TestApp;
  let registered: RegisteredEvent[];
  let placeKinds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const handlers = t.app.get(LiveHandlers);
    registered = handlers.registered();
    placeKinds = handlers.placeKindNames();
  });
  afterAll(() => t.close());

  it('has one registered handler with an access rule for each client event, and no others', () => {
    const contracted = Object.keys(clientEventSchemas).sort();
    const handled = registered.map((r) => r.event as string).sort();
    expect({ missing: contracted.filter((e) => !handled.includes(e)) }).toEqual({ missing: [] });
    expect({ unknown: handled.filter((e) => !contracted.includes(e)) }).toEqual({ unknown: [] });
    expect(new Set(handled).size).toBe(handled.length);
    const withoutRule = registered.filter(
      (r) => !['signed-in', 'resolve', 'joined'].includes(r.access?.kind),
    );
    expect(withoutRule.map((r) => r.event)).toEqual([]);
  });

  it('names only actions of the policy table, payload fields and registered kinds of places', () => {
    const wrong: string[] = [];
    for (const { event, access } of registered) {
      if (access.kind === 'signed-in') continue;
      if (!eventActions.includes(access.action))
        wrong.push(`${event}: unknown action ${access.action}`);
      const schema = clientEventSchemas[event] as { shape?: Record<string, unknown> };
      const field = access.room === 'room' ? 'room' : access.room.field;
      if (!schema.shape || !(field in schema.shape))
        wrong.push(`${event}: no payload field ${field}`);
      const kinds = access.room === 'room' ? [] : [access.room.kind];
      if (access.kind === 'joined') kinds.push(...(access.rooms ?? []));
      for (const kind of kinds) {
        if (!placeKinds.includes(kind)) wrong.push(`${event}: no place kind ${kind}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('rate-limits every event that reads or writes something', () => {
    const unlimited = registered.filter((r) => r.rate === null).map((r) => r.event);
    // Leaving a room only forgets what the socket holds.
    expect(unlimited).toEqual(['room:leave']);
  });
});
