import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { HelmetOptions } from 'helmet';

/**
 * helmet's headers for these options, worked out once. They depend on the options only (no
 * directive here is a function of the request), so every response can take the same list;
 * @fastify/helmet rebuilt helmet, CSP parsing included, on every request, which cost more than
 * serving a cached programme.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): ReadonlyArray<[string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]): void {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string): void {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: Error | undefined;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err !== undefined) failure = err instanceof Error ? err : new Error('helmet failed');
  });
  if (failure) throw failure;
  return [...headers];
}
