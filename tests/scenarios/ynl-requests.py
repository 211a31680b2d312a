#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Send requests to the condis family with the kernel's own YNL library, one
# process for many (python starts slowly in a TCG guest), and print one line
# per request: "ok <reply as JSON>" or "error <errno> <extack as JSON>".
# An operation written dump:OPERATION is sent as a dump.
#
#   ynl-requests.py KSRC SPEC < lines of "OPERATION JSON"
import json
import sys

sys.path.insert(0, sys.argv[1] + "/tools/net/ynl")
from lib import YnlFamily, NlError  # noqa: E402

ynl = YnlFamily(sys.argv[2], "")  # "": no schema validation, the spec is checked on the host
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    op, _, attrs = line.partition(" ")
    try:
        if op.startswith("dump:"):
            reply = ynl.dump(op[5:], json.loads(attrs or "{}"))
        else:
            reply = ynl.do(op, json.loads(attrs or "{}"))
        print("ok", json.dumps(reply, default=lambda b: b.hex() if isinstance(b, bytes) else str(b)))
    except NlError as e:
        print("error", -e.nl_msg.error, json.dumps(e.nl_msg.extack or {}, default=str))
    sys.stdout.flush()
