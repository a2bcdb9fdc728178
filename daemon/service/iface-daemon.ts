/** org.satchel.Satchel1.Daemon: health and counters for technicians. */
import { countersDict, statusDict } from './records.js';
import type { InterfaceSpec } from './member-spec.js';
import { DAEMON_INTERFACE } from './names.js';

export const daemonInterface: InterfaceSpec = {
  name: DAEMON_INTERFACE,
  methods: [
    {
      name: 'GetStatus',
      in: [],
      out: [{ name: 'status', type: 'a{sv}' }],
      run: (ctx) => [statusDict(ctx.status(), ctx.daemonInfo(), ctx.messenger.storeUse())],
    },
    {
      name: 'GetCounters',
      in: [],
      out: [{ name: 'counters', type: 'a{st}' }],
      run: (ctx) => [countersDict(ctx.messenger.counters())],
    },
  ],
  signals: [],
};
