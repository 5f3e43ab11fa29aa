// 200 migrations shaped like drizzle-kit's output for a growing commerce schema: new tables with
// indexes, child tables with foreign keys, added columns, enums, link tables. Deterministic.

const q = (name) => `"${name}"`;
const timestamps = ['"created_at" timestamp with time zone DEFAULT now() NOT NULL', '"updated_at" timestamp with time zone DEFAULT now() NOT NULL', '"deleted_at" timestamp with time zone'];

/** The statements of migration `n` (0-based), given the tables made so far (mutated). */
function migration(n, tables) {
  const kind = n % 5;
  const name = `entity_${String(n).padStart(3, '0')}`;
  const parent = tables.length > 0 ? tables[(n * 7) % tables.length] : null;
  if (kind === 0 || !parent) {
    tables.push(name);
    return [
      `CREATE TABLE ${q(name)} (\n\t"id" text PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL,\n\t"handle" text NOT NULL,\n\t"metadata" jsonb,\n\t${timestamps.join(',\n\t')}\n);`,
      `CREATE UNIQUE INDEX ${q(`${name}_handle_unique`)} ON ${q(name)} USING btree ("handle") WHERE "deleted_at" IS NULL;`,
      `CREATE INDEX ${q(`${name}_deleted_at_idx`)} ON ${q(name)} USING btree ("deleted_at");`,
    ];
  }
  if (kind === 1) {
    tables.push(name);
    return [
      `CREATE TABLE ${q(name)} (\n\t"id" text PRIMARY KEY NOT NULL,\n\t"${parent}_id" text NOT NULL,\n\t"rank" integer DEFAULT 0 NOT NULL,\n\t"value" text,\n\t${timestamps.join(',\n\t')}\n);`,
      `ALTER TABLE ${q(name)} ADD CONSTRAINT ${q(`${name}_${parent}_id_fk`)} FOREIGN KEY ("${parent}_id") REFERENCES "public".${q(parent)}("id") ON DELETE cascade ON UPDATE no action;`,
      `CREATE INDEX ${q(`${name}_${parent}_id_idx`)} ON ${q(name)} USING btree ("${parent}_id");`,
    ];
  }
  if (kind === 2) {
    return [
      `ALTER TABLE ${q(parent)} ADD COLUMN "note_${n}" text;`,
      `ALTER TABLE ${q(parent)} ADD COLUMN "amount_${n}" integer DEFAULT 0 NOT NULL;`,
      `ALTER TABLE ${q(parent)} ADD COLUMN "flag_${n}" boolean DEFAULT false NOT NULL;`,
      `CREATE INDEX ${q(`${parent}_amount_${n}_idx`)} ON ${q(parent)} USING btree ("amount_${n}");`,
    ];
  }
  if (kind === 3) {
    const type = `status_${n}_enum`;
    return [
      `CREATE TYPE "public".${q(type)} AS ENUM('draft', 'proposed', 'published', 'rejected');`,
      `ALTER TABLE ${q(parent)} ADD COLUMN "status_${n}" "public".${q(type)} DEFAULT 'draft' NOT NULL;`,
      `CREATE INDEX ${q(`${parent}_status_${n}_idx`)} ON ${q(parent)} USING btree ("status_${n}");`,
    ];
  }
  const other = tables[(n * 13 + 5) % tables.length];
  const left = `${parent}_id`;
  const right = other === parent ? `related_${other}_id` : `${other}_id`;
  const link = `${name}_link`;
  return [
    `CREATE TABLE ${q(link)} (\n\t"${left}" text NOT NULL,\n\t"${right}" text NOT NULL,\n\t"created_at" timestamp with time zone DEFAULT now() NOT NULL,\n\tCONSTRAINT ${q(`${link}_pk`)} PRIMARY KEY("${left}","${right}")\n);`,
    `ALTER TABLE ${q(link)} ADD CONSTRAINT ${q(`${link}_${left}_fk`)} FOREIGN KEY ("${left}") REFERENCES "public".${q(parent)}("id") ON DELETE cascade ON UPDATE no action;`,
    `ALTER TABLE ${q(link)} ADD CONSTRAINT ${q(`${link}_${right}_fk`)} FOREIGN KEY ("${right}") REFERENCES "public".${q(other)}("id") ON DELETE cascade ON UPDATE no action;`,
    `CREATE INDEX ${q(`${link}_${right}_idx`)} ON ${q(link)} USING btree ("${right}");`,
  ];
}

/** `count` migrations in releases of `perRelease`: 1.0.0, 1.1.0, … */
export function syntheticReleases(count = 200, perRelease = 10) {
  const tables = [];
  const releases = [];
  for (let n = 0; n < count; n++) {
    const r = Math.floor(n / perRelease);
    if (!releases[r]) releases[r] = { version: `1.${r}.0`, title: `Release 1.${r}.0`, steps: [] };
    releases[r].steps.push({ migration: `${String(n).padStart(4, '0')}_${['tables', 'children', 'columns', 'statuses', 'links'][n % 5]}_${n}`, statements: migration(n, tables) });
  }
  return releases;
}
