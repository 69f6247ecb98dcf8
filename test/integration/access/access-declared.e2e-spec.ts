import { eventActions } from '@plenum/identity';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

interface Operation {
  'x-plenum-access'?: { kind: string; action?: string; session?: string; booth?: string };
}

/**
 * Every route says who may call it. The rules travel into the OpenAPI document with the
 * decorators that declare them, so a route added without one fails here (and the guard
 * refuses it at run time, failing closed).
 */
describe('access rules: declared on every route', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await (await fetch(`${t.baseUrl}/api/docs/json`)).json()) as {
      paths: typeof paths;
    };
    paths = doc.paths;
  });
  afterAll(() => t.close());

  it('gives every operation in the OpenAPI document a rule', () => {
    const missing: string[] = [];
    let count = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        count++;
        if (!operation['x-plenum-access']) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  it('names only actions of the policy table, and targets that are route parameters', () => {
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const rule = operation['x-plenum-access'];
        const route = `${method.toUpperCase()} ${path}`;
        if (!rule) continue;
        if (!['public', 'signed-in', 'installation', 'event'].includes(rule.kind))
          wrong.push(route);
        if (rule.kind !== 'event') continue;
        if (!path.includes('{slug}')) wrong.push(`${route}: no {slug} to find the event by`);
        if (!eventActions.includes(rule.action as (typeof eventActions)[number])) {
          wrong.push(`${route}: unknown action ${rule.action}`);
        }
        for (const param of [rule.session, rule.booth]) {
          if (param && !path.includes(`{${param}}`)) wrong.push(`${route}: no {${param}}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
