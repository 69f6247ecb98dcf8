import { WorkshopQueue } from './workshop-queue';

describe('WorkshopQueue', () => {
  it('runs work for one key one after another, in the order it came, past failures', async () => {
    const queue = new WorkshopQueue();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) =>
      queue.run('a', async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('1', 20), step('2', 5, true), step('3', 1)]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets different keys run side by side', async () => {
    const queue = new WorkshopQueue();
    const log: string[] = [];
    const slow = queue.run('a', async () => {
      await new Promise((r) => setTimeout(r, 30));
      log.push('a');
    });
    const fast = queue.run('b', () => {
      log.push('b');
      return Promise.resolve();
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['b', 'a']);
  });
});
