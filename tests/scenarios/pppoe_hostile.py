#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A hostile host on a PPPoE segment, for pppoe_interop (in the guest).

    pppoe_hostile.py IFACE AC_MAC SERVICE

From IFACE, against the access concentrator at AC_MAC offering SERVICE,
in this order: a flood of PADIs; PADRs without a valid cookie; malformed
discovery packets; PADTs and session data about no session; then, with a
cookie from a real PADO, one PADR more than the sessions a host may have
(each with its own Host-Uniq). Prints one JSON line of what was sent and
what came back (PADOs, and PADSs by error tag), for the scenario to hold
against the AC's drop counters.
"""
import json
import os
import select
import socket
import struct
import sys
import time

DISC, SESS = 0x8863, 0x8864
PADI, PADO, PADR, PADS, PADT = 0x09, 0x07, 0x19, 0x65, 0xa7
SERVICE_NAME, HOST_UNIQ, AC_COOKIE = 0x0101, 0x0103, 0x0104
ERRORS = {0x0201: "service-error", 0x0202: "ac-error", 0x0203: "generic-error"}
FLOOD = 2000
PER_MAC = 8
SO_RCVBUFFORCE = 33  # (not in Python's socket module)


def tag(t, v):
    return struct.pack("!HH", t, len(v)) + v


def pppoe(code, sid, payload):
    return struct.pack("!BBHH", 0x11, code, sid, len(payload)) + payload


def tags(payload):
    out, i = {}, 0
    while i + 4 <= len(payload):
        t, n = struct.unpack_from("!HH", payload, i)
        out.setdefault(t, payload[i + 4:i + 4 + n])
        i += 4 + n
    return out


class Link:
    def __init__(self, iface):
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(DISC))
        self.sock.bind((iface, DISC))
        # room for every PADO the flood draws (SO_RCVBUFFORCE: root)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 8 << 20)
        self.sess = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        self.sess.bind((iface, 0))
        self.mac = self.sock.getsockname()[4]

    def send(self, dst, proto, body, src=None):
        frame = dst + (src or self.mac) + struct.pack("!H", proto) + body
        self.sess.send(frame + b"\0" * max(0, 60 - len(frame)))

    def recv(self, seconds):
        """Discovery packets to this host for SECONDS: (code, tags) each."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                return
            frame = self.sock.recv(2048)
            if frame[:6] != self.mac or len(frame) < 20:
                continue
            _, code, _, length = struct.unpack_from("!BBHH", frame, 14)
            yield code, tags(frame[20:20 + length])


def main():
    iface, ac, service = sys.argv[1], bytes.fromhex(sys.argv[2].replace(":", "")), sys.argv[3]
    svc = tag(SERVICE_NAME, service.encode())
    link = Link(iface)
    bcast = b"\xff" * 6
    out = {"padi": FLOOD, "bad-cookie": 10, "malformed": 10, "stray-padt": 10,
           "stray-data": 10, "pado": 0, "pads": {}}

    # a flood of PADIs, then what came back of it
    for i in range(FLOOD):
        link.send(bcast, DISC, pppoe(PADI, 0, svc + tag(HOST_UNIQ, struct.pack("!I", i))))
    out["pado"] = sum(1 for code, _ in link.recv(3) if code == PADO)
    # PADRs with a cookie of nobody's making
    for i in range(10):
        link.send(ac, DISC, pppoe(PADR, 0, svc + tag(AC_COOKIE, os.urandom(12))))
    # malformed: a tag longer than the packet, version 2
    for i in range(5):
        link.send(ac, DISC, pppoe(PADR, 0, struct.pack("!HH", SERVICE_NAME, 64) + b"x" * 8))
        link.send(ac, DISC, b"\x21" + pppoe(PADR, 0, svc)[1:])
    # about no session: PADTs, and session data
    for i in range(10):
        link.send(ac, DISC, pppoe(PADT, 0x4000 + i, b""))
        link.send(ac, SESS, pppoe(0, 0x4000 + i, b"\xc0\x21\x01\x01\x00\x04"))
    # a real cookie, then one PADR more than a host may have sessions
    link.send(bcast, DISC, pppoe(PADI, 0, svc + tag(HOST_UNIQ, b"real")))
    cookie = next((t[AC_COOKIE] for code, t in link.recv(5)
                   if code == PADO and t.get(HOST_UNIQ) == b"real"), None)
    if cookie is None:
        print(json.dumps(out))
        return 1
    for i in range(PER_MAC + 1):
        link.send(ac, DISC, pppoe(PADR, 0, svc + tag(AC_COOKIE, cookie) +
                                  tag(HOST_UNIQ, b"pad%d" % i)))
    for code, t in link.recv(3):
        if code == PADS:
            why = next((ERRORS[e] for e in ERRORS if e in t), "session")
            out["pads"][why] = out["pads"].get(why, 0) + 1
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
