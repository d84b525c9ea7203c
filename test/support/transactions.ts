import pg from 'pg';

/**
 * True while another session of the database at `url` writes rows of an open
 * transaction: they are invisible to others, but the pages they take are not.
 */
export function writingUncommittedRows(url: () => string | null, cleanups: Array<() => Promise<unknown> | unknown>) {
  let observer: pg.Client | null = null;
  return async (): Promise<boolean> => {
    const target = url();
    if (!target) return false;
    if (!observer) {
      const connecting = new pg.Client({ connectionString: target });
      connecting.on('error', () => undefined);
      cleanups.push(() => connecting.end().catch(() => undefined));
      if (
        !(await connecting.connect().then(
          () => true,
          () => false,
        ))
      )
        return false;
      observer = connecting;
    }
    const { rows } = await observer
      .query<{ writing: boolean }>(
        `SELECT to_regclass('articles') IS NOT NULL AND pg_relation_size('articles') > 0 AND EXISTS (
           SELECT 1 FROM pg_stat_activity
           WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
         ) AS writing`,
      )
      .catch(() => ({ rows: [] }));
    return rows[0]?.writing === true;
  };
}
