// What a restore runs first, in the same transaction as the restore itself: every schema of the
// database dropped, `public` recreated as it was (owner, privileges, comment). pg_restore --clean
// only drops what the archive holds, so without this a table made after the backup (say by the
// upgrade being undone) would survive the restore and make the database look drifted.
import type { Database } from '../db/database.js';
import { quoteIdent } from '../db/quote.js';

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function emptyDatabaseSql(db: Database): Promise<string> {
  const schemas = await db.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\\_%'
      ORDER BY 1`,
  );
  const pub = await db.query<{ owner: string; comment: string | null }>(
    `SELECT pg_get_userbyid(nspowner) AS owner, obj_description(oid, 'pg_namespace') AS comment
       FROM pg_namespace WHERE nspname = 'public'`,
  );
  const grants = await db.query<{ grantee: string | null; privilege: string; grantable: boolean }>(
    `SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee,
            a.privilege_type AS privilege, a.is_grantable AS grantable
       FROM pg_namespace n, aclexplode(n.nspacl) a
      WHERE n.nspname = 'public' AND a.grantee <> n.nspowner`,
  );
  const sql = schemas.rows.map((s) => `DROP SCHEMA ${quoteIdent(s.name)} CASCADE;`);
  const p = pub.rows[0];
  if (p) {
    sql.push('DROP SCHEMA public CASCADE;', `CREATE SCHEMA public AUTHORIZATION ${quoteIdent(p.owner)};`);
    if (p.comment !== null) sql.push(`COMMENT ON SCHEMA public IS ${quoteLiteral(p.comment)};`);
    for (const g of grants.rows) {
      const to = g.grantee === null ? 'PUBLIC' : quoteIdent(g.grantee);
      sql.push(`GRANT ${g.privilege} ON SCHEMA public TO ${to}${g.grantable ? ' WITH GRANT OPTION' : ''};`);
    }
  } else {
    sql.push('CREATE SCHEMA public;');
  }
  return `${sql.join('\n')}\n`;
}
