import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The top-level services of a compose file, each with the text of its block. */
function services(compose: string): Map<string, string> {
  const block = compose.split(/^services:\n/m)[1]!.split(/^\S/m)[0]!;
  const found = new Map<string, string>();
  for (const part of block.split(/^ {2}(?=[a-z][\w-]*:\n)/m).slice(1)) {
    const name = part.slice(0, part.indexOf(':'));
    found.set(name, part);
  }
  return found;
}

// docs/scaling.md promises that Docker and systemd restart what dies; these files must say so.
describe('deployment files restart what dies', () => {
  it('docker/compose.yaml restarts every service and checks the health of those others wait on', () => {
    const compose = services(read('docker/compose.yaml'));
    expect([...compose.keys()]).toEqual(['postgres', 'redis', 'livekit', 'api', 'worker']);
    for (const [name, block] of compose) {
      expect({ name, restart: /^ {4}restart: unless-stopped$/m.test(block) }).toEqual({
        name,
        restart: true,
      });
    }
    expect(compose.get('postgres')).toMatch(/healthcheck:\n\s+# [^\n]*\n(\s+#[^\n]*\n)*\s+test:/);
    expect(compose.get('redis')).toContain("test: ['CMD', 'redis-cli', 'ping']");
    // The api's check is the image's: GET /api/health, 503 while PostgreSQL or Redis is away.
    expect(compose.get('api')).not.toContain('healthcheck:');
    expect(read('docker/Dockerfile')).toMatch(/HEALTHCHECK [^\n]*\\\n\s+CMD .*\/api\/health/);
  });

  it('the compose overlays add no service that would stay down', () => {
    const overlay = services(read('docker/compose.metrics.yaml'));
    for (const name of ['prometheus', 'grafana']) {
      expect(overlay.get(name)).toMatch(/^ {4}restart: unless-stopped$/m);
    }
  });

  it.each(['plenum-api', 'plenum-worker'])(
    'docs/systemd/%s.service restarts on failure',
    (unit) => {
      const text = read(`docs/systemd/${unit}.service`);
      expect(text).toMatch(/^Restart=on-failure$/m);
      expect(text).toMatch(/^RestartSec=\d+s$/m);
      expect(text).toMatch(/^ExecStart=\/usr\/bin\/node dist\/apps\/(api|worker)\/src\/main\.js$/m);
    },
  );
});
