/**
 * Opening a daemon's store for inspection without changing a byte of it.
 * LMDB writes its reader table into lock.mdb even for a read-only open, so
 * a store nobody holds is copied (data.mdb only) into a private temporary
 * directory and the copy is opened. A store a running daemon holds is
 * opened in place as one more LMDB reader: that is how LMDB is meant to be
 * shared, it gives a consistent snapshot, and data.mdb is not written.
 */
import { constants, statSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/store.js';
import { CliError, toCliError } from './cli-error.js';
import { EXIT } from './exit-codes.js';
import type { Progress } from './progress.js';
import { storeHolders } from './store-holders.js';

export const DATA_FILE = 'data.mdb';

export interface OpenedStore {
  store: Store;
  /** "copy" when read from a private copy, "shared" when opened next to a running daemon. */
  opened: 'copy' | 'shared';
  holders: number[];
  fileBytes: number;
  close(): Promise<void>;
}

export async function openForInspection(dir: string, progress: Progress): Promise<OpenedStore> {
  let fileBytes: number;
  try {
    if (!statSync(dir).isDirectory()) throw new CliError(EXIT.NOT_FOUND, `${dir} is not a directory`);
    fileBytes = statSync(join(dir, DATA_FILE)).size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const e = toCliError(err);
    if (e.exitCode === EXIT.NOT_FOUND) throw new CliError(EXIT.NOT_FOUND, `no satchel store in ${dir} (no ${DATA_FILE})`);
    throw new CliError(e.exitCode, `cannot read the store in ${dir}: ${(err as Error).message}`, { hint: 'run as root or as the satchel user' });
  }
  const holders = storeHolders(dir);
  if (holders.length > 0) return { store: open(dir), opened: 'shared', holders, fileBytes, close: () => Promise.resolve() };

  const copyDir = await mkdtemp(join(tmpdir(), 'satchel-inspect-'));
  const cleanup = (): Promise<void> => rm(copyDir, { recursive: true, force: true });
  try {
    progress.step(`copying ${fileBytes} bytes of ${join(dir, DATA_FILE)}`);
    // A reflink where the file system can, else a plain copy; never a link to the original.
    await copyFile(join(dir, DATA_FILE), join(copyDir, DATA_FILE), constants.COPYFILE_FICLONE);
    progress.done();
    const store = open(copyDir);
    return { store, opened: 'copy', holders, fileBytes, close: async () => { await store.close(); await cleanup(); } };
  } catch (err) {
    progress.done();
    await cleanup();
    throw err;
  }
}

function open(path: string): Store {
  try {
    return openStore({ path, readOnly: true });
  } catch (err) {
    const e = toCliError(err);
    const code = e.exitCode === EXIT.DENIED || e.exitCode === EXIT.NOT_FOUND ? e.exitCode : EXIT.DAEMON_ERROR;
    throw new CliError(code, `cannot open the store: ${(err as Error).message}`);
  }
}
