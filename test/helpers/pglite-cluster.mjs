/**
 * An empty Postgres cluster, made once per run in Node and loaded by every page's PGlite instead
 * of running initdb there (about 0.8 s instead of 3 s per page: src/mocks/shared-db.ts reads
 * `globalThis.__AUTOPILOT_PGLITE_DATA__`, the path it is served at). Used by web-test-runner and
 * by the stories' axe run.
 */
export const CLUSTER_PATH = '/__pglite/cluster.tar.gz';

export async function emptyCluster() {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create();
  const dump = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
  await pg.close();
  return dump;
}
