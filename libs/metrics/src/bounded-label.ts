/**
 * Keeps label values that come from outside the code (error codes, job names, room kinds,
 * disconnect reasons) to a bounded set: the first `limit` distinct well-formed values pass as they
 * are, anything after that, or anything malformed, is `other`. No input can grow the number of
 * series without end.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly pattern: RegExp = /^[\w .:/-]{1,64}$/,
  ) {}

  value(raw: string): string {
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.limit || !this.pattern.test(raw)) return 'other';
    this.seen.add(raw);
    return raw;
  }
}
