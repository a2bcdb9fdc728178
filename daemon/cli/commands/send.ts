/**
 * `satchel send`: queue a text message (with --attach, a file too), and with
 * --wait follow it until it is delivered, fails or the deadline passes. The
 * subscription comes before Send, as docs/dbus-api.md asks, so the first
 * state change cannot be missed. A file goes as an open descriptor
 * (SendWithAttachmentFd): the daemon, another user on a device, can send
 * only what the technician could open.
 */
import { closeSync, openSync } from 'node:fs';
import { basename } from 'node:path';
import { MESSAGES_INTERFACE } from '../../service/names.js';
import { defineCommand } from '../command.js';
import { CliError } from '../cli-error.js';
import { send, sendWithAttachmentFd } from '../daemon-api.js';
import { EXIT } from '../exit-codes.js';
import { userIdArg } from '../ids.js';
import type { Json } from '../unwrap.js';

/** How long --wait follows a message unless --timeout says otherwise, in seconds. */
export const DEFAULT_SEND_WAIT_S = 60;
/** How often the progress line is redrawn while waiting, in ms. */
const PROGRESS_TICK_MS = 1_000;
const FINAL_STATES = ['delivered', 'read', 'expired', 'failed'];

export interface SendView {
  id: string; contact_id: string; state: string; reason: string;
  /** How long --wait waited, in ms; 0 without --wait. */
  waited_ms: number;
}

export const sendCommand = defineCommand<SendView>({
  name: 'send',
  summary: 'send a text message to a contact (--wait to follow it)',
  synopsis: 'send USER_ID TEXT|- [--attach FILE] [--wait] [--timeout SECONDS]',
  details: [
    'TEXT "-" reads the text from standard input (one trailing newline dropped).',
    '--attach FILE    send FILE with the message (TEXT may then be left out); the',
    '                 recipient sees the message once the whole file has arrived',
    '--wait           follow the message until it is delivered or failed; exit 1 if',
    `                 it failed or was not delivered in time (default ${DEFAULT_SEND_WAIT_S} s)`,
    '--timeout S      how long --wait waits, in seconds',
  ].join('\n'),
  options: { wait: { type: 'boolean' }, timeout: { type: 'string' }, attach: { type: 'string' } },
  positionals: [1, 2],
  async run(ctx, { values, positionals }) {
    const contactId = userIdArg(positionals[0] ?? '', 'USER_ID');
    const attach = values['attach'];
    if (typeof attach !== 'string' && positionals.length < 2) throw CliError.usage('send needs TEXT (or a file with --attach FILE)');
    let text = positionals[1] ?? '';
    if (text === '-') text = (await ctx.readStdin()).replace(/\r?\n$/, '');
    const timeoutS = values['timeout'] === undefined ? DEFAULT_SEND_WAIT_S : Number(values['timeout']);
    if (!(timeoutS > 0)) throw CliError.usage(`--timeout must be a positive number of seconds, not ${JSON.stringify(values['timeout'])}`);
    const c = await ctx.daemon();
    const wait = values['wait'] === true;
    const seen: { id: string; state: string; reason: string }[] = [];
    let poke: (() => void) | undefined;
    if (wait) {
      await c.subscribe(MESSAGES_INTERFACE, 'MessageStateChanged', (args: Json[]) => {
        const [id, , state, reason] = args;
        seen.push({ id: String(id), state: String(state), reason: String(reason ?? '') });
        poke?.();
      });
    }
    const id = typeof attach === 'string' ? await sendFile(c, contactId, text, attach) : await send(c, contactId, text);
    const data: SendView = { id, contact_id: contactId, state: 'waiting', reason: '', waited_ms: 0 };
    if (!wait) return { data };

    const started = Date.now();
    const update = (): boolean => {
      for (const s of seen) if (s.id === id) Object.assign(data, { state: s.state, reason: s.reason });
      return FINAL_STATES.includes(data.state);
    };
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(deadline);
        clearInterval(tick);
        resolve();
      };
      const deadline = setTimeout(finish, timeoutS * 1000);
      const tick = setInterval(() => ctx.progress.step(`message ${id.slice(0, 8)} is ${data.state}, ${Math.round((Date.now() - started) / 1000)} s`), PROGRESS_TICK_MS);
      poke = () => { if (update()) finish(); };
      poke();
    });
    ctx.progress.done();
    data.waited_ms = Date.now() - started;
    const ok = data.state === 'delivered' || data.state === 'read';
    return { data, exitCode: ok ? EXIT.OK : EXIT.PROBLEM };
  },
  render(v) {
    if (v.waited_ms === 0) return `queued ${v.id} for ${v.contact_id}; it is in the outbox until the recipient or a carrier is met`;
    if (v.state === 'failed' || v.state === 'expired') return `message ${v.id} ${v.state}: ${v.reason || 'no reason given'}`;
    if (v.state === 'delivered' || v.state === 'read') return `message ${v.id} is ${v.state} (after ${(v.waited_ms / 1000).toFixed(1)} s)`;
    return `message ${v.id} is still ${v.state} after ${Math.round(v.waited_ms / 1000)} s; it stays in the outbox`;
  },
});

async function sendFile(c: Parameters<typeof send>[0], contactId: string, text: string, path: string): Promise<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    if (code === 'ENOENT') throw new CliError(EXIT.NOT_FOUND, `cannot send ${path}: no such file`);
    throw CliError.usage(`cannot send ${path}: ${code}`);
  }
  try {
    return await sendWithAttachmentFd(c, contactId, text, basename(path), fd);
  } finally {
    // The daemon got its own copy of the descriptor with the call.
    closeSync(fd);
  }
}
