// Worker thread entry: creates an embedded database's data directory. PGlite's initdb runs
// synchronously for several seconds; in a worker, the wizard's spinner keeps turning meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(workerData as string);
await db.close();
parentPort!.postMessage('done');
