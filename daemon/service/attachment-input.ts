/**
 * Reading the file an activity sends, from a descriptor it passed or a path
 * it named. The descriptor is the way to prefer: the caller opened the file
 * with its own rights, so it can only send what it may read. A path is
 * opened by the daemon with the daemon's rights (user satchel on a device),
 * which a caller could use to send files it may not read itself; so a path
 * must be absolute, must name a regular file, and must not lie inside the
 * daemon's own store (its keys and other people's files). Sizes are checked
 * with fstat before anything is read; reads are bounded in case the file
 * grows meanwhile.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, sep } from 'node:path';
import { userInfo } from 'node:os';
import { SatchelError } from '../errors/satchel-error.js';

const errno = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? '';

function daemonUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** Reads a whole regular file from an open descriptor, at most maxBytes; the descriptor stays open. */
export function readFileFromFd(fd: number, maxBytes: number, what: string): Uint8Array {
  let st;
  try {
    st = fstatSync(fd);
  } catch (err) {
    throw SatchelError.invalidArgument(`${what} is not an open file (${errno(err) || String(err)})`);
  }
  // A pipe or socket could keep the daemon waiting for ever; a device could be endless.
  if (!st.isFile()) throw SatchelError.invalidArgument(`${what} is not a regular file`);
  if (st.size > maxBytes) throw new SatchelError('BODY_TOO_LARGE', `${what} is ${st.size} bytes; the limit is ${maxBytes}`);
  const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
  let got = 0;
  try {
    // From the start, whatever the descriptor's offset; one byte more than expected tells a file that grew.
    for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, got)) > 0;) got += n;
  } catch (err) {
    const code = errno(err);
    throw SatchelError.invalidArgument(code === 'EBADF' ? `${what} is not open for reading` : `cannot read ${what}: ${code || String(err)}`);
  }
  if (got > maxBytes) throw new SatchelError('BODY_TOO_LARGE', `${what} grew past the limit of ${maxBytes} bytes while it was read`);
  return new Uint8Array(buf.buffer, buf.byteOffset, got);
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Opens and reads a file by path for the daemon; returns its name and bytes. */
export function readFileFromPath(path: string, maxBytes: number, storeDir: string): { name: string; bytes: Uint8Array } {
  if (!isAbsolute(path)) throw SatchelError.invalidArgument(`path must be absolute; got ${JSON.stringify(path.slice(0, 80))}`);
  let fd: number;
  try {
    // Non-blocking so that opening a FIFO cannot hang the daemon; fstat refuses it next.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = errno(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw SatchelError.notFound(`file ${path}`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw SatchelError.invalidArgument(`satcheld runs as ${daemonUser()} and may not read ${path}; pass the open file with SendWithAttachmentFd instead`);
    }
    throw SatchelError.invalidArgument(`cannot open ${path}: ${code || String(err)}`);
  }
  try {
    // What was really opened, after every link: a link cannot smuggle the store out.
    let real: string;
    let store: string;
    try {
      real = readlinkSync(`/proc/self/fd/${fd}`);
      store = realpathSync(storeDir);
    } catch (err) {
      throw SatchelError.invalidArgument(`cannot tell where ${path} lies: ${errno(err) || String(err)}`);
    }
    if (inside(real, store)) throw SatchelError.invalidArgument(`${path} is inside satcheld's store; the daemon does not send its own files`);
    // The name the caller chose, not what a link points at.
    return { name: basename(path), bytes: readFileFromFd(fd, maxBytes, path) };
  } finally {
    closeSync(fd);
  }
}
