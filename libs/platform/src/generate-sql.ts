/**
 * Repositories mark each method that runs SQL with `@GenerateSql`, giving example arguments. A
 * medium test (`test/medium/sql-statements.medium-spec.ts`) calls every marked method against a
 * scratch database, records the statements TypeORM sends, and compares them with the reviewed
 * list in `docs/sql/<repository>.sql` (`SQL_WRITE=1` rewrites the list). A query change then
 * shows up in review as SQL, not only as query-builder code.
 */

/** Stands for an `EntityManager` argument: the generator passes its own. */
export const SQL_MANAGER = Symbol('an EntityManager');

/** Stands for a uuid argument no row has. */
export const SQL_UUID = '00000000-0000-4000-8000-000000000000';

export interface SqlExample {
  /** Names this example when a method has several (`byId`, `bySlug`). */
  name?: string;
  params?: unknown[];
}

const examplesKey = Symbol('plenum:generate-sql');

type WithExamples = Record<string | symbol, unknown> & {
  [examplesKey]?: Map<string, SqlExample[]>;
};

/** Lists the method, with example arguments, in the generated SQL of its repository. */
export function GenerateSql(...examples: SqlExample[]): MethodDecorator {
  return (target, key) => {
    const proto = target as WithExamples;
    const own = Object.hasOwn(proto, examplesKey) ? proto[examplesKey] : undefined;
    const map = own ?? new Map<string, SqlExample[]>();
    map.set(String(key), examples.length ? examples : [{}]);
    proto[examplesKey] = map;
  };
}

/** The marked methods of a repository class, in declaration order. */
export function sqlExamplesOf(
  repository: abstract new (...args: never[]) => unknown,
): Array<{ method: string; examples: SqlExample[] }> {
  const map = (repository.prototype as WithExamples)[examplesKey];
  return map ? [...map].map(([method, examples]) => ({ method, examples })) : [];
}
