import { withAdmin } from './databases';

/** Drops the run's template and any suite database a crashed suite left behind. */
export default async function globalTeardown(): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [
        `plenum\\_suite\\_${process.env.PLENUM_TEST_RUN ?? 'none'}\\_%`,
        process.env.PLENUM_TEST_TEMPLATE_DB ?? '',
      ],
    );
    for (const { datname } of rows)
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
