#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A client with calls in every state (condis-stress states: outgoing and
# incoming unanswered, connected with frames in flight on a VC descriptor,
# with an interface, multipoint with a party being added) is killed with
# SIGKILL: nothing is left. Then the same client again, and condis_lo is
# unloaded under it, taking its adapter and everything on it; condis.ko
# stays while the client's VC descriptor is open (its file pins it). Last
# condis.ko is unloaded under a condisctl session holding an AF and a SAP.
set -u
source "$(dirname "$0")/lib.sh"
require_root

# start_states: condis-stress states in the background ($spid), up
start_states() {
	"$STRESS" states > "$T/states.out" 2>&1 &
	spid=$!
	wait_for 60 grep -q ready "$T/states.out"
}

check "condis.ko loads" mod_load condis
check "condis_lo.ko loads" mod_load condis_lo
check "a client with calls in every state" start_states
jqcheck "it is ready" "$(tail -1 "$T/states.out")" '.ready == 1'
check "its objects are there" bash -c "awk '\$1 == \"vc\" && \$2 >= 8' /sys/kernel/debug/condis/objects | grep -q ."
check "and its interface" test -d /sys/class/net/$(ip -j link | jq -r ".[] | select(.ifindex == $(jq .netdev < <(tail -1 "$T/states.out"))) | .ifname")
kill -9 $spid
wait $spid 2>/dev/null
check "killed: no AF, SAP, VC or party is left" wait_for 30 objects_zero
check "nor its interface" bash -c "! ip -j link | jq -e '.[] | select(.ifname | startswith(\"condis\"))' > /dev/null"

check "the client again" start_states
check "condis_lo.ko unloads under it" mod_unload condis_lo
check "its adapter took every object" wait_for 30 objects_zero
check "condis.ko stays while the client holds a VC descriptor (its file pins it)" \
	bash -c "! rmmod condis 2>/dev/null"
check "the client outlives the adapter" kill -0 $spid
kill -9 $spid
wait $spid 2>/dev/null

# a client holding objects through its socket alone does not pin condis.ko
check "condis_lo.ko loads again" mod_load condis_lo
sess_start S
sess S af open lo; afs=$id
sess S sap register af "$afs" address held
check "a session with an AF and a SAP" test -n "$id"
check "condis_lo.ko unloads under it" mod_unload condis_lo
check "condis.ko unloads with the session's socket open" mod_unload condis
sess S af show; out=$ans
jqcheck "the session's next request is refused, not crashed" "$out" '.errno != null'
sess_stop_all
check "condis.ko loads again" mod_load condis
check "and unloads" mod_unload condis
exit $ret
