/**
 * The school-village generator: reproducible from its seed, and the trace it
 * writes has the structure the model promises (read back from the ONE-format
 * text, as the simulator and the ONE would read it).
 */
import t from 'tap';
import {
  contactLines, generateSchoolVillage, hostMapJson, messageLines, timetable,
  DEFAULT_SCHOOL_VILLAGE, SECONDS_PER_DAY, SIZE_PROFILES, type SchoolVillageScenario,
} from '../../../daemon/sim/scenario/index.js';

interface Conn { timeS: number; a: number; b: number; up: boolean }
interface Msg { timeS: number; id: string; from: number; to: number; size: number }

function readContacts(text: string): Conn[] {
  return text.trimEnd().split('\n').map((line) => {
    const f = line.split(' ');
    if (f.length !== 5 || f[1] !== 'CONN' || (f[4] !== 'up' && f[4] !== 'down')) throw new Error(`bad line ${line}`);
    return { timeS: Number(f[0]), a: Number(f[2]), b: Number(f[3]), up: f[4] === 'up' };
  });
}

function readMessages(text: string): Msg[] {
  return text.trimEnd().split('\n').map((line) => {
    const f = line.split(' ');
    if (f.length !== 6 || f[1] !== 'C') throw new Error(`bad line ${line}`);
    return { timeS: Number(f[0]), id: f[2] as string, from: Number(f[3]), to: Number(f[4]), size: Number(f[5]) };
  });
}

/** Meetings of a pair as [start, end) spans, from the up/down lines. */
function spans(contacts: readonly Conn[]): Map<string, [number, number][]> {
  const open = new Map<string, number>();
  const out = new Map<string, [number, number][]>();
  for (const c of contacts) {
    const key = `${c.a},${c.b}`;
    if (c.up) open.set(key, c.timeS);
    else {
      const start = open.get(key) as number;
      open.delete(key);
      out.set(key, [...(out.get(key) ?? []), [start, c.timeS]]);
    }
  }
  return out;
}

const pairKey = (x: number, y: number) => `${Math.min(x, y)},${Math.max(x, y)}`;
const small = { villages: 2, classroomsPerVillage: 2, childrenPerClassroom: 8, days: 2 };
const files = (s: SchoolVillageScenario) => ({
  contacts: contactLines(s.contacts), messages: messageLines(s.messages), hosts: hostMapJson(s.params, s.hosts),
});

t.test('the same seed gives byte-identical files; another seed gives different ones', async (t) => {
  const a = files(generateSchoolVillage({ ...small, seed: 7 }));
  const b = files(generateSchoolVillage({ ...small, seed: 7 }));
  t.equal(a.contacts, b.contacts);
  t.equal(a.messages, b.messages);
  t.equal(a.hosts, b.hosts);
  const c = files(generateSchoolVillage({ ...small, seed: 8 }));
  t.not(c.contacts, a.contacts, 'contacts differ');
  t.not(c.messages, a.messages, 'messages differ');
});

t.test('text and drawing workloads with one seed share contacts, times and recipients', async (t) => {
  const text = generateSchoolVillage({ ...small, sizeProfile: 'text' });
  const drawing = generateSchoolVillage({ ...small, sizeProfile: 'drawing' });
  t.equal(contactLines(text.contacts), contactLines(drawing.contacts));
  t.same(text.messages.map((m) => [m.timeS, m.from, m.to]), drawing.messages.map((m) => [m.timeS, m.from, m.to]));
  for (const m of readMessages(messageLines(text.messages))) {
    if (m.size < SIZE_PROFILES.text.minBytes || m.size > SIZE_PROFILES.text.maxBytes) t.fail(`text size ${m.size}`);
  }
  const sizes = readMessages(messageLines(drawing.messages)).map((m) => m.size);
  t.ok(sizes.every((s) => s >= 10_000 && s <= 60_000), 'drawings are tens of kB');
});

t.test('the default trace is well formed: sorted, no self-contact, every up has its down', async (t) => {
  const s = generateSchoolVillage();
  const contacts = readContacts(contactLines(s.contacts));
  t.equal(s.hosts.length, 3 * (2 + 2 * 20) + 1, 'three villages of 40 children, a server and a teacher each, and the bus');
  let last = 0;
  const up = new Set<string>();
  for (const c of contacts) {
    if (c.timeS < last) t.fail(`time goes back at ${c.timeS}`);
    last = c.timeS;
    if (c.a === c.b) t.fail(`host ${c.a} meets itself`);
    if (!(c.a < c.b) || c.b >= s.hosts.length || c.a < 0) t.fail(`hosts ${c.a} ${c.b} out of order or range`);
    const key = `${c.a},${c.b}`;
    if (c.up === up.has(key)) t.fail(`${key} goes ${c.up ? 'up while up' : 'down while down'} at ${c.timeS}`);
    if (c.up) up.add(key); else up.delete(key);
  }
  t.equal(up.size, 0, 'every link that went up went down');
  t.ok(last <= DEFAULT_SCHOOL_VILLAGE.days * SECONDS_PER_DAY, 'all within the simulated days');

  const messages = readMessages(messageLines(s.messages));
  t.equal(messages.length, 3 * 40 * 4 * 3, 'four messages per child per day for three days');
  t.same(messages.map((m) => m.id), messages.map((_, i) => `M${i + 1}`));
  t.ok(messages.every((m, i) => m.from !== m.to && (i === 0 || m.timeS >= (messages[i - 1] as Msg).timeS)));
});

t.test('the bus meets each village server once or twice a day, for minutes, and nobody else', async (t) => {
  for (const passes of [1, 2]) {
    const s = generateSchoolVillage({ days: 7, mulePassesPerDay: passes, muleKind: 'motorbike' });
    const mule = s.population.mule;
    t.match(s.hosts[mule], { role: 'mule', label: 'motorbike' });
    const meetings = [...spans(readContacts(contactLines(s.contacts)))].filter(([k]) => k.split(',').map(Number).includes(mule));
    const relays = new Set(s.population.villages.map((v) => v.relay));
    for (const [key, list] of meetings) {
      const other = key.split(',').map(Number).find((h) => h !== mule) as number;
      t.ok(relays.has(other), `the mule meets only servers (met ${other})`);
      for (let day = 0; day < 7; day++) {
        const today = list.filter(([start]) => Math.floor(start / SECONDS_PER_DAY) === day);
        t.equal(today.length, passes, `server ${other}, day ${day}: ${passes} pass(es)`);
        t.ok(today.every(([a, b]) => b - a === DEFAULT_SCHOOL_VILLAGE.muleStopMinutes * 60), 'each stop lasts muleStopMinutes');
      }
    }
    t.equal(meetings.length, 3, 'all three servers');
  }
});

t.test('classmates meet in groups on school days, not all with all, and not at weekends', async (t) => {
  const s = generateSchoolVillage({ days: 7 });
  const byPair = spans(readContacts(contactLines(s.contacts)));
  const room = s.population.villages[0]?.classrooms[0] ?? [];
  const lessons = timetable(s.params).filter((p) => p.kind === 'lesson');
  const village = s.population.villages[0];
  const hoodOf = new Map<number, number>();
  village?.neighbourhoods.forEach((hood, n) => hood.forEach((h) => village.homes[h]?.forEach((k) => hoodOf.set(k, n))));
  for (let day = 0; day < 7; day++) {
    const lessonS = day * SECONDS_PER_DAY + (lessons[0]?.startMin ?? 0) * 60 + 1;
    const inFirstLesson = new Set<number>();
    const metPairs: [number, number][] = [];
    let pairs = 0;
    for (let i = 0; i < room.length; i++) {
      for (let j = i + 1; j < room.length; j++) {
        const met = (byPair.get(pairKey(room[i] as number, room[j] as number)) ?? []).some(([a, b]) => a <= lessonS && lessonS < b);
        if (met) { pairs++; metPairs.push([room[i] as number, room[j] as number]); inFirstLesson.add(room[i] as number); inFirstLesson.add(room[j] as number); }
      }
    }
    if (day < 5) {
      t.equal(inFirstLesson.size, room.length, `day ${day}: every child is in a group in the first lesson`);
      t.ok(pairs < (room.length * (room.length - 1)) / 2 / 3, `day ${day}: groups, not everyone with everyone (${pairs} pairs)`);
    } else {
      const strangers = metPairs.filter(([x, y]) => hoodOf.get(x) !== hoodOf.get(y));
      t.same(strangers, [], `day ${day} is a weekend: only siblings and neighbours meet`);
    }
  }
});

t.test('the teacher meets every child of the school each school day; siblings meet in the evening', async (t) => {
  const s = generateSchoolVillage({ days: 1 });
  const byPair = spans(readContacts(contactLines(s.contacts)));
  for (const village of s.population.villages) {
    const missed = village.children.filter((k) => !byPair.has(pairKey(k, village.teacher)));
    t.same(missed, [], `village ${village.index}: the teacher met everyone`);
    t.ok(byPair.has(pairKey(village.teacher, village.relay)), 'the teacher syncs with the school server');
    for (const home of village.homes) {
      if (home.length < 2) continue;
      const evening = s.params.eveningStartHour * 3600;
      const together = (byPair.get(pairKey(home[0] as number, home[1] as number)) ?? []).some(([a, b]) => a <= evening && evening < b);
      t.ok(together, `siblings ${home.join(' and ')} are together at the start of the evening`);
    }
  }
});

t.test('messages go mostly to classmates and some to cousins in other villages', async (t) => {
  const s = generateSchoolVillage({ days: 5 });
  const info = (h: number) => s.hosts[h] ?? t.fail(`no host ${h}`);
  let classmates = 0;
  let otherVillage = 0;
  for (const m of s.messages) {
    const from = info(m.from) as { role: string; village?: number; classroom?: number };
    const to = info(m.to) as { role: string; village?: number; classroom?: number };
    if (from.role !== 'child' || to.role !== 'child') t.fail('only children write and receive');
    if (from.village === to.village && from.classroom === to.classroom) classmates++;
    if (from.village !== to.village) otherVillage++;
  }
  const n = s.messages.length;
  t.ok(classmates / n > 0.7 && classmates / n < 0.8, `about 75% to classmates (${classmates}/${n})`);
  t.ok(otherVillage / n > 0.06 && otherVillage / n < 0.14, `about 10% to cousins (${otherVillage}/${n})`);
  const one = generateSchoolVillage({ villages: 1, days: 1 });
  t.ok(one.messages.every((m) => m.from !== m.to), 'one village: cousin messages fall to schoolmates');
});

t.test('the host map says which host is what', async (t) => {
  const s = generateSchoolVillage(small);
  const map = JSON.parse(hostMapJson(s.params, s.hosts)) as { hostCount: number; params: unknown; hosts: { host: number; role: string; label: string }[] };
  t.equal(map.hostCount, 2 * (2 + 16) + 1);
  t.same(map.params, { ...DEFAULT_SCHOOL_VILLAGE, ...small });
  t.same(map.hosts.map((h) => h.host), map.hosts.map((_, i) => i), 'hosts listed by id');
  t.same(map.hosts.filter((h) => h.role !== 'child').map((h) => `${h.host}:${h.role}:${h.label}`), [
    '0:relay:v0-server', '1:teacher:v0-teacher', '18:relay:v1-server', '19:teacher:v1-teacher', '36:mule:bus',
  ]);
  t.match(map.hosts[2], { role: 'child', label: 'v0-c0-k00', village: 0, classroom: 0 });
});

t.test('hostile parameters are refused with InvalidArgument naming the problem', async (t) => {
  const bad: [unknown, RegExp][] = [
    [{ villages: 0 }, /villages/],
    [{ villages: -1 }, /villages/],
    [{ villages: NaN }, /villages/],
    [{ villages: 2.5 }, /villages/],
    [{ childrenPerClassroom: 1 }, /childrenPerClassroom/],
    [{ days: Infinity }, /days/],
    [{ days: 0 }, /days/],
    [{ seed: -1 }, /seed/],
    [{ seed: 1.5 }, /seed/],
    [{ messagesPerChildPerDay: -2 }, /messagesPerChildPerDay/],
    [{ classmateShare: 0.8, cousinShare: 0.3 }, /classmateShare \+ cousinShare/],
    [{ sizeProfile: 'photo' }, /sizeProfile must be one of text, drawing/],
    [{ muleKind: 'train' }, /muleKind/],
    [{ mulePassesPerDay: 3 }, /mulePassesPerDay/],
    [{ villages: 30 }, /morning trip .* must end before the return trip/],
    [{ villages: 60, mulePassesPerDay: 1 }, /must end by midnight/],
    [{ schoolStartHour: 20 }, /school must end by midnight/],
    [{ eveningStartHour: 10 }, /eveningStartHour must not be before school ends/],
    [{ eveningEndHour: 15 }, /eveningEndHour must be after eveningStartHour/],
    [{ villages: 1000, classroomsPerVillage: 100 }, /hosts is more than/],
    [{ vilages: 2 }, /no option "vilages"/],
    [{ villages: '3' }, /villages/],
    ['three', /options must be an object/],
    [null, /options must be an object/],
  ];
  for (const [options, message] of bad) {
    t.throws(() => generateSchoolVillage(options as never), { code: 'INVALID_ARGUMENT', message }, JSON.stringify(options));
  }
});
