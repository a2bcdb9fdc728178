/**
 * The checks of `satchel doctor`, each from gathered facts to a verdict and
 * what to do about it. Pure functions: doctor, export and import agree.
 */
import { busLabel } from './client.js';
import { EXIT } from './exit-codes.js';
import { failure, value, type Facts } from './facts.js';
import { clockTime, duration, percent, plural, usage } from './format.js';
import { clockWarnings, OUTBOX_WARN_PERCENT, OWN_SOURCES, sourceText } from './health.js';
import { CLI_VERSION } from './version.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';
export interface CheckView { name: string; status: CheckStatus; summary: string; advice: string }

/** A text message waiting longer than this is worth a technician's look, in ms. */
export const OUTBOX_STALE_WARN_MS = 3 * 24 * 3600 * 1000;

const check = (name: string, status: CheckStatus, summary: string, advice = ''): CheckView => ({ name, status, summary, advice });
const NOT_RUNNING = 'satcheld is not reachable';

function bus(f: Facts): CheckView {
  const c = value(f.client);
  if (c) return check('bus', 'ok', `satcheld answers on the ${busLabel(c.kind)} ${c.address}`);
  const err = failure(f.client);
  return check('bus', 'fail', err?.message ?? NOT_RUNNING,
    "start it: 'systemctl start satcheld' (see 'journalctl -u satcheld' for why it stopped); if it will not start, 'satchel inspect' reads its store without it");
}

function daemon(f: Facts): CheckView {
  const s = value(f.status);
  if (!s) return check('daemon', f.status ? 'fail' : 'skip', failure(f.status)?.message ?? NOT_RUNNING);
  const summary = `satcheld ${s.version}, pid ${s.pid}, up ${duration(s.uptime_ms)}`;
  if (s.version !== CLI_VERSION) {
    return check('daemon', 'warn', `${summary}; this satchel is ${CLI_VERSION}`, "restart satcheld after an upgrade ('systemctl restart satcheld') so that both are the same version");
  }
  return check('daemon', 'ok', summary);
}

function store(f: Facts): CheckView {
  const s = value(f.status);
  if (s) {
    const used = percent(s.store.outbox_bytes, s.store.outbox_quota_bytes);
    const summary = `${s.store.path}: outbox ${usage(s.store.outbox_bytes, s.store.outbox_quota_bytes)}, ${plural(s.store.messages, 'message')}`;
    if (used >= OUTBOX_WARN_PERCENT) {
      return check('store', 'warn', summary, "new messages will soon be refused: 'satchel outbox' shows what waits; an administrator can drop one with 'satchel purge ID' or raise store.outbox_quota_bytes");
    }
    return check('store', 'ok', summary);
  }
  const off = value(f.offline);
  if (off) return check('store', 'ok', `${off.store.path} reads fine without the daemon (${plural(off.counts.messages, 'message')}, ${off.counts.outbox_envelopes} waiting)`);
  const err = failure(f.offline);
  if (err?.exitCode === EXIT.NOT_FOUND) return check('store', 'warn', `no store in ${f.storeDir}`, 'the daemon has never run with this state directory, or uses another (see --state-dir / store.dir)');
  if (err) return check('store', 'fail', err.message, err.exitCode === EXIT.DENIED ? 'run satchel as root to read the store' : 'keep a copy of the store directory for support before anything else touches it');
  return check('store', 'skip', 'no store information');
}

function clock(f: Facts): CheckView {
  const s = value(f.status);
  const warnings = clockWarnings(s ?? { started_ms: 0, uptime_ms: 0 }, f.now);
  if (warnings.length > 0) {
    return check('clock', 'warn', warnings.join('; '), "set the clock ('timedatectl set-time' or 'date -s'); times shown to children and message ages depend on it");
  }
  return check('clock', 'ok', `the clock says ${clockTime(f.now)}${s ? ' and has not jumped since satcheld started' : ''}`);
}

function discovery(f: Facts): CheckView {
  const s = value(f.status);
  if (!s) return check('discovery', 'skip', NOT_RUNNING);
  const sources = Object.entries(s.sources);
  const near = value(f.neighbours);
  const nearText = near ? `; ${plural(near.count, 'laptop')} near` : '';
  const down = sources.filter(([n, st]) => st === 'down' && OWN_SOURCES.includes(n)).map(([n]) => n);
  if (down.length > 0) {
    return check('discovery', 'fail', `${down.join(', ')} down${nearText}`,
      "check that the WLAN interface is up ('ip link'), that discovery.interface names it, and that the beacon's UDP port is not blocked; then 'systemctl restart satcheld'");
  }
  if (!sources.some(([, st]) => st === 'up')) {
    return check('discovery', 'warn', `no discovery source is up (${sources.map(([n, st]) => sourceText(n, st)).join(', ') || 'none'})${nearText}`,
      'set discovery.beacon = true in /etc/satchel/satcheld.conf and restart satcheld, or this laptop will not find neighbours');
  }
  return check('discovery', 'ok', `${sources.map(([n, st]) => sourceText(n, st)).join(', ')}${nearText}`);
}

function config(f: Facts): CheckView {
  const c = value(f.config);
  if (!c) {
    const err = failure(f.config);
    if (err?.exitCode === EXIT.DENIED) return check('config', 'skip', 'not allowed to read the configuration', 'run as root or as a member of satchel-admin to check it');
    return check('config', f.config ? 'fail' : 'skip', err?.message ?? NOT_RUNNING);
  }
  const from = c.config_path || 'no configuration file';
  // discovery.beacon = false is judged by the discovery check, which sees its effect.
  if (c.config['log.level'] === 'debug') return check('config', 'warn', `${from}: log.level = debug`, 'debug logs fill the journal; set log.level = info when done');
  return check('config', 'ok', `${from}, ${Object.keys(c.config).length} keys`);
}

function outbox(f: Facts): CheckView {
  const o = value(f.outbox);
  if (!o) return check('outbox', f.outbox ? 'fail' : 'skip', failure(f.outbox)?.message ?? NOT_RUNNING);
  const stale = o.entries.filter((e) => e.kind === 'text' && f.now - e.created_ms > OUTBOX_STALE_WARN_MS);
  const oldest = stale[0];
  if (oldest) {
    return check('outbox', 'warn', `${plural(stale.length, 'message')} waiting over ${duration(OUTBOX_STALE_WARN_MS)}; the oldest, ${oldest.id}, for ${duration(f.now - oldest.created_ms)}: ${oldest.reason}`,
      `'satchel trace ${oldest.id}' shows its history; it leaves when the recipient's laptop is near`);
  }
  return check('outbox', 'ok', `${plural(o.count, 'envelope')} waiting`);
}

export function runChecks(f: Facts): CheckView[] {
  return [bus(f), daemon(f), store(f), clock(f), discovery(f), config(f), outbox(f)];
}
