#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the integration scenarios, kselftest style: every
# scenario sources this, calls its checks, and exits with the ksft codes.
# Scenarios run as root inside the test guest (tests/vm/guest-check.sh),
# with CONDIS_MODDIR pointing at the built modules.

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

ret=$KSFT_PASS
nsid=$$
NETNS=()

log() { echo "# $*"; }

# check DESCRIPTION COMMAND...: run COMMAND, fail the scenario if it fails.
check() {
	local what=$1
	shift
	if "$@"; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		ret=$KSFT_FAIL
	fi
}

# wait_for TIMEOUT_S COMMAND...: poll until COMMAND succeeds (no sleeps
# as synchronisation): 0 when it did, 1 when the time ran out.
wait_for() {
	local deadline=$(( $(date +%s) + $1 ))
	shift
	until "$@"; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

# netns_add NAME: a namespace removed by cleanup.
netns_add() {
	ip netns add "$1-$nsid" && NETNS+=("$1-$nsid") && ip -n "$1-$nsid" link set lo up
}

mod_load() { lsmod | grep -q "^$1 " || insmod "$CONDIS_MODDIR/$1.ko"; }
mod_unload() { ! lsmod | grep -q "^$1 " || rmmod "$1"; }

cleanup() {
	local ns
	for ns in "${NETNS[@]}"; do ip netns del "$ns" 2>/dev/null; done
	[ -n "${CLEANUP_EXTRA:-}" ] && eval "$CLEANUP_EXTRA"
}
trap cleanup EXIT

require_root() {
	[ "$(id -u)" = 0 ] || { log "needs root"; exit $KSFT_SKIP; }
}
