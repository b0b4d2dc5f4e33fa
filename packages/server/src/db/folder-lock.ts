/**
 * PGlite corrupts a data folder that two processes open at once, silently. The server therefore holds a
 * lock file in the folder for as long as it runs; a second server on the same folder refuses to start.
 * A lock left by a process that no longer runs (after `kill -9` or a crash) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'mentorkit-server.lock';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface FolderLock {
  release(): void;
}

export function lockDataDir(dir: string): FolderLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DataDirInUseError(
          `the data folder ${dir} is in use by another mentorkit-server (process ${holder}). Two processes on one embedded ` +
            'database corrupt it: stop the other one, give this one its own --data-dir, or run several instances on ' +
            'PostgreSQL with DATABASE_URL.',
        );
      }
      if (holder === process.pid) throw new DataDirInUseError(`the data folder ${dir} is already open in this process`);
      // The holder is gone: the lock is stale. Remove it and try once more (another starter may win the race).
      rmSync(path, { force: true });
    }
  }
  throw new DataDirInUseError(`the data folder ${dir} was locked by another process starting at the same time`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
