#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The NDIS samples (kernel/ndis_samples/, written to the Windows DDK
# against <net/condis_ndis.h>, run by condis_ndis.ko): ndis_sample_cm, a
# stand-alone call manager, binds to the loopback adapter (condis_lo) and
# to the adapter of ndis_sample_mp, a CoNDIS miniport, and registers its
# address family on each, having asked the miniport its link speed with
# no AF (the sample miniport pends the answer), and creates a VC of its
# own to the miniport (NULL AF); ndis_sample_client binds
# to both, opens the AF where it appears, registers a SAP, asks the call
# manager an OID, calls the SAP, answers (pended), and sends
# NET_BUFFER_LIST chains the other end echoes; on the sample miniport a frame it refuses comes back with its
# status, activations pend, and every other receive is indicated with
# NDIS_RECEIVE_FLAGS_RESOURCES. Then the call closes at both ends, the SAP
# and the AF go. Each step is in the kernel log; nothing is left and the
# verifier counts nothing. The client also binds to two condis_eth
# adapters joined by a veth pair, with condis_ethcm's stand-alone call
# manager (condis's signalling over the wire): each calls the SAP at the
# other's MAC address, with the same data. Then the client again,
# unloaded while the call manager holds its SAP deregistrations (its
# unbinds pend until those and the AF closes are over); again, the call
# manager unloaded under it; and the miniport: every receive it lent came
# back.
set -u
source "$(dirname "$0")/lib.sh"
require_root

ETH="ndva ndvb"
ADAPTERS="lo ndismp0 $ETH"
steps() { dmesg | grep -o 'ndis_sample_[a-z]*: .*'; }
done_on() { steps | grep -q "^ndis_sample_client: $1: done"; }
all_done() { local a; for a in $ADAPTERS; do done_on "$a" || return 1; done; }
eth_down() { ip link del ndva 2> /dev/null; }
# no AF, SAP, VC or party (condis_ethcm's signalling VCs stay with its adapters)
calls_objects_zero() {
	local type n
	while read -r type n _; do
		case $type in af|sap|vc|party) [ "$n" = 0 ] || return 1 ;; esac
	done < /sys/kernel/debug/condis/objects
}

dmesg -C
for m in condis condis_lo condis_ndis ndis_sample_mp ndis_sample_cm \
	 condis_sig condis_eth condis_ethcm; do
	check "$m.ko loads" mod_load $m
done
check "veth loads" kmod veth
at_exit eth_down
check "a veth pair joins ndva and ndvb" ip link add ndva type veth peer name ndvb
ip link set ndva up
ip link set ndvb up
for a in $ETH; do
	check "$a: a condis_eth adapter with the stand-alone call manager" \
		"$CONDISCTL" adapter add dev $a kind ethernet-cm
done
check "ndis_sample_client.ko loads" mod_load ndis_sample_client
check "the client ran a call to its end on each adapter" wait_for 60 all_done
log=$(steps)
echo "${log//ndis_sample_/#   ndis_sample_}"
check "no step failed" test -n "${log##*ndis_sample_client: *failed*}"
for a in $ADAPTERS; do
	for s in "AF opened" "SAP registered" "incoming call: answering" \
		 "make call complete (calling end)" "call connected (called end)" \
		 "every frame echoed, every send completed" "call closed at both ends"; do
		check "$a: $s" test -z "${log##*"ndis_sample_client: $a: $s"*}"
	done
done
for a in lo ndismp0; do
	check "$a: OID request answered by the call manager" \
		test -z "${log##*"ndis_sample_client: $a: OID request answered by the call manager"*}"
done
check "the call manager asked the miniport its link speed with no AF (pended)" \
	test -z "${log##*"ndis_sample_cm: the miniport's link speed: 1000000000 bps (asked with no AF)"*}"
check "the call manager created a VC of its own to each miniport (NULL AF)" \
	test "$(grep -c "ndis_sample_cm: a VC of its own to the miniport (no AF) created" <<< "$log")" = 2
check "ndismp0: a send refused by the miniport completed with its status" \
	test -z "${log##*"ndis_sample_client: ndismp0: a send refused by the miniport completed with its status"*}"
check "the miniport's activations pended and completed" \
	test -z "${log##*"ndis_sample_mp: an activation pended and completed"*}"
check "a receive indicated with NDIS_RECEIVE_FLAGS_RESOURCES came back at once" \
	test -z "${log##*"ndis_sample_mp: a receive indicated with NDIS_RECEIVE_FLAGS_RESOURCES came back at once"*}"
check "no AF, SAP or VC left" wait_for 10 calls_objects_zero
# an adapter-wide status reaches every protocol bound to the adapter
status_seen() { steps | grep -q "^ndis_sample_client: ndva: the adapter's status $1"; }
ip link set ndva down
check "ndva down: the client hears NDIS_STATUS_NO_CABLE on its binding" \
	wait_for 10 status_seen 0xc001001f
ip link set ndva up
check "and up again: NDIS_STATUS_SUCCESS" wait_for 10 status_seen 0x00000000
check "ndis_sample_client.ko unloads" mod_unload ndis_sample_client

# unloaded while the call manager holds its SAP deregistrations: the
# client's unbind pends until the deregistration and the AF close are over
dmesg -C
hold=/sys/module/ndis_sample_cm/parameters/hold_deregister
tmp=$(mktemp -d)
step_on() { steps | grep -qF "ndis_sample_client: $1: $2"; }
# the call manager's adapters hold their deregistrations; the others run to their end
held() {
	local a
	for a in lo ndismp0; do step_on $a "call closed at both ends" || return 1; done
	for a in $ETH; do done_on $a || return 1; done
}
none_done() { ! done_on lo && ! done_on ndismp0; }
an_unbind_waits() { steps | grep -q "unbind waits for the SAP and the AF"; }
unload_client() { rmmod ndis_sample_client; echo $? > "$tmp/unload.rc"; }
echo 1 > $hold
check "the client again, the call manager holding SAP deregistrations" \
	mod_load ndis_sample_client
check "lo, ndismp0: their calls closed, the deregistrations held" wait_for 60 held
check "neither done while held" none_done
unload_client &
check "unloading it: an unbind waits for the SAP and the AF" wait_for 20 an_unbind_waits
echo 0 > $hold
wait
check "ndis_sample_client.ko unloads once they are over" test "$(cat "$tmp/unload.rc")" = 0
for a in lo ndismp0; do
	check "$a: the SAP deregistered and the AF closed" done_on $a
done
check "no AF, SAP or VC left by it" wait_for 10 calls_objects_zero
rm -r "$tmp"

dmesg -C
check "the client again" mod_load ndis_sample_client
check "it ran the calls again" wait_for 60 all_done
check "ndis_sample_cm.ko unloads under it" mod_unload ndis_sample_cm
check "ndis_sample_client.ko unloads" mod_unload ndis_sample_client
check "ndis_sample_mp.ko unloads" mod_unload ndis_sample_mp
halted=$(steps | grep 'ndis_sample_mp: halted')
echo "#   $halted"
check "the miniport had every receive it lent back" test -z "${halted##*, 0 not returned}"
check "the veth pair goes, and its adapters" eth_down
check "nothing left" wait_for 10 objects_zero
check "no verifier report" verifier_zero
for m in condis_ethcm condis_eth condis_sig condis_ndis condis_lo condis; do
	check "$m.ko unloads" mod_unload $m
done
exit $ret
