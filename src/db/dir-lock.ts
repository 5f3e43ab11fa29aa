// An exclusive lock file next to the embedded data directory, holding the owner's pid.
import fs from 'node:fs';
import { RefusedError } from '../errors.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws RefusedError naming the holder; returns the release function. */
export function acquireDirLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new RefusedError(`The embedded database is in use by another Stepwise process (pid ${holder}).`, [
          'Wait for it to finish, or stop it, then run this again.',
        ]);
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new RefusedError(`Could not take the lock ${lockFile}.`);
}
