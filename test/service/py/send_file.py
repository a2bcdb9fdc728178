#!/usr/bin/python3
"""An activity sending a file with dbus-python, by path or as an open descriptor.

Usage:
  send_file.py ADDRESS path CONTACT TEXT PATH
  send_file.py ADDRESS fd CONTACT TEXT NAME FILE [file|wronly|pipe]

Prints one JSON object: {"ok": message_id} or {"error": name, "message": text}.
"""
import json
import os
import sys

import dbus

NAME = 'org.satchel.Satchel1'
PATH = '/org/satchel/Satchel1'
IFACE = 'org.satchel.Satchel1.Messages'


def main(argv):
    address, how, contact, text = argv[1:5]
    bus = dbus.bus.BusConnection(address)
    messages = dbus.Interface(bus.get_object(NAME, PATH), IFACE)
    try:
        if how == 'path':
            reply = messages.SendWithAttachment(contact, text, argv[5])
        else:
            name, path = argv[5], argv[6]
            kind = argv[7] if len(argv) > 7 else 'file'
            if kind == 'pipe':
                r, w = os.pipe()
                os.write(w, b'not a file')
                fd = r
            else:
                fd = os.open(path, os.O_WRONLY if kind == 'wronly' else os.O_RDONLY)
            # dbus-python duplicates the descriptor when it wraps it; ours is closed right after.
            wrapped = dbus.types.UnixFd(fd)
            os.close(fd)
            reply = messages.SendWithAttachmentFd(contact, text, name, wrapped)
        print(json.dumps({'ok': str(reply)}))
    except dbus.exceptions.DBusException as e:
        print(json.dumps({'error': e.get_dbus_name(), 'message': e.get_dbus_message()}))


if __name__ == '__main__':
    main(sys.argv)
