import { loadConfig } from '@plenum/config';
import { metricsPlan } from './metrics-plan';
import { Metrics } from './metrics.service';
import { bearerMatches, scrape } from './scrape';

const TOKEN = 'scrape-token-0123456789';

describe('bearerMatches', () => {
  it('accepts exactly the token as a bearer credential', () => {
    expect(bearerMatches(TOKEN, `Bearer ${TOKEN}`)).toBe(true);
    expect(bearerMatches(TOKEN, `bearer ${TOKEN}`)).toBe(true);
    expect(bearerMatches(TOKEN, `Bearer ${TOKEN}x`)).toBe(false);
    expect(bearerMatches(TOKEN, `Basic ${TOKEN}`)).toBe(false);
    expect(bearerMatches(TOKEN, TOKEN)).toBe(false);
    expect(bearerMatches(TOKEN, undefined)).toBe(false);
  });
});

describe('scrape', () => {
  it('answers 401 without the token and the text format with it', async () => {
    const metrics = new Metrics(metricsPlan(loadConfig({ METRICS_TOKEN: TOKEN }), 'api'));
    const refused = await scrape(metrics, undefined, false);
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    const answer = await scrape(metrics, `Bearer ${TOKEN}`, false);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });
});
