import t from 'tap';
import { defaultConfig } from '../../daemon/config/schema.js';
import { optionsFromConfig } from '../../daemon/options.js';
import { removeDir, startCoreNode } from '../fixtures/core-node.js';
import { friends, nodes, together, until } from '../fixtures/meetings.js';

t.test('the configured strategy gets its own knobs and no others', async (t) => {
  const base = defaultConfig();
  t.equal(optionsFromConfig(base).routing, 'encounter-spray', 'encounter-spray by default');
  t.same(optionsFromConfig(base).routingOptions, {}, 'which has no knobs in the configuration: its six copies are its own default');
  t.same(optionsFromConfig({ ...base, 'routing.strategy': 'epidemic' }).routingOptions, { hopLimit: 8 }, 'epidemic with its hop limit');
  t.same(optionsFromConfig({ ...base, 'routing.strategy': 'spray-and-wait', 'routing.spray_copies': 4 }).routingOptions, { copies: 4 });
  t.same(optionsFromConfig({ ...base, 'routing.strategy': 'prophet', 'routing.prophet_time_unit_s': 60 }).routingOptions, { timeUnitMs: 60_000 });
  t.same(optionsFromConfig({ ...base, 'routing.strategy': 'prophet-spray', 'routing.prophet_time_unit_s': 60 }).routingOptions, { timeUnitMs: 60_000 }, 'prophet-spray ages predictabilities like prophet');
  t.same(optionsFromConfig({ ...base, 'routing.strategy': 'direct' }).routingOptions, {});
});

t.test('spray-and-wait hands half its copies to each carrier and keeps the rest', async (t) => {
  const [a, b, c, r] = await nodes(t, 4, { routing: 'spray-and-wait', routingOptions: { copies: 4 } });
  await friends(a!, r!);
  const id = await a!.messenger.send(r!.messenger.identity().id, 'four copies');
  t.equal(a!.store.outbox.get([r!.messenger.identity().id, id])?.copies, 4);
  await together(a!, b!);
  await until('B carries two copies', () => b!.store.carry.get(id)?.copies === 2);
  await until('A keeps two', () => a!.store.outbox.get([r!.messenger.identity().id, id])?.copies === 2);
  await together(b!, c!);
  await until('C carries one', () => c!.store.carry.get(id)?.copies === 1);
  t.equal(b!.store.carry.get(id)?.copies, 1, 'B kept one');
  // With one copy left, a carrier waits for the recipient itself.
  const d = await startCoreNode(undefined, { routing: 'spray-and-wait', routingOptions: { copies: 4 } });
  t.teardown(async () => { await d.stop(); removeDir(d.dir); });
  await together(c!, d);
  await new Promise((res) => setTimeout(res, 300));
  t.notOk(d.store.carry.doesExist(id), 'a last copy is not handed to another carrier');
});
