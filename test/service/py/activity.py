#!/usr/bin/python3
"""A satchel client written the way a Sugar activity would, with dbus-python.

Usage:
  activity.py ADDRESS call INTERFACE METHOD JSON_ARGS [--signature SIG]
              [--no-introspect] [--no-interface]
  activity.py ADDRESS listen COUNT

Prints JSON on stdout: for call, one object with "ok" (the reply) and
"types" (dbus-python's type names), or "error" and "message"; for listen, a
{"ready": true} line once subscribed, then one line per signal.
"""
import json
import os
import sys

import dbus
import dbus.mainloop.glib
from gi.repository import GLib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'py'))
from dbus_json import out, plain  # noqa: E402

NAME = 'org.satchel.Satchel1'
PATH = '/org/satchel/Satchel1'


def types(v):
    """The dbus-python class of each value, to check wire types."""
    if isinstance(v, dict):
        return {str(k): types(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)) and not isinstance(v, str):
        return [types(x) for x in v]
    return type(v).__name__


def die(why):
    """sys.exit inside a GLib callback would only print a traceback."""
    sys.stderr.write(why + '\n')
    sys.stderr.flush()
    os._exit(2)


def call(address, iface, method, args, flags):
    bus = dbus.bus.BusConnection(address)
    kwargs = {}
    if '--signature' in flags:
        kwargs['signature'] = flags[flags.index('--signature') + 1]
    if '--no-interface' not in flags:
        kwargs['dbus_interface'] = iface
    try:
        obj = bus.get_object(NAME, PATH, introspect='--no-introspect' not in flags)
        reply = getattr(obj, method)(*args, **kwargs)
    except dbus.exceptions.DBusException as e:
        return {'error': e.get_dbus_name(), 'message': e.get_dbus_message()}
    return {'ok': plain(reply), 'types': types(reply)}


def listen(address, count):
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(address)
    loop = GLib.MainLoop()
    seen = []

    def on_signal(*args, **kw):
        seen.append(1)
        print(json.dumps({'interface': kw['interface'], 'member': kw['member'],
                          'args': plain(args), 'types': types(args)}), flush=True)
        if len(seen) >= count:
            loop.quit()

    bus.add_signal_receiver(on_signal, bus_name=NAME, path=PATH,
                            interface_keyword='interface', member_keyword='member')

    # bus_name= resolves the owner with an async GetNameOwner; a reply to a
    # later call arrives after it, so only then are we really listening.
    def ready(_):
        print(json.dumps({'ready': True}), flush=True)

    bus.call_async('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                   'GetId', '', (), ready, lambda e: die('GetId failed: %s' % e))
    GLib.timeout_add_seconds(15, lambda: die('timed out with %d signals' % len(seen)))
    loop.run()


def main(argv):
    address, command = argv[1], argv[2]
    if command == 'call':
        print(json.dumps(call(address, argv[3], argv[4], json.loads(argv[5]), argv[6:])))
    elif command == 'listen':
        listen(address, int(argv[3]))
    else:
        sys.exit('unknown command %r' % command)


if __name__ == '__main__':
    main(sys.argv)
