import t from 'tap';
import { runSimulation, type SimResult } from '../../daemon/sim/engine.js';
import { formatResultTable } from '../../daemon/sim/result-table.js';
import { asEvents, HELSINKI_LIKE, randomWorkload, streetTrace, type StreetTraceOptions } from '../../daemon/sim/street-trace.js';

/** A small town: 16 walkers and 4 cars on 60 m blocks for two hours. */
const TOWN: StreetTraceOptions = {
  ...HELSINKI_LIKE,
  groups: [
    { prefix: 'p', count: 16, minSpeed: 0.5, maxSpeed: 1.5, minWaitS: 0, maxWaitS: 120 },
    { prefix: 'c', count: 4, minSpeed: 3, maxSpeed: 10, minWaitS: 0, maxWaitS: 60 },
  ],
  widthM: 600, heightM: 400, blockM: 60, durationS: 2 * 3600,
};

function townEvents(seed: number) {
  const contacts = streetTrace({ ...TOWN, seed });
  const messages = randomWorkload({ seed, hosts: contacts.hosts, minIntervalS: 60, maxIntervalS: 90, minBytes: 100, maxBytes: 3000, untilS: 3600 });
  return asEvents(contacts, contacts.hosts, messages);
}

const figures = (r: SimResult) => ({ ...r, wallMs: 0, metrics: r.metrics });

t.test('the same seed gives the same trace, workload and results', async (t) => {
  const e1 = townEvents(3);
  const e2 = townEvents(3);
  t.same(e1, e2, 'trace and workload');
  t.ok(e1.contacts.length > 50, `a town has contacts (${e1.contacts.length})`);
  t.ok(e1.messages.length >= 40, `and messages (${e1.messages.length})`);
  t.notSame(townEvents(4).contacts, e1.contacts, 'another seed, another trace');
  for (const strategy of ['epidemic', 'spray-and-wait']) {
    const a = await runSimulation({ events: e1, strategy, seed: 3, bandwidthBytesPerS: 20_000 });
    const b = await runSimulation({ events: e2, strategy, seed: 3, bandwidthBytesPerS: 20_000 });
    t.same(figures(a), figures(b), `${strategy}: same figures, message by message`);
    t.ok(a.metrics.delivered > 0, `${strategy}: something was delivered (${a.metrics.delivered}/${a.metrics.created})`);
    t.match(formatResultTable(a), new RegExp(`^strategy\\s+${strategy}$`, 'm'), 'the table names the strategy');
  }
});

t.test('epidemic routing delivers at least what spray-and-wait does, at a higher overhead', async (t) => {
  const e = townEvents(5);
  const epi = await runSimulation({ events: e, strategy: 'epidemic', seed: 5 });
  const saw = await runSimulation({ events: e, strategy: 'spray-and-wait', seed: 5 });
  const direct = await runSimulation({ events: e, strategy: 'direct', seed: 5 });
  t.ok(epi.metrics.delivered >= saw.metrics.delivered, `${epi.metrics.delivered} >= ${saw.metrics.delivered}`);
  t.ok(saw.metrics.delivered >= direct.metrics.delivered, `${saw.metrics.delivered} >= ${direct.metrics.delivered}`);
  t.ok((epi.metrics.overheadRatio ?? 0) > (saw.metrics.overheadRatio ?? Infinity), 'epidemic pays more transfers per delivery');
  t.equal(direct.metrics.overheadRatio, 0, 'direct delivery relays nothing');
});

t.test('a small buffer holds fewer carried bytes', async (t) => {
  const e = townEvents(6);
  const small = await runSimulation({ events: e, strategy: 'epidemic', seed: 6, bufferBytes: 8_000 });
  t.ok(small.metrics.store.peakNodeBytes > 0);
  t.ok(small.metrics.nodes.every((n) => n.peakCarryBytes <= 8_000), 'no laptop carries more than its quota');
});

t.test('street traces refuse nonsense', async (t) => {
  t.throws(() => streetTrace({ ...TOWN, rangeM: 0 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => streetTrace({ ...TOWN, stepS: -1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => streetTrace({ ...TOWN, groups: [] }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => streetTrace({ ...TOWN, groups: [{ prefix: 'x', count: 3, minSpeed: 2, maxSpeed: 1, minWaitS: 0, maxWaitS: 0 }] }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => streetTrace(null as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => randomWorkload({ seed: 1, hosts: ['a'], minIntervalS: 1, maxIntervalS: 2, minBytes: 1, maxBytes: 2, untilS: 10 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => randomWorkload({ seed: 1, hosts: ['a', 'b'], minIntervalS: 0, maxIntervalS: 2, minBytes: 1, maxBytes: 2, untilS: 10 }), { code: 'INVALID_ARGUMENT' });
});
