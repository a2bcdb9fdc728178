/**
 * Makes usocket's USocket (which dbus-next uses for unix:path addresses
 * whenever it is installed, and which descriptor passing needs) behave as
 * the rest of satchel expects a socket to.
 *
 * Descriptors: dbus-next 0.10.2 reads a message body with
 * `stream.read(n, null)`, and usocket answers that with every descriptor
 * queued on the socket, the next message's too when two arrive back to
 * back; that message then finds none, and dbus-next throws from inside the
 * socket's 'readable' handler, which ends the process: two activities
 * sending files at once could stop the daemon. Here a body read takes as
 * many descriptors as the message's UNIX_FDS header field declares (padded
 * with -1, which reads as a closed descriptor, should fewer have come).
 *
 * Closing: a net.Socket emits 'close' when the peer hangs up and when it is
 * destroyed; a USocket does neither (only after both sides shut down), so a
 * bus that went away would go unnoticed and a disconnect could wait for
 * ever. Here the peer's end destroys the socket, and destroying it emits
 * 'close' once.
 */
/** What usocket's USocket adds to a stream; absent on a plain socket (no descriptors at all). */
interface FdStream {
  read(size?: number, fdSize?: number | null): unknown;
  destroy(): unknown;
  destroyed?: boolean;
  maybeClose?: () => void;
  emit(event: string): boolean;
  on(event: string, fn: () => void): unknown;
  _wrap?: { fds: number[]; shutdownCalled?: boolean; endReceived?: boolean } | null;
}

/** Header field code of UNIX_FDS in the D-Bus specification. */
const FIELD_UNIX_FDS = 9;
/** Bytes of the fixed message header before the header field array. */
const FIXED_HEADER_BYTES = 16;

/**
 * The UNIX_FDS field of a message, given its fixed header and the bytes
 * after it (fields, then body); undefined when the fields cannot be read.
 */
export function declaredFds(fixed: Buffer, rest: Buffer): number | undefined {
  if (fixed.length !== FIXED_HEADER_BYTES) return undefined;
  const le = fixed[0] === 0x6c; // 'l'
  const u32 = (at: number): number => (le ? rest.readUInt32LE(at) : rest.readUInt32BE(at));
  const end = le ? fixed.readUInt32LE(12) : fixed.readUInt32BE(12);
  if (end > rest.length) return undefined;
  const align = (p: number, n: number): number => Math.ceil(p / n) * n; // the fields start at offset 16, a multiple of 8
  let p = 0;
  try {
    while (p < end) {
      p = align(p, 8);
      const code = rest[p];
      const sigLen = rest[p + 1] ?? 0;
      const sig = rest.toString('latin1', p + 2, p + 2 + sigLen);
      p += 2 + sigLen + 1;
      if (sig === 'u') {
        p = align(p, 4);
        if (code === FIELD_UNIX_FDS) return u32(p);
        p += 4;
      } else if (sig === 's' || sig === 'o') {
        p = align(p, 4);
        p += 4 + u32(p) + 1;
      } else if (sig === 'g') {
        p += 1 + (rest[p] ?? 0) + 1;
      } else {
        return undefined;
      }
    }
  } catch {
    return undefined;
  }
  return 0;
}

/** Adapts a USocket in place; a plain socket (no usocket installed) is left as it is. */
export function adaptUsocket(stream: unknown): void {
  const s = stream as FdStream | undefined;
  if (s === undefined || s === null || typeof s.read !== 'function' || !('_wrap' in s)) return;
  countDescriptors(s);
  closeLikeNet(s);
}

function closeLikeNet(s: FdStream): void {
  let closed = false;
  s.on('close', () => { closed = true; });
  const destroy = s.destroy.bind(s);
  s.destroy = (): FdStream => {
    destroy();
    // Readable's setter: `destroyed` now reads true, as on a net.Socket, so nobody waits for a 'close' that came already.
    s.destroyed = true;
    if (!closed) {
      closed = true;
      process.nextTick(() => s.emit('close'));
    }
    return s;
  };
  // usocket's own end-of-both-sides close: destroy (which emits 'close' once) instead of emitting again.
  s.maybeClose = (): void => {
    if (s._wrap?.shutdownCalled === true && s._wrap.endReceived === true) s.destroy();
  };
  s.on('end', () => s.destroy());
}

function countDescriptors(s: FdStream): void {
  const read = s.read.bind(s);
  let fixed: Buffer | undefined;
  s.read = (size?: number, fdSize?: number | null): unknown => {
    if (fdSize !== null) {
      const out = read(size, fdSize);
      if (fdSize === undefined && size === FIXED_HEADER_BYTES && Buffer.isBuffer(out)) fixed = out;
      return out;
    }
    const got = read(size, 0) as { data: Buffer | null; fds: number[] } | null;
    if (got === null || !Buffer.isBuffer(got.data)) return got;
    const queued = s._wrap?.fds ?? [];
    const want = fixed === undefined ? undefined : declaredFds(fixed, got.data);
    // Unreadable fields: take everything, as dbus-next would have.
    const fds = queued.splice(0, want ?? queued.length);
    while (want !== undefined && fds.length < want) fds.push(-1);
    return { data: got.data, fds };
  };
}
