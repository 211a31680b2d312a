#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The NDIS-style samples (kernel/ndis_samples/, written against
# <net/condis_ndis.h>) run a call end to end over the loopback adapter:
# ndis_sample_cm registers its address family on condis_lo's adapter,
# ndis_sample_client opens it, registers a SAP, calls it, accepts the call,
# sends a frame, closes, deregisters and closes the AF. Each step is in
# the kernel log; nothing is left and the verifier counts nothing. Then
# the client again, and the call manager unloaded before it.
set -u
source "$(dirname "$0")/lib.sh"
require_root

steps() { dmesg | grep -o 'ndis_sample_client: .*'; }
done_line() { steps | grep -q '^ndis_sample_client: done'; }

dmesg -C
for m in condis condis_lo ndis_sample_cm; do
	check "$m.ko loads" mod_load $m
done
check "ndis_sample_client.ko loads" mod_load ndis_sample_client
check "the client ran the call to its end" wait_for 60 done_line
log=$(steps)
echo "${log//ndis_sample_client/#   ndis_sample_client}"
check "no step failed" test -n "${log##*ndis_sample_client: failed*}"
for s in "AF opened" "SAP registered" "incoming call accepted" "make call complete" \
	 "call connected (called end)" "frame sent and completed" "call closed at both ends"; do
	check "step: $s" test -z "${log##*"ndis_sample_client: $s"*}"
done
check "no AF, SAP or VC left" wait_for 10 objects_zero
check "ndis_sample_client.ko unloads" mod_unload ndis_sample_client

dmesg -C
check "the client again" mod_load ndis_sample_client
check "it ran the call again" wait_for 60 done_line
check "ndis_sample_cm.ko unloads under it" mod_unload ndis_sample_cm
check "ndis_sample_client.ko unloads" mod_unload ndis_sample_client
check "nothing left" wait_for 10 objects_zero
check "no verifier report" verifier_zero
for m in condis_lo condis; do
	check "$m.ko unloads" mod_unload $m
done
exit $ret
