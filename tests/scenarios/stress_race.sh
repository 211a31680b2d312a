#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Concurrency stress for STRESS_SECONDS (default 30) on every vCPU:
# condis-stress race runs clients in parallel threads (make, close, accept,
# reject, party add and drop, QoS, SAPs, AFs, frames in flight, clients
# dropped whole) while this script reloads condis_lo under them (their
# adapter unbound with everything on it) and binds and unbinds Ethernet
# adapters. Afterwards every pended request has ended, no object is left
# and the verifier counted nothing.
set -u
source "$(dirname "$0")/lib.sh"
require_root
secs=${STRESS_SECONDS:-30}

for m in condis condis_lo condis_sig condis_eth condis_ethcm; do
	check "$m.ko loads" mod_load $m
done
kmod veth
ip link add crs0 type veth peer name crs1
ip link set crs0 up && ip link set crs1 up
del_at_exit crs0

log "$secs s, $(nproc) vCPUs, 4 threads"
"$STRESS" race seconds "$secs" threads 4 > "$T/race.out" 2> "$T/race.err" &
pid=$!
reloads=0 binds=0
nap 3
while kill -0 $pid 2>/dev/null; do
	if rmmod condis_lo 2>/dev/null; then
		insmod "$CONDIS_MODDIR/condis_lo.ko" && reloads=$((reloads + 1))
	fi
	id=$("$CONDISCTL" -j adapter add dev crs0 | jid)
	[ -n "$id" ] && "$CONDISCTL" adapter del "$id" && binds=$((binds + 1))
	nap 2
done
wait $pid
rc=$?
check "race: no request left pending, no object left" test $rc = 0
show_log "$T/race.err" race.err
out=$(cat "$T/race.out")
jqcheck "the threads did work" "$out" '.ops > 100 and .ops_ok > 0'
log "condis_lo reloaded $reloads times, adapters bound $binds times"
check "condis_lo was reloaded under them" test $reloads -gt 0
check "adapters were bound and unbound beside them" test $binds -gt 0
figure race "$(jq -c ". + {module_reloads: $reloads, adapter_binds: $binds}" <<< "$out")"
check "no object left" wait_for 30 objects_zero
check "no verifier report" verifier_zero

for m in condis_ethcm condis_eth condis_sig condis_lo condis; do
	check "$m.ko unloads" mod_unload $m
done
exit $ret
