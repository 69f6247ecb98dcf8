import type { ApiClient } from './test-app';

/** An empty event owned by the signed-in organizer, for suites that build a programme. */
export async function createEvent(
  organizer: ApiClient,
  slug: string,
  fields: { timeZone?: string; startsOn?: string; endsOn?: string } = {},
): Promise<{ id: string; slug: string }> {
  const res = await organizer.request<{ id: string; slug: string }>('POST', '/api/events', {
    slug,
    title: `Testkongress ${slug}`,
    timeZone: fields.timeZone ?? 'Europe/Berlin',
    startsOn: fields.startsOn ?? '2026-06-10',
    endsOn: fields.endsOn ?? '2026-06-11',
  });
  if (res.status !== 201)
    throw new Error(`event ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function create<T = { id: string }>(
  client: ApiClient,
  path: string,
  body: unknown,
): Promise<T> {
  const res = await client.request<T>('POST', path, body);
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}
