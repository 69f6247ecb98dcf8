import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The policy rules of eslint.config.mjs (import boundaries, SQL only in repositories, errors
 * logged as objects, React hooks rules) run on sample files placed at chosen paths. ESLint loads
 * its config as an ES module, which jest's module sandbox cannot, so one node process lints all
 * samples with the project's config. Type-aware rules are switched off for the samples: they
 * need the files on disk, and the policy rules are syntax rules.
 */
const root = join(__dirname, '../../..');
const policyRules = /^(no-restricted-imports|no-restricted-syntax|react-hooks\/)/;

const runner = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const samples = JSON.parse(input);
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });
const results = {};
for (const [name, sample] of Object.entries(samples)) {
  const [result] = await eslint.lintText(sample.code, { filePath: sample.path });
  results[name] = result.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}
process.stdout.write(JSON.stringify(results));
`;

type Finding = { rule: string | null; line: number; message: string };
type Sample = { path: string; code: string };

const samples = {
  // Import boundaries
  libImportsApp: {
    path: 'libs/qa/src/sample.ts',
    code: `import { AppModule } from '../../../apps/api/src/app.module';\nexport const x = AppModule;\n`,
  },
  libImportsAppByBaseUrl: {
    path: 'libs/qa/src/sample.ts',
    code: `import { AppModule } from 'apps/api/src/app.module';\nexport const x = AppModule;\n`,
  },
  libImportsLibFile: {
    path: 'libs/qa/src/sample.ts',
    code: `import { LiveGateway } from '@plenum/live/src/live.gateway';\nexport const x = LiveGateway;\n`,
  },
  libImportsLibFileRelatively: {
    path: 'libs/qa/src/sample.ts',
    code: `import { LiveGateway } from '../../live/src/live.gateway';\nexport const x = LiveGateway;\n`,
  },
  libImportsLibIndex: {
    path: 'libs/qa/src/sample.ts',
    code: `import { LiveModule } from '@plenum/live';\nimport { QaService } from './qa.service';\nexport const x = [LiveModule, QaService];\n`,
  },
  appImportsApp: {
    path: 'apps/worker/src/sample.ts',
    code: `import { createApi } from '../../api/src/bootstrap';\nexport const x = createApi;\n`,
  },
  webImportsServerLib: {
    path: 'apps/web/src/sample.ts',
    code: `import { PlenumError } from '@plenum/platform';\nexport const x = PlenumError;\n`,
  },
  webImportsLibPath: {
    path: 'apps/web/src/pages/sample.ts',
    code: `import { chatSchema } from '../../../../libs/contracts/src/chat';\nexport const x = chatSchema;\n`,
  },
  webImportsContracts: {
    path: 'apps/web/src/pages/sample.ts',
    code: `import { sessionKinds } from '@plenum/contracts';\nimport { api } from '../api/client';\nexport const x = [sessionKinds, api];\n`,
  },
  // SQL only in repositories
  serviceRunsSql: {
    path: 'libs/reports/src/sample.service.ts',
    code: [
      `export class SampleService {`,
      `  constructor(@InjectRepository(User) private readonly users: unknown, private readonly db: any) {}`,
      `  a() { return this.db.query('SELECT 1'); }`,
      `  b() { return this.db.getRepository(User).find(); }`,
      `  c() { return this.db.createQueryBuilder().select('1').getRawMany(); }`,
      `}`,
    ].join('\n'),
  },
  repositoryRunsSql: {
    path: 'libs/reports/src/sample.repository.ts',
    code: `export class SampleRepository {\n  constructor(private readonly db: any) {}\n  a() { return this.db.query('SELECT 1'); }\n}\n`,
  },
  healthCheckRunsSql: {
    path: 'apps/api/src/health.controller.ts',
    code: `export class HealthController {\n  constructor(private readonly db: any) {}\n  a() { return this.db.query('SELECT 1'); }\n}\n`,
  },
  // Errors logged as objects
  errorsStringified: {
    path: 'libs/qa/src/sample.service.ts',
    code: [
      `export function f(logger: any, err: unknown, error: Error) {`,
      '  logger.warn(`Vote update failed: ${String(err)}`);',
      '  logger.error(`Vote update failed: ${err}`);',
      '  logger.error(`Vote update failed: ${error.message}`);',
      `  logger.error('Vote update failed: ' + err);`,
      `  logger.warn({ err: (err as Error).message }, 'refused');`,
      '}',
    ].join('\n'),
  },
  errorsStringifiedOnThis: {
    path: 'libs/qa/src/sample.service.ts',
    code: 'export class S {\n  logger: any;\n  f(sessionId: string, err: unknown) {\n    this.logger.warn(`Could not mark votes of ${sessionId}: ${String(err)}`);\n  }\n}\n',
  },
  errorsAsObjects: {
    path: 'libs/qa/src/sample.service.ts',
    code: 'export class S {\n  logger: any;\n  f(sessionId: string, err: unknown) {\n    this.logger.warn({ err, sessionId }, `Could not mark the votes of ${sessionId} changed`);\n  }\n}\n',
  },
  // React hooks
  hookInCondition: {
    path: 'apps/web/src/sample.tsx',
    code: `import { useState } from 'react';\nexport function A({ on }: { on: boolean }) {\n  if (on) {\n    useState(0);\n  }\n  return null;\n}\n`,
  },
  effectMissesDependency: {
    path: 'apps/web/src/sample.tsx',
    code: `import { useEffect } from 'react';\nexport function A({ id }: { id: string }) {\n  useEffect(() => {\n    document.title = id;\n  }, []);\n  return null;\n}\n`,
  },
} satisfies Record<string, Sample>;

let findings: Record<keyof typeof samples, Finding[]>;

beforeAll(() => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', runner], {
    cwd: root,
    input: JSON.stringify(samples),
    encoding: 'utf8',
  });
  const all = JSON.parse(out) as Record<keyof typeof samples, Finding[]>;
  findings = Object.fromEntries(
    Object.entries(all).map(([name, list]) => [
      name,
      list.filter((f) => f.rule === null || policyRules.test(f.rule)),
    ]),
  ) as typeof all;
}, 60_000);

const rulesOf = (name: keyof typeof samples) => findings[name].map((f) => f.rule);

describe('import boundaries', () => {
  it('libs never import apps', () => {
    expect(rulesOf('libImportsApp')).toEqual(['no-restricted-imports']);
    expect(rulesOf('libImportsAppByBaseUrl')).toEqual(['no-restricted-imports']);
  });

  it('a lib imports another lib only through its index', () => {
    expect(rulesOf('libImportsLibFile')).toEqual(['no-restricted-imports']);
    expect(rulesOf('libImportsLibFileRelatively')).toEqual(['no-restricted-imports']);
    expect(rulesOf('libImportsLibIndex')).toEqual([]);
  });

  it('apps do not import other apps', () => {
    expect(rulesOf('appImportsApp')).toEqual(['no-restricted-imports']);
  });

  it('the web app imports only @plenum/contracts of the libs', () => {
    expect(findings.webImportsServerLib.map((f) => f.message)).toEqual([
      expect.stringContaining('only `@plenum/contracts`'),
    ]);
    expect(rulesOf('webImportsLibPath')).toEqual(['no-restricted-imports']);
    expect(rulesOf('webImportsContracts')).toEqual([]);
  });
});

describe('SQL only in repositories', () => {
  it('a service may not query, build queries, take TypeORM repositories or inject them', () => {
    expect(findings.serviceRunsSql.map((f) => [f.rule, f.line])).toEqual([
      ['no-restricted-syntax', 2],
      ['no-restricted-syntax', 3],
      ['no-restricted-syntax', 4],
      ['no-restricted-syntax', 5],
    ]);
  });

  it('a repository and the listed exceptions may', () => {
    expect(rulesOf('repositoryRunsSql')).toEqual([]);
    expect(rulesOf('healthCheckRunsSql')).toEqual([]);
  });
});

describe('errors are logged as objects', () => {
  it('refuses an error stringified into the message', () => {
    expect(findings.errorsStringified.map((f) => [f.rule, f.line])).toEqual([
      ['no-restricted-syntax', 2],
      ['no-restricted-syntax', 3],
      ['no-restricted-syntax', 4],
      ['no-restricted-syntax', 5],
      ['no-restricted-syntax', 6],
    ]);
    expect(rulesOf('errorsStringifiedOnThis')).toEqual(['no-restricted-syntax']);
  });

  it('accepts the error as an object beside ids in the message', () => {
    expect(rulesOf('errorsAsObjects')).toEqual([]);
  });
});

describe('React hooks in the web app', () => {
  it('refuses a hook called conditionally', () => {
    expect(rulesOf('hookInCondition')).toEqual(['react-hooks/rules-of-hooks']);
  });

  it('refuses an effect that misses a dependency', () => {
    expect(rulesOf('effectMissesDependency')).toEqual(['react-hooks/exhaustive-deps']);
  });
});
