// The seed module's public surface: read and validate a Medusa v1 seed file, insert it.
export { loadSeedFile, parseSeedText, validateSeed, SeedFileError } from './load-seed-file.js';
export type { SeedFileErrorKind } from './load-seed-file.js';
export { insertSeed } from './insert-seed.js';
export type { SeedDatabase } from './insert-seed.js';
export { SeedConflictError } from './seed-conflict.js';
export { formatSeedProgress, formatSeedReport } from './seed-report.js';
export type { SeedEntity, SeedEntityReport, SeedProgress, SeedProgressListener, SeedReport } from './seed-report.js';
export { generateSeed } from './generate-seed.js';
export type { GenerateSeedOptions } from './generate-seed.js';
export { seedFileSchema } from './seed-file-schema.js';
export type { SeedFile, SeedFileInput } from './seed-file-schema.js';
export type { SeedProblem } from './seed-problems.js';
export { hashPassword, verifyPassword } from './password.js';
export { asSeedDatabase } from './seed-database.js';
export { productTables } from './product-tables.js';
export type { TableRows } from './product-tables.js';
export type { ProductRefs } from './product-rows.js';
