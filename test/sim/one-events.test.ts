import t from 'tap';
import { formatOneEvents, MAX_ONE_LINE_CHARS, mergeOneEvents, parseOneEvents } from '../../daemon/sim/one-events.js';

t.test('reads contacts and messages as the ONE writes them', async (t) => {
  const e = parseOneEvents(`# a comment
0 CONN 0 1 up

12.5 CONN 0 1 down
13 C M1 0 2 1000
13 C M2 2 1 10k
14 S M1 0 1
15 DE M1 1 2
20\tCONN\t1\t2  up
21 C M3 1 0 1000 500
`, 'helsinki');
  t.same(e.contacts, [
    { timeS: 0, a: '0', b: '1', up: true },
    { timeS: 12.5, a: '0', b: '1', up: false },
    { timeS: 20, a: '1', b: '2', up: true },
  ]);
  t.same(e.messages, [
    { timeS: 13, id: 'M1', from: '0', to: '2', sizeBytes: 1000 },
    { timeS: 13, id: 'M2', from: '2', to: '1', sizeBytes: 10000 },
    { timeS: 21, id: 'M3', from: '1', to: '0', sizeBytes: 1000 },
  ]);
  t.equal(e.skipped, 2, "the ONE's own transfer lines are skipped and counted");
  t.same(e.hosts, ['0', '1', '2'], 'hosts in order of first appearance');
});

t.test('malformed lines are refused with their line number', async (t) => {
  const cases: [string, RegExp][] = [
    ['0 CONN a b up\nx CONN a b down\n', /^trace line 2: time "x" is not a number of seconds/],
    ['0 CONN a b up\n-1 CONN a b down\n', /line 2: time "-1"/],
    ['1e3 CONN a b up\n', /line 1: time "1e3"/],
    ['5 CONN a b up\n4 CONN a b down\n', /line 2: time 4 goes back/],
    ['0 CONN a b sideways\n', /line 1: CONN state "sideways" is not up or down/],
    ['0 CONN a b\n', /line 1: CONN takes two hosts and up or down, found 2 fields/],
    ['0 CONN a a up\n', /line 1: a host cannot meet itself/],
    ['\n\n0 CONN a b c up\n', /line 3: CONN takes/],
    ['0 C m1 a b\n', /line 1: C takes an id, two hosts and a size/],
    ['0 C m1 a b 0\n', /line 1: size "0" is not 1 to/],
    ['0 C m1 a b -5\n', /line 1: size "-5"/],
    ['0 C m1 a b 10X\n', /line 1: size "10X"/],
    ['0 C m1 a b 1G\n', /line 1: size "1G" is not 1 to/],
    ['0 C m1 a a 10\n', /line 1: message m1 is addressed to its own sender/],
    ['0 C m1 a b 10\n1 C m1 b a 10\n', /line 2: message id m1 was created before/],
    ['0 C m/1 a b 10\n', /line 1: message id "m\/1"/],
    ['0 CONN a b;rm up\n', /line 1: host name "b;rm"/],
    ['0 FLY a b\n', /line 1: unknown event "FLY" \(expected CONN or C\)/],
    ['0\n', /line 1: unknown event ""/],
    [`0 CONN ${'a'.repeat(2000)} b up\n`, new RegExp(`line 1: longer than ${MAX_ONE_LINE_CHARS} characters`)],
    ['99999999999 CONN a b up\n', /line 1: time 99999999999 is beyond/],
    ['0 CONN a b up\u0000\n', /line 1: CONN state/],
  ];
  for (const [text, message] of cases) {
    t.throws(() => parseOneEvents(text, 'trace'), { code: 'INVALID_ARGUMENT', message }, JSON.stringify(text.slice(0, 40)));
  }
  t.throws(() => parseOneEvents(42 as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => parseOneEvents('', 7 as never), { code: 'INVALID_ARGUMENT' });
});

t.test('a default source name is given when none is', async (t) => {
  t.throws(() => parseOneEvents('0 X\n'), { message: /^events line 1:/ });
});

t.test('contacts and workload from two files merge in time order', async (t) => {
  const c = parseOneEvents('0 CONN a b up\n50 CONN a b down\n');
  const m = parseOneEvents('10 C m1 a c 5\n');
  const e = mergeOneEvents(c, m);
  t.same(e.hosts, ['a', 'b', 'c']);
  t.equal(e.contacts.length, 2);
  t.equal(e.messages.length, 1);
  t.throws(() => mergeOneEvents(m, m), { code: 'INVALID_ARGUMENT', message: /m1 is created in two files/ });
});

t.test('what formatOneEvents writes reads back the same', async (t) => {
  const e = parseOneEvents('0 CONN a b up\n3 C m1 a b 7\n3 CONN a b down\n');
  const again = parseOneEvents(formatOneEvents(e));
  t.same(again.contacts, e.contacts);
  t.same(again.messages, e.messages);
});
