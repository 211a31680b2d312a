#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the integration scenarios, kselftest style: every
# scenario sources this, calls its checks, and exits with the ksft codes.
# Scenarios run as root inside the test guest (tests/vm/guest-check.sh),
# with CONDIS_MODDIR pointing at the built modules.

KSFT_PASS=0
T=${TMPDIR:-/tmp}	# scratch (in the guest: a tmpfs)
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

# nap SECONDS: sleep without a process (a fork costs a third of a second in
# the debug guest): a read that times out on a pipe nobody writes to.
exec {NAP_FD}<> <(:)
nap() { read -r -t "$1" -u "$NAP_FD" _; true; }

# wait_for TIMEOUT_S COMMAND...: poll until COMMAND succeeds (no sleeps
# as synchronisation): 0 when it did, 1 when the time ran out.
wait_for() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -ge "$deadline" ] && return 1
		nap 0.05
	done
}

# netns_add NAME: a namespace removed by cleanup.
netns_add() {
	ip netns add "$1-$nsid" && NETNS+=("$1-$nsid") && ip -n "$1-$nsid" link set lo up
}

mod_load() { lsmod | grep -q "^$1 " || insmod "$CONDIS_MODDIR/$1.ko"; }

# kmod NAME: load a module of the running kernel, with what it needs: from
# the test kernel's modules_install tree (CONDIS_KBUILD/modroot), else from
# the system's (a distro kernel).
kmod() {
	lsmod | grep -q "^$1 " && return 0
	if [ -n "${CONDIS_KBUILD:-}" ] && [ -d "$CONDIS_KBUILD/modroot" ]; then
		modprobe -d "$CONDIS_KBUILD/modroot" "$1"
	else
		modprobe "$1"
	fi
}
mod_unload() { ! lsmod | grep -q "^$1 " || rmmod "$1"; }

cleanup() {
	local ns
	declare -F sess_stop_all > /dev/null && sess_stop_all
	for ns in "${NETNS[@]}"; do ip netns del "$ns" 2>/dev/null; done
	[ -z "${CLEANUP_EXTRA:-}" ] || eval "$CLEANUP_EXTRA"
}
trap cleanup EXIT

require_root() {
	[ "$(id -u)" = 0 ] || { log "needs root"; exit $KSFT_SKIP; }
}

# ---- condisctl sessions ------------------------------------------------------
# A session is one `condisctl -j -n -b` process (one netlink socket, so the
# objects it creates live as long as it does; -n: requests answer at once,
# the script waits for their outcome with `monitor`), driven line by line:
#   sess_start A [NETNS]    start session A (in NETNS if given)
#   sess A COMMAND...       run COMMAND in A, print its one JSON line
#   sess_kill A             kill -9 A (what a crashed client does)
build=$(cd "${CONDIS_MODDIR:-.}/../.." 2>/dev/null && pwd)
CONDISCTL=${CONDISCTL:-$build/userspace/condisctl}
SESSIONS=()
SESS_FDS=()

sess_start() {
	local d fd
	d=$(mktemp -d -p "$T")
	mkfifo "$d/in" "$d/out"
	# the child must not hold other sessions' pipes: their EOF is their end
	(
		for fd in "${SESS_FDS[@]}"; do eval "exec $fd>&-"; done
		if [ -n "${2:-}" ]; then
			exec ip netns exec "$2" "$CONDISCTL" -j -n -b "$d/in" > "$d/out" 2> "$d/err"
		fi
		exec "$CONDISCTL" -j -n -b "$d/in" > "$d/out" 2> "$d/err"
	) &
	eval "S_$1_pid=$! S_$1_dir=$d"
	# the reader first: the shell opened the writing end for condisctl
	exec {fd}< "$d/out"
	eval "S_$1_out=$fd"
	SESS_FDS+=("$fd")
	exec {fd}> "$d/in"
	eval "S_$1_in=$fd"
	SESS_FDS+=("$fd")
	SESSIONS+=("$1")
}

sess() {
	local name=$1 in out line
	shift
	eval "in=\$S_${name}_in out=\$S_${name}_out"
	echo "$*" >&"$in"
	if ! read -r -t "${SESS_TIMEOUT:-60}" line <&"$out"; then
		echo '{"error":"no answer from the session"}'
		return 1
	fi
	echo "$line"
}

# sess_n NAME N COMMAND...: like sess, for a COMMAND printing N lines. head
# reads them in blocks (bash reads a pipe a byte at a time, and a syscall
# costs milliseconds in the debug guest); nothing follows them until the
# next command, so it cannot read past them.
sess_n() {
	local name=$1 n=$2 in
	shift 2
	eval "in=\$S_${name}_in"
	echo "$*" >&"$in"
	sess_lines "$name" "$n"
}

# sess_each NAME N: send the N commands on stdin to session NAME, print
# their N answers (one line each)
sess_each() {
	local name=$1 n=$2 in cmds
	eval "in=\$S_${name}_in"
	exec {cmds}<&0		# (an async command's own stdin is /dev/null)
	cat <&"$cmds" >&"$in" &
	exec {cmds}<&-
	sess_lines "$name" "$n"
	wait $!
}

# sess_lines NAME N: the next N lines session NAME prints
sess_lines() {
	local out
	eval "out=\$S_$1_out"
	timeout $((${SESS_TIMEOUT:-60} + $2)) head -n "$2" <&"$out"
}

sess_kill() {
	local pid
	eval "pid=\$S_$1_pid"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

sess_stop_all() {
	local s pid in out
	for s in "${SESSIONS[@]}"; do
		eval "pid=\$S_${s}_pid in=\$S_${s}_in out=\$S_${s}_out"
		{ exec {in}>&- {out}<&-; } 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	SESSIONS=()
	SESS_FDS=()
}

# jid: the "id" of the JSON line on stdin (no jq: processes are slow in TCG)
jid() {
	local line
	read -r line
	[[ $line =~ \"id\":([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}

# fast_json_eq JSON FILTER: true when FILTER is `.KEY == VALUE` (a number
# or a plain string) and JSON, one flat object, has KEY at VALUE; false
# otherwise, and then jq decides (one jq costs most of a second in the
# debug guest: about half the checks are this simple).
fast_json_eq() {
	local json=$1 filter=$2 key val
	[[ $filter =~ ^\.(\"?[a-z_-]+\"?)\ ==\ (-?[0-9]+|\"[^\"\\]*\")$ ]] || return 1
	key=${BASH_REMATCH[1]//\"/} val=${BASH_REMATCH[2]}
	[[ $json == \{* && ${json:1} != *[\{\[$'\n']* ]] || return 1
	[[ $json =~ [{,]\"$key\":(-?[0-9]+|\"[^\"\\]*\")[,}] ]] || return 1
	[ "${BASH_REMATCH[1]}" = "$val" ]
}

# jqcheck DESCRIPTION JSON FILTER: FILTER (jq -e) holds for JSON.
jqcheck() {
	local what=$1 json=$2 filter=$3
	if fast_json_eq "$json" "$filter" ||
	   jq -e "$filter" <<< "$json" > /dev/null 2>&1; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		echo "#   got: $json"
		echo "#   want: $filter"
		ret=$KSFT_FAIL
	fi
}

# objects_zero: condis holds no AF, SAP, VC or party (debugfs).
objects_zero() {
	! awk '$1 ~ /^(af|sap|vc|party|cmvc)$/ && $2 != 0' /sys/kernel/debug/condis/objects | grep -q .
}

# ---- reliability figures --------------------------------------------------------
STRESS=$build/userspace/stress/condis-stress
FUZZ=$build/userspace/fuzz/condis-fuzz

# figure NAME JSON: keep a reliability test's figures for the table make
# stress prints (tests/stress/report.py reads $CONDIS_RESULTS/figures.jsonl)
figure() {
	[ -n "${CONDIS_RESULTS:-}" ] && echo "{\"test\":\"$1\",\"figures\":$2}" >> "$CONDIS_RESULTS/figures.jsonl"
	log "figures $1: $2"
}

# show_log FILE NAME: the first 20 lines of a stress tool's stderr in the
# log; the whole of it kept as $CONDIS_RESULTS/NAME when there is more
show_log() {
	sed 's/^/#   /' "$1" | head -20
	[ -n "${CONDIS_RESULTS:-}" ] && [ -s "$1" ] && cp "$1" "$CONDIS_RESULTS/$2"
	[ "$(wc -l < "$1")" -le 20 ] || log "... $(wc -l < "$1") lines in all${CONDIS_RESULTS:+: $2 in the results}"
}

# verifier_zero: no contract violation counted (debugfs condis/verifier)
verifier_zero() {
	local out
	out=$(awk '$2 != 0' /sys/kernel/debug/condis/verifier)
	[ -z "$out" ] && return 0
	echo "$out" | sed 's/^/#   counted: /'
	return 1
}
