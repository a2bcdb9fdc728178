/**
 * systemd/org.satchel.Satchel1.conf on a private SYSTEM-style bus with real
 * Unix users, as it would be on a laptop: only `satchel` owns the name, every
 * local user (here `pupil`) can use the messaging interfaces, and the
 * administrative interface (org.satchel.Satchel1.Admin) is for root and group
 * satchel-admin (here `teacher`) only. satcheld runs as `satchel`; the clients
 * are dbus-python, run as each user through setpriv.
 *
 * Needs root, dbus-daemon, setpriv, useradd and a built satcheld (npm run build).
 */
import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientAs, installClient, PYTHON, SATCHELD, SatcheldAs, type Step, type StepResult } from './fixtures/as-user.js';
import { ADMIN, CONTRACT_PATH, NAME, POLICY_PATH, completeTypes, contractMethods, placeholder, type Method } from './fixtures/contract.js';
import { SETPRIV, startSystemBus } from './fixtures/system-bus.js';
import { ensureAccounts } from './fixtures/users.js';

const ACCESS_DENIED = 'org.freedesktop.DBus.Error.AccessDenied';
const ERROR = 'org.satchel.Satchel1.Error.';
/** How dbus-daemon words a refusal under its policy (bus/bus.c, bus/driver.c). */
const BUS_REFUSED_SEND = /^Rejected send message/;
const BUS_REFUSED_OWN = /is not allowed to own the service "org\.satchel\.Satchel1" due to security policies/;
const UNKNOWN_USER = '0123456789abcdef';
const UNKNOWN_MESSAGE = '0123456789abcdef0123456789abcdef';
const REQUEST_NAME_PRIMARY_OWNER = 1;
/** The Admin methods the issue names (purge, configuration, identity export); the contract may add more. */
const ADMIN_SPEC: Method[] = [
  { iface: ADMIN, member: 'GetConfig', sig: '' },
  { iface: ADMIN, member: 'Purge', sig: 's' },
  { iface: ADMIN, member: 'ExportIdentity', sig: 's' },
];

function unavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (creates Unix users, runs processes as them)';
  const tools = [[SETPRIV, ['--version']], ['dbus-daemon', ['--version']], ['useradd', ['--help']], [PYTHON, ['-c', 'import dbus, gi']]] as const;
  for (const [cmd, args] of tools) {
    try {
      execFileSync(cmd, [...args], { stdio: 'ignore' });
    } catch {
      return `${cmd} is missing or unusable`;
    }
  }
  if (!existsSync(SATCHELD)) return `${SATCHELD} is missing: run npm run build first`;
  return undefined;
}

const why = unavailable();
if (why) {
  t.plan(0, why);
} else {
  try {
    await main();
  } catch (err) {
    // A failed set-up is a failure, and the teardowns still run (users, bus, temp dir).
    t.fail((err as Error).message);
  }
}

function call(m: Method, args?: unknown[], extra: { dest?: string; noInterface?: boolean } = {}): Step {
  const step: Step = {
    call: m.member,
    iface: extra.noInterface ? null : m.iface,
    sig: m.sig,
    args: args ?? completeTypes(m.sig).map(placeholder),
  };
  if (extra.dest !== undefined) step.dest = extra.dest;
  return step;
}

function label(s: Step): string {
  if ('call' in s) return `${s.iface ?? '(no interface)'}.${s.call}${s.dest ? ` to ${s.dest}` : ''}`;
  return JSON.stringify(s);
}

async function main(): Promise<void> {
  const contractXml = readFileSync(CONTRACT_PATH, 'utf8');
  const contract = contractMethods(contractXml);
  if (!contract.some((m) => m.iface === ADMIN)) throw new Error(`${ADMIN} is missing from ${CONTRACT_PATH}`);
  const messaging = contract.filter((m) => m.iface !== ADMIN);
  const admin = [...ADMIN_SPEC, ...contract.filter((m) => m.iface === ADMIN && !ADMIN_SPEC.some((s) => s.member === m.member))];
  const byName = (iface: string, member: string): Method => {
    const m = messaging.find((x) => x.iface === `${NAME}.${iface}` && x.member === member);
    if (!m) throw new Error(`${NAME}.${iface}.${member} is not in ${CONTRACT_PATH}`);
    return m;
  };

  // Teardown runs last-registered first: daemon, bus, temp dir, then accounts.
  const accounts = ensureAccounts(t);
  const { satchel, pupil, teacher } = accounts;
  const dir = await mkdtemp('/tmp/satchel-policy-');
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755); // every user reaches the socket and the client
  const client = await installClient(dir);
  const bus = await startSystemBus(dir, POLICY_PATH);
  t.teardown(() => bus.stop());
  const stateDir = join(dir, 'state');
  await mkdir(stateDir, { mode: 0o700 });
  await chown(stateDir, satchel.uid, satchel.gid);

  let daemon: SatcheldAs | undefined;
  t.teardown(async () => {
    await daemon?.stop();
    if (!t.passing()) {
      // Comments are gone once the test has ended; stderr still reaches whoever ran tap.
      process.stderr.write(`--- satcheld log:\n${daemon?.logs.join('\n') ?? '(not started)'}\n`);
      process.stderr.write(`--- dbus-daemon stderr:\n${bus.stderr()}\n`);
    }
  });

  const needsDaemon = (): { skip?: string } => (daemon?.running ? {} : { skip: 'satcheld is not running: see the first test' });
  const as = (who: typeof pupil | undefined, steps: Step[]): Promise<StepResult[]> =>
    clientAs(who, client, bus.address, steps);

  /** Every step's error must be a refusal by the bus's policy. */
  function refusedByBus(t: Test, steps: Step[], results: StepResult[], how: RegExp): void {
    steps.forEach((s, i) => {
      const r = results[i];
      t.equal(r?.error, ACCESS_DENIED, `${label(s)} is refused: ${JSON.stringify(r)}`);
      t.match(r?.message ?? '', how, `${label(s)}: the bus refused it, not the daemon`);
    });
  }

  /** Every call got to the daemon: a reply, or one of satchel's own errors. */
  function reachedDaemon(t: Test, steps: Step[], results: StepResult[]): void {
    steps.forEach((s, i) => {
      const r = results[i];
      t.not(r?.error, ACCESS_DENIED, `${label(s)} passes the bus: ${JSON.stringify(r)}`);
      if (r?.error !== undefined) t.match(r.error, new RegExp(`^${ERROR.replace(/\./g, '\\.')}`), `${label(s)} answered by satcheld`);
    });
  }

  await t.test('the satchel user owns the name on a system-style bus with our policy', async (t) => {
    daemon = await SatcheldAs.start(satchel, bus.address, stateDir);
    const [owner, whoami] = await as(undefined, [{ ownerUid: NAME }, { whoami: true }]);
    t.same(owner, { ok: satchel.uid }, `${NAME} is owned by uid ${satchel.uid} (satchel)`);
    t.match(whoami, { ok: { uid: 0, bus_uid: 0 } }, 'root clients are root to the bus');
  });

  await t.test('pupil (an ordinary user) can send and read messages', needsDaemon(), async (t) => {
    const steps: Step[] = [
      { whoami: true },
      call(byName('Identity', 'GetIdentity')),
      call(byName('Contacts', 'ListNeighbours')),
      call(byName('Contacts', 'ListContacts')),
      call(byName('Messages', 'ListConversations')),
      call(byName('Daemon', 'GetStatus')),
      call(byName('Messages', 'Send'), [UNKNOWN_USER, 'hello']),
      call(byName('Messages', 'ListMessages'), [UNKNOWN_USER, 0]),
      call(byName('Messages', 'MarkRead'), [[UNKNOWN_MESSAGE]]),
      { listen: `${NAME}.Identity`, member: 'IdentityChanged' },
      call(byName('Identity', 'SetDisplayName'), ['Pupil']),
      { waitSignal: 'IdentityChanged', timeoutMs: 5_000 },
      call({ iface: 'org.freedesktop.DBus.Introspectable', member: 'Introspect', sig: '' }),
    ];
    const r = await as(pupil, steps);
    const [who, identity, neighbours, contacts, conversations, status, send, listMessages, markRead, , setName, signal, introspect] = r;
    t.match(who, { ok: { uid: pupil.uid, bus_uid: pupil.uid } }, 'the client really is pupil');
    t.notOk((who?.ok as { groups?: number[] } | undefined)?.groups?.includes(accounts.adminGid), 'pupil is not in satchel-admin');
    t.match(identity, { ok: { id: /^[0-9a-f]{16}$/ } }, `GetIdentity: ${JSON.stringify(identity)}`);
    t.match(neighbours, { ok: Array }, `ListNeighbours: ${JSON.stringify(neighbours)}`);
    t.match(contacts, { ok: Array }, `ListContacts: ${JSON.stringify(contacts)}`);
    t.match(conversations, { ok: Array }, `ListConversations: ${JSON.stringify(conversations)}`);
    t.match(status, { ok: { version: String, bus_kind: String } }, `GetStatus: ${JSON.stringify(status)}`);
    t.equal(send?.error, `${ERROR}UnknownContact`, `Send to an unknown contact reaches satcheld: ${JSON.stringify(send)}`);
    t.equal(listMessages?.error, `${ERROR}UnknownContact`, `ListMessages reaches satcheld: ${JSON.stringify(listMessages)}`);
    t.equal(markRead?.error, `${ERROR}NotFound`, `MarkRead reaches satcheld: ${JSON.stringify(markRead)}`);
    t.same(setName, { ok: null }, `SetDisplayName: ${JSON.stringify(setName)}`);
    t.match(signal, { ok: [{ display_name: 'Pupil' }] }, `pupil hears IdentityChanged: ${JSON.stringify(signal)}`);
    t.match(introspect, { ok: /<interface name="org\.satchel\.Satchel1\.Messages">/ }, 'Introspect works');
  });

  await t.test('pupil reaches every method of the messaging interfaces in the contract', needsDaemon(), async (t) => {
    t.ok(messaging.length >= 11, `${messaging.length} messaging methods in the contract`);
    const steps = messaging.map((m) => call(m));
    reachedDaemon(t, steps, await as(pupil, steps));
  });

  await t.test('pupil cannot call administrative methods: the bus refuses them', needsDaemon(), async (t) => {
    const steps: Step[] = [
      ...admin.map((m) => call(m)),
      // The policy follows the connection that owns the name, not the address used.
      call(ADMIN_SPEC[0] as Method, [], { dest: '@owner' }),
      // A call without an interface header matches no allow rule with send_interface.
      call(ADMIN_SPEC[1] as Method, [UNKNOWN_MESSAGE], { noInterface: true }),
      call({ iface: 'org.freedesktop.DBus.Properties', member: 'Set', sig: 'ssv' }, [ADMIN, 'Anything', 'x']),
    ];
    refusedByBus(t, steps, await as(pupil, steps), BUS_REFUSED_SEND);
  });

  await t.test('pupil cannot reach administrative methods through the interfaces open to it', needsDaemon(), async (t) => {
    const open = [...new Set(messaging.map((m) => m.iface))];
    const smuggled: Step[] = open.flatMap((iface) => admin.map((m) => call({ ...m, iface })));
    const getAll: Step = call({ iface: 'org.freedesktop.DBus.Properties', member: 'GetAll', sig: 's' }, [ADMIN]);
    const results = await as(pupil, [...smuggled, getAll]);
    smuggled.forEach((s, i) => {
      const r = results[i];
      t.ok(r?.error !== undefined && r.error !== ACCESS_DENIED, `${label(s)} reaches satcheld and fails: ${JSON.stringify(r)}`);
    });
    const props = results[smuggled.length];
    t.ok(props?.error !== undefined || JSON.stringify(props?.ok) === '{}', `Properties.GetAll(${ADMIN}) gives nothing away: ${JSON.stringify(props)}`);
  });

  await t.test('pupil and teacher cannot own the name while satcheld runs', needsDaemon(), async (t) => {
    for (const who of [pupil, teacher]) {
      const [own] = await as(who, [{ own: NAME }]);
      t.equal(own?.error, ACCESS_DENIED, `${who.name}: ${JSON.stringify(own)}`);
      t.match(own?.message ?? '', BUS_REFUSED_OWN);
    }
  });

  await t.test('teacher (group satchel-admin) can call the administrative methods', needsDaemon(), async (t) => {
    const steps: Step[] = [
      { whoami: true },
      call(ADMIN_SPEC[0] as Method),
      call(ADMIN_SPEC[1] as Method, [UNKNOWN_MESSAGE]),
      call(ADMIN_SPEC[2] as Method, ['correct horse battery staple']),
    ];
    const [who, getConfig, purge, exported] = await as(teacher, steps);
    t.match(who, { ok: { uid: teacher.uid, bus_uid: teacher.uid } });
    t.ok((who?.ok as { groups?: number[] } | undefined)?.groups?.includes(accounts.adminGid), 'teacher is in satchel-admin');
    t.match(getConfig, { ok: Object }, `Admin.GetConfig: ${JSON.stringify(getConfig)}`);
    t.notOk(getConfig?.error, `Admin.GetConfig succeeds: ${JSON.stringify(getConfig)}`);
    reachedDaemon(t, steps.slice(2, 3), [purge as StepResult]);
    const backup = exported?.ok;
    t.ok(Array.isArray(backup) && backup.length > 0, `Admin.ExportIdentity returns a backup: ${JSON.stringify(exported).slice(0, 200)}`);
  });

  await t.test('root can call the administrative methods', needsDaemon(), async (t) => {
    const [getConfig] = await as(undefined, [call(ADMIN_SPEC[0] as Method)]);
    t.match(getConfig, { ok: Object }, `Admin.GetConfig: ${JSON.stringify(getConfig)}`);
    t.notOk(getConfig?.error, `Admin.GetConfig succeeds: ${JSON.stringify(getConfig)}`);
  });

  await t.test('with satcheld stopped, only satchel may own the name', async (t) => {
    const exit = await daemon?.stop();
    t.same(exit, { code: 0, signal: null }, 'satcheld stopped cleanly');
    for (const who of [pupil, teacher]) {
      const [own] = await as(who, [{ own: NAME }]);
      t.equal(own?.error, ACCESS_DENIED, `${who.name}: ${JSON.stringify(own)}`);
      t.match(own?.message ?? '', BUS_REFUSED_OWN);
    }
    const [own] = await as(satchel, [{ own: NAME }]);
    t.same(own, { ok: REQUEST_NAME_PRIMARY_OWNER }, 'satchel may (the name is free, so the refusals were policy)');
  });
}
