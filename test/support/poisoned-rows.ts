import type pg from 'pg';

/**
 * A database error on one row: a trigger on `table` that refuses any row whose headline is
 * `poison` (what a full disk or a killed backend would raise mid-import), named after `word` so
 * that tests running side by side never meet each other's. `remove()` drops it again.
 */
export async function refuseHeadline(
  pool: pg.Pool,
  word: string,
  { table = 'articles', timing = 'BEFORE INSERT' }: { table?: string; timing?: string } = {},
): Promise<{ poison: string; remove(): Promise<void> }> {
  const poison = `Poisoned ${word}`;
  const trigger = `fail_${word}`;
  await pool.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.headline = '${poison}' THEN RAISE EXCEPTION 'refused by the test: %', NEW.headline; END IF;
      RETURN NEW;
    END $$`);
  await pool.query(`CREATE TRIGGER ${trigger} ${timing} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
  return {
    poison,
    remove: async () => {
      await pool.query(`DROP TRIGGER ${trigger} ON ${table}; DROP FUNCTION ${trigger}()`);
    },
  };
}
