import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

/**
 * The public schedule files next to the repository (`../shared/reference/schedules`). CI
 * clones the repository beside a copy of shared/, so the same relative path works there.
 */
export const referenceSchedulesDir = join(repoRoot, '..', 'shared', 'reference', 'schedules');

export function requireReferenceSchedules(): string {
  if (!existsSync(join(referenceSchedulesDir, 'c3voc-schedule.schema.json'))) {
    throw new Error(
      `The reference schedules are missing: expected ${referenceSchedulesDir} with ` +
        'c3voc-schedule.schema.json, schedule.xml.xsd and the example .json files. Check out ' +
        'shared/ next to the repository.',
    );
  }
  return referenceSchedulesDir;
}

/** Every example schedule file (each `.json` but the schema). */
export function exampleScheduleFiles(): string[] {
  const dir = requireReferenceSchedules();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'c3voc-schedule.schema.json')
    .sort();
}

export function readReference(name: string): string {
  return readFileSync(join(requireReferenceSchedules(), name), 'utf8');
}
