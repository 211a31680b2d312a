#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis.ko loads, exposes its debugfs files and tracepoints, starts with no
# objects and no verifier reports, unloads cleanly and loads again.
set -u
source "$(dirname "$0")/lib.sh"
require_root

dbg=/sys/kernel/debug/condis
check "condis.ko loads" mod_load condis
check "debugfs objects file" test -r $dbg/objects
rules() {	# every verifier rule listed (10 or more), none counted
	local n=0
	verifier_zero || return 1
	while read -r _; do n=$((n + 1)); done < $dbg/verifier
	[ $n -ge 10 ]
}
none() { local n; while read -r _ n _; do [ "$n" = 0 ] || return 1; done < $dbg/objects; }
check "no objects at start" none
check "every verifier rule listed, none counted" rules
for ev in condis_request condis_pended condis_complete condis_deliver condis_state condis_verifier; do
	check "tracepoint $ev" test -d /sys/kernel/tracing/events/condis/$ev
done
check "module parameters" test -w /sys/module/condis/parameters/verifier_strict
check "condis.ko unloads" mod_unload condis
check "and is gone" test ! -d $dbg
check "condis.ko loads again" mod_load condis
check "condis.ko unloads again" mod_unload condis
exit $ret
