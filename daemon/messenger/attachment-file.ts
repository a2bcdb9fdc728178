/**
 * Where a received file lives: `<store dir>/attachments/<message id>/<name>`,
 * readable only by the daemon's user (directories 0700, files 0600). Written
 * to a temporary name, flushed and renamed, so a crash leaves the old state
 * or the whole file, never half of one. Called inside the store transaction
 * that shows the message, before it commits: a crash between the two leaves
 * a file that the next completion of the same message overwrites.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SatchelError } from '../errors/satchel-error.js';
import { checkFileName } from './attachment-rules.js';
import { checkMessageId } from './validate.js';

/** The folder under the store directory that holds received files. */
export const ATTACHMENTS_DIR = 'attachments';

export function attachmentPath(storeDir: string, messageId: string, name: string): string {
  return join(storeDir, ATTACHMENTS_DIR, checkMessageId(messageId), checkFileName(name));
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the file and returns its path. A failure (disk full, permissions) is STORE_FULL with the cause. */
export function writeAttachmentFile(storeDir: string, messageId: string, name: string, bytes: Uint8Array): string {
  const path = attachmentPath(storeDir, messageId, name);
  const dir = join(storeDir, ATTACHMENTS_DIR, messageId);
  // Should a sender pick this very name, the rename below moves the file onto itself: harmless.
  const temp = join(dir, `.${messageId}.part`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = openSync(temp, 'w', 0o600);
    try {
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    syncDir(dir);
    return path;
  } catch (err) {
    rmSync(temp, { force: true });
    throw SatchelError.storeFull(`cannot write the received file ${JSON.stringify(name)}: ${(err as Error).message}`, err);
  }
}
