#!/usr/bin/python3
"""Counts satchel beacon frames on one interface, as a packet capture would.

    beacon-capture.py IFACE UDP_PORT

Opens an AF_PACKET socket on IFACE (run it inside the interface's network
namespace, as root) and counts every frame that carries UDP to UDP_PORT over
IPv4 or IPv6: frames and bytes per family, bytes being the whole Ethernet
frame as it crossed the wire (less the FCS). Prints {"ready": true} once
capturing; then each line on stdin is answered with one JSON line of the
running totals, with the kernel's count of frames it dropped before we read
them. Exits when stdin closes. Counting frames, not what sockets received,
is what makes it a measure of the air (here: the bridge), not of a laptop.
Tests and benchmarks use it where tcpdump is not installed.
"""
import json
import socket
import struct
import sys
import threading
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
SOL_PACKET = 263
PACKET_STATISTICS = 6
IPPROTO_UDP = 17


def udp_family(frame, port):
    """4 or 6 if the frame is UDP to `port`, else None. Never raises on short frames."""
    if len(frame) < 14:
        return None
    ethertype = struct.unpack_from('!H', frame, 12)[0]
    off = 14
    if ethertype == 0x8100 and len(frame) >= 18:  # one VLAN tag
        ethertype = struct.unpack_from('!H', frame, 16)[0]
        off = 18
    if ethertype == 0x0800 and len(frame) >= off + 20:
        ihl = (frame[off] & 0x0F) * 4
        frag = struct.unpack_from('!H', frame, off + 6)[0] & 0x1FFF
        if frame[off + 9] != IPPROTO_UDP or frag != 0 or len(frame) < off + ihl + 4:
            return None
        return 4 if struct.unpack_from('!H', frame, off + ihl + 2)[0] == port else None
    if ethertype == 0x86DD and len(frame) >= off + 44:
        # Beacons carry no extension headers.
        if frame[off + 6] != IPPROTO_UDP:
            return None
        return 6 if struct.unpack_from('!H', frame, off + 42)[0] == port else None
    return None


def main():
    iface, port = sys.argv[1], int(sys.argv[2])
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind((iface, 0))
    totals = {'4': [0, 0], '6': [0, 0], 'drops': 0}
    lock = threading.Lock()

    def capture():
        while True:
            frame, addr = sock.recvfrom(65535)
            if addr[2] == PACKET_OUTGOING:
                continue
            fam = udp_family(frame, port)
            if fam is not None:
                with lock:
                    totals[str(fam)][0] += 1
                    totals[str(fam)][1] += len(frame)

    threading.Thread(target=capture, daemon=True).start()
    print(json.dumps({'ready': True}), flush=True)
    for _ in sys.stdin:
        # tpacket_stats: packets, drops since the last read.
        _, drops = struct.unpack('II', sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8))
        with lock:
            totals['drops'] += drops
            out = {'t': time.monotonic(), 'drops': totals['drops'],
                   'v4': {'frames': totals['4'][0], 'bytes': totals['4'][1]},
                   'v6': {'frames': totals['6'][0], 'bytes': totals['6'][1]}}
        print(json.dumps(out), flush=True)


if __name__ == '__main__':
    main()
