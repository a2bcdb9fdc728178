/**
 * `satchel doctor`: bus, daemon, store, clock, discovery sources,
 * configuration and outbox, each with what to do when it is wrong. It
 * reports an unreachable daemon as a finding (exit 1), not as exit 3.
 */
import { defineCommand } from '../command.js';
import { runChecks, type CheckView } from '../doctor-checks.js';
import { EXIT } from '../exit-codes.js';
import { gatherFacts } from '../facts.js';
import { table } from '../table.js';

export interface DoctorView { healthy: boolean; problems: number; checks: CheckView[] }

export function doctorView(checks: CheckView[]): DoctorView {
  const problems = checks.filter((c) => c.status === 'warn' || c.status === 'fail').length;
  return { healthy: problems === 0, problems, checks };
}

const MARK: Record<string, string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

export function renderDoctor(v: DoctorView): string {
  const rows = table(v.checks, [
    { header: 'RESULT', value: (c) => MARK[c.status] ?? c.status },
    { header: 'CHECK', value: (c) => c.name },
    { header: 'FINDING', value: (c) => c.summary },
  ]);
  const advice = v.checks.filter((c) => c.advice !== '' && c.status !== 'ok').map((c) => `  ${c.name}: ${c.advice}`);
  const verdict = v.healthy ? 'no problems found' : `${v.problems} problem${v.problems === 1 ? '' : 's'} found`;
  return [rows, ...(advice.length ? ['what to do:', ...advice] : []), verdict].join('\n');
}

export const doctorCommand = defineCommand<DoctorView>({
  name: 'doctor',
  summary: 'check bus, daemon, store, clock, discovery, configuration and outbox; say what to do',
  synopsis: 'doctor',
  details: [
    '--store DIR      the store to read when satcheld does not answer (default as for inspect)',
    'Exits 0 when every check is ok or skipped, 1 when any warns or fails (an unreachable daemon included).',
  ].join('\n'),
  options: { store: { type: 'string' } },
  positionals: [0, 0],
  async run(ctx, { values }) {
    const store = typeof values['store'] === 'string' ? values['store'] : undefined;
    const data = doctorView(runChecks(await gatherFacts(ctx, store)));
    return { data, exitCode: data.healthy ? EXIT.OK : EXIT.PROBLEM };
  },
  render: renderDoctor,
});
