#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis.ko loads, exposes its debugfs files and tracepoints, starts with no
# objects and no verifier reports, unloads cleanly and loads again.
source "$(dirname "$0")/lib.sh"
require_root

dbg=/sys/kernel/debug/condis
check "condis.ko loads" mod_load condis
check "debugfs objects file" test -r $dbg/objects
check "no objects at start" bash -c "! awk '\$2 != 0' $dbg/objects | grep -q ."
check "every verifier rule listed, none counted" \
	bash -c "[ \$(wc -l < $dbg/verifier) -ge 10 ] && ! awk '\$2 != 0' $dbg/verifier | grep -q ."
for ev in condis_request condis_pended condis_complete condis_deliver condis_state condis_verifier; do
	check "tracepoint $ev" test -d /sys/kernel/tracing/events/condis/$ev
done
check "module parameters" test -w /sys/module/condis/parameters/verifier_strict
check "condis.ko unloads" mod_unload condis
check "and is gone" bash -c "! test -d $dbg"
check "condis.ko loads again" mod_load condis
check "condis.ko unloads again" mod_unload condis
exit $ret
