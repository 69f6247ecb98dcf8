import { ConfigError, ServiceUnavailableError, loadConfig, preflight } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { runMigrations } from '@plenum/db';

/**
 * Everything that must hold before Nest starts: a valid environment, reachable services, the
 * database created and migrated. A failure ends the process with one clear message.
 */
export async function prepare(): Promise<PlenumConfig> {
  try {
    const config = loadConfig();
    await preflight(config);
    await runMigrations(config.databaseUrl);
    return config;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ServiceUnavailableError) {
      process.stderr.write(`\n${err.message}\n\n`);
      process.exit(1);
    }
    throw err;
  }
}
