#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A client in an unprivileged user+net namespace (unshare -Urn as nobody:
# it holds CAP_NET_ADMIN over its namespace, so over condis there) with 100
# calls on the namespace's loopback adapter, half of them with an interface,
# is killed: the namespace goes away with it, its interfaces with the
# namespace while the socket's release hangs the calls up. 20 rounds
# (CONDIS_NETNS_ROUNDS); nothing is left, and KASAN has nothing to say (the
# harness reads the log).
set -u
source "$(dirname "$0")/lib.sh"
require_root

rounds=${CONDIS_NETNS_ROUNDS:-20}
check "condis.ko loads" mod_load condis
check "condis_lo.ko loads" mod_load condis_lo

# up_or_gone OUT PID: the client is ready, or it failed
up_or_gone() { grep -q ready "$1" || ! kill -0 "$2" 2>/dev/null; }

# round N: the client up in a namespace of its own, then killed
round() {
	local out=$T/netns-$1.out pid t0=$SECONDS t1
	setpriv --reuid=65534 --regid=65534 --clear-groups unshare -U -r -n \
		"$STRESS" states calls 100 netdevs 50 > "$out" 2>&1 &
	pid=$!
	if ! wait_for 300 up_or_gone "$out" $pid || ! grep -q ready "$out"; then
		show_log "$out" "netns-$1.out"
		kill -9 $pid
		return 1
	fi
	grep -q '"netdevs":50' "$out" || { show_log "$out" "netns-$1.out"; return 1; }
	t1=$SECONDS
	kill -9 $pid
	wait $pid 2>/dev/null
	wait_for 60 objects_zero || return 1
	log "round $1: up in $((t1 - t0)) s, gone in $((SECONDS - t1)) s"
}

ok=0
for ((r = 1; r <= rounds; r++)); do
	round $r && ok=$((ok + 1))
done
log "$ok of $rounds rounds"
check "every round: 100 calls and 50 interfaces killed with their namespace" \
	test "$ok" = "$rounds"
check "no condis object left" objects_zero
check "no call interface left" bash -c "! ip -o link | grep -q ' cdvc'"
check "condis_lo.ko unloads" mod_unload condis_lo
exit $ret
