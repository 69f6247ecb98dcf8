/** One sample line of the Prometheus text format (version 0.0.4). */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses a scrape strictly: a line that is neither a comment nor a sample fails the test. */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(labelPair)) {
      labels[key!] = raw!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const value = Number(match[3]!.replace(/^\+?Inf$/, 'Infinity').replace(/^-Inf$/, '-Infinity'));
    if (Number.isNaN(value) && match[3]!.toLowerCase() !== 'nan') {
      throw new Error(`Not a value: ${line}`);
    }
    samples.push({ name: match[1]!, labels, value });
  }
  return samples;
}

/** The samples of a series whose labels include the given ones. */
export function series(samples: Sample[], name: string, labels: Record<string, string> = {}) {
  return samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** The sum of the matching samples, or undefined when there is none. */
export function total(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const found = series(samples, name, labels);
  return found.length === 0 ? undefined : found.reduce((n, s) => n + s.value, 0);
}

/** Scrapes a /metrics URL; returns the status, the content type and the parsed samples. */
export async function scrape(
  url: string,
  token?: string,
): Promise<{ status: number; contentType: string | null; samples: Sample[] }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    samples: res.status === 200 ? parsePrometheus(text) : [],
  };
}
