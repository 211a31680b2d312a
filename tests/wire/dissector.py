#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The Wireshark dissector (userspace/wireshark/condis.lua) on frames built
here from Documentation/condis/signalling.rst: one of every message type,
each field set to a value of its own so that tshark must find it at its
offset, and malformed frames it must flag. The wire_dissector scenario
decodes a real capture; this covers the types a capture of ordinary calls
does not show (parties, rejects, STATUS).

    dissector.py [LUA]      prints PASS/FAIL lines, exits 1 on a failure
"""
import os
import struct
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LUA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "userspace/wireshark/condis.lua")

TYPES = ["DATA", "SETUP", "CONNECT", "CONNECT ACK", "RELEASE", "RELEASE COMPLETE",
         "ADD PARTY", "ADD PARTY ACK", "ADD PARTY REJECT", "DROP PARTY",
         "DROP PARTY ACK", "MODIFY", "MODIFY ACK", "MODIFY REJECT", "STATUS",
         "CALL PROCEEDING"]
WITH_SAP = {1, 6}
DST, SRC = bytes.fromhex("020000000002"), bytes.fromhex("020000000001")


def frame(payload):
    return DST + SRC + struct.pack("!H", 0x88B5) + payload


def sig(mtype, flags=1, sap=b"svc-name", cause=0xC0010027, state=4):
    """A signalling message whose every field has a value derived from its type."""
    hdr = struct.pack("!BBHII", 2, mtype, flags, 0x1000 + mtype, 0x2000 + mtype)
    sap = sap if mtype in WITH_SAP else b""
    fixed = struct.pack("!IIIIBBH", cause, 300 + mtype, 0x3000 + mtype, 0x4000 + mtype,
                        state, len(sap), 7)
    tx = [10, 20, 30, 40, 50, 2, 1400 + mtype, 60]
    rx = [11, 21, 31, 41, 51, 1, 1300 + mtype, 61]
    params = struct.pack("!I8I8I", 0x12, *tx, *rx)
    return frame(hdr + fixed + params + sap)


def pcap(frames):
    out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
    for i, f in enumerate(frames):
        out += struct.pack("<IIII", i, 0, len(f), len(f)) + f
    return out


FIELDS = ["condis.type", "condis.flags.from_caller", "condis.ref", "condis.token",
          "condis.cause", "condis.label", "condis.call_token", "condis.data_token",
          "condis.state", "condis.sap.text", "condis.params.flags.multipoint_vc",
          "condis.tx.max_sdu_size", "condis.rx.max_sdu_size", "condis.tx.service_type",
          "condis.vc_label", "condis.vc_token", "_ws.expert.message", "_ws.col.Info"]

results = []


def res(ok, what):
    results.append(ok)
    print(("PASS" if ok else "FAIL") + " dissector: " + what)


def main():
    frames = [frame(struct.pack("!BBHII", 2, 0, 0, 77, 0xABCD) + b"payload")]
    frames += [sig(t) for t in range(1, 16)]
    bad = [frame(struct.pack("!BBHII", 3, 1, 1, 1, 0)),		# version 3
           frame(struct.pack("!BBHII", 2, 99, 1, 1, 0) + bytes(88)),	# type 99
           sig(1)[:14 + 60],						# cut short
           sig(1, sap=b"")]						# SETUP, no SAP
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "frames.pcap")
        with open(path, "wb") as f:
            f.write(pcap(frames + bad))
        cmd = ["tshark", "-X", "lua_script:" + LUA, "-r", path, "-T", "fields",
               "-E", "separator=/t", "-E", "occurrence=f"]
        for fld in FIELDS:
            cmd += ["-e", fld]
        run = subprocess.run(cmd, capture_output=True, text=True)
    errors = [l for l in run.stderr.splitlines() if "Running as user" not in l]
    res(run.returncode == 0 and not errors, "tshark loads the dissector and reads the frames")
    for l in errors[:10]:
        print("    " + l)
    rows = [dict(zip(FIELDS, l.split("\t"))) for l in run.stdout.splitlines()]
    if len(rows) != len(frames) + len(bad):
        res(False, "one line per frame (%d of %d)" % (len(rows), len(frames) + len(bad)))
        return
    good = rows[:len(frames)]
    named = [r["_ws.col.Info"].split(" ref=")[0].split(" label=")[0] for r in good]
    print("    " + ", ".join(named))
    res(named == TYPES, "every message type by its name")
    d = good[0]
    res(d["condis.vc_label"] == "77" and d["condis.vc_token"] == "0x0000abcd"
        and "len=7" in d["_ws.col.Info"], "DATA: the receiver's label and data token, the length")
    ok = []
    for t, r in enumerate(good[1:], 1):
        want = {"condis.type": str(t), "condis.ref": "0x%08x" % (0x1000 + t),
                "condis.token": "0x%08x" % (0x2000 + t), "condis.label": str(300 + t),
                "condis.call_token": "0x%08x" % (0x3000 + t),
                "condis.data_token": "0x%08x" % (0x4000 + t), "condis.cause": "0xc0010027",
                "condis.state": "4", "condis.params.flags.multipoint_vc": "1",
                "condis.tx.max_sdu_size": str(1400 + t), "condis.rx.max_sdu_size": str(1300 + t),
                "condis.tx.service_type": "2",
                "condis.sap.text": "svc-name" if t in WITH_SAP else ""}
        wrong = {k: (r[k], v) for k, v in want.items() if r[k] != v}
        if wrong:
            print("    %s: %s" % (TYPES[t], wrong))
        ok.append(not wrong and not r["_ws.expert.message"])
    res(all(ok), "every field of every signalling message at its offset, no expert note")
    info = {TYPES[t]: r["_ws.col.Info"] for t, r in enumerate(good)}
    res("cause=NDIS_STATUS_INCOMPATABLE_QOS" in info["RELEASE COMPLETE"]
        and "cause" not in info["CONNECT"], "causes by name, where the type carries one")
    res("state=active" in info["STATUS"], "STATUS: the sender's state by name")
    res("sap=svc-name" in info["SETUP"] and "sap=svc-name" in info["ADD PARTY"],
        "SETUP and ADD PARTY: the called SAP")
    notes = [r["_ws.expert.message"] for r in rows[len(frames):]]
    want = ["Unknown version", "Unknown message type", "shorter than", "SAP length out of range"]
    print("    " + " | ".join(notes))
    res(all(w in n for w, n in zip(want, notes)),
        "malformed frames flagged: bad version, unknown type, short, SAP length")


main()
print("%d passed, %d failed" % (results.count(True), results.count(False)))
sys.exit(0 if all(results) else 1)
