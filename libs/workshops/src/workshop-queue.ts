/**
 * Runs changes to one workshop one after another within this process. The row lock in
 * PostgreSQL is what keeps seats from overselling, across api instances too; this queue only
 * keeps a burst of registrations from filling the connection pool with transactions that would
 * all sit waiting for that same lock, starving every other request of a connection.
 */
export class WorkshopQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
