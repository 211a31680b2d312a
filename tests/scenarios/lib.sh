#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the integration scenarios, kselftest style: every
# scenario sources this, calls its checks, and exits with the ksft codes.
# Scenarios run as root inside the test guest (tests/vm/guest-check.sh),
# with CONDIS_MODDIR pointing at the built modules, and `set -u` (a
# variable used unset is a bug, not an empty string).

KSFT_PASS=0
T=${TMPDIR:-/tmp}	# scratch (in the guest: a tmpfs)
KSFT_FAIL=1
KSFT_SKIP=4

# How long a session waits for an event or a frame (condisctl's timeout, ms).
WAIT_MS=20000
# NDIS statuses as condisctl -j prints them (ndis-status, unsigned).
NDIS_STATUS_NO_CABLE=3221291039		# 0xC001001F
NDIS_STATUS_INVALID_ADDRESS=3221291042	# 0xC0010022
NDIS_STATUS_INCOMPATIBLE_QOS=3221291047	# 0xC0010027

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

# veth_pair NS_A DEV_A NS_B DEV_B: a veth pair joining two namespaces, up
veth_pair() {
	ip link add "$2" netns "$1" type veth peer name "$4" netns "$3" &&
	ip -n "$1" link set "$2" up && ip -n "$3" link set "$4" up
}

# mac_of NS DEV: DEV's MAC address (no jq: processes are slow in the debug
# guest, jq most of all)
mac_of() { local l; l=$(ip -n "$1" -br link show "$2") && set -- $l && echo "$3"; }

# (a loaded module has /sys/module/NAME/initstate: no lsmod, no process)
loaded() { [ -e "/sys/module/$1/initstate" ]; }
mod_load() { loaded "$1" || insmod "$CONDIS_MODDIR/$1.ko"; }

# kmod NAME: load a module of the running kernel, with what it needs: from
# the test kernel's modules_install tree (CONDIS_KBUILD/modroot), else from
# the system's (a distro kernel).
kmod() {
	[ -e "/sys/module/$1" ] && return 0	# loaded, or built in
	if [ -n "${CONDIS_KBUILD:-}" ] && [ -d "$CONDIS_KBUILD/modroot" ]; then
		modprobe -d "$CONDIS_KBUILD/modroot" "$1"
	else
		modprobe "$1"
	fi
}
mod_unload() { ! loaded "$1" || rmmod "$1"; }

# When the scenario exits, after its sessions and namespaces went:
#   at_exit FUNCTION    run FUNCTION (in the order registered)
#   del_at_exit DEV     delete interface DEV
#   restore FILE        write FILE's value of now back into it (last first)
AT_EXIT=() DEL_LINKS=() RESTORE_FILES=() RESTORE_VALUES=()
at_exit() { AT_EXIT+=("$1"); }
del_at_exit() { DEL_LINKS+=("$1"); }
restore() { RESTORE_FILES+=("$1"); RESTORE_VALUES+=("$(<"$1")"); }

cleanup() {
	local ns f dev i
	declare -F sess_stop_all > /dev/null && sess_stop_all
	for ns in "${NETNS[@]}"; do ip netns del "$ns" 2>/dev/null; done
	for f in "${AT_EXIT[@]}"; do "$f"; done
	for dev in "${DEL_LINKS[@]}"; do ip link del "$dev" 2>/dev/null; done
	for ((i = ${#RESTORE_FILES[@]} - 1; i >= 0; i--)); do	# (a module may be gone)
		[ ! -e "${RESTORE_FILES[i]}" ] || echo "${RESTORE_VALUES[i]}" > "${RESTORE_FILES[i]}"
	done
}
trap cleanup EXIT

require_root() {
	[ "$(id -u)" = 0 ] || { log "needs root"; exit $KSFT_SKIP; }
}

# ---- condisctl sessions ------------------------------------------------------
# A session is one `condisctl -j -s -W -b` process (one netlink socket, so the
# objects it creates live as long as it does; -W: requests answer at once,
# the script waits for their outcome with `monitor`; -s: show has the
# counters), driven line by line:
#   sess_start A [NETNS]    start session A (in NETNS if given)
#   sess A COMMAND...       run COMMAND in A: its one JSON line in $ans, the
#                           "id" in it in $id
#   sess_kill A             kill -9 A (what a crashed client does)
# sess prints nothing: `sess A ...; x=$ans`, not `x=$(sess A ...)`, which
# costs a process (a fork takes most of a tenth of a second in a debug guest).
build=$(cd "${CONDIS_MODDIR:-.}/../.." 2>/dev/null && pwd)
CONDISCTL=${CONDISCTL:-$build/userspace/condisctl}
SESSIONS=()
SESS_FDS=()
# per session: its condisctl's pid, and the shell's ends of its pipes
declare -A S_PID S_IN S_OUT

sess_start() {
	local d fd
	# (without it the fifo's open below would wait for ever)
	[ -x "$CONDISCTL" ] || { log "no $CONDISCTL: build it (make userspace)"; exit 1; }
	d=$(mktemp -d -p "$T")
	mkfifo "$d/in" "$d/out"
	# the child must not hold other sessions' pipes: their EOF is their end
	(
		for fd in "${SESS_FDS[@]}"; do exec {fd}>&-; done
		exec "$CONDISCTL" ${2:+-n "$2"} -j -s -W -b "$d/in" > "$d/out" 2> "$d/err"
	) &
	S_PID[$1]=$!
	# the reader first: the shell opened the writing end for condisctl
	exec {fd}< "$d/out"
	S_OUT[$1]=$fd
	SESS_FDS+=("$fd")
	exec {fd}> "$d/in"
	S_IN[$1]=$fd
	SESS_FDS+=("$fd")
	SESSIONS+=("$1")
}

ans= id=
sess() {
	local name=$1 in out
	shift
	in=${S_IN[$name]} out=${S_OUT[$name]}
	echo "$*" >&"$in"
	id=
	if ! read -r -t "${SESS_TIMEOUT:-60}" ans <&"$out"; then
		ans='{"error":"no answer from the session"}'
		return 1
	fi
	[[ $ans =~ \"id\":([0-9]+) ]] && id=${BASH_REMATCH[1]}
	return 0
}

# sess_n NAME N COMMAND...: like sess, for a COMMAND printing N lines. head
# reads them in blocks (bash reads a pipe a byte at a time, and a syscall
# costs milliseconds in the debug guest); nothing follows them until the
# next command, so it cannot read past them.
sess_n() {
	local name=$1 n=$2 in
	shift 2
	in=${S_IN[$name]}
	echo "$*" >&"$in"
	sess_lines "$name" "$n"
}

# sess_each NAME N: send the N commands on stdin to session NAME, print
# their N answers (one line each)
sess_each() {
	local name=$1 n=$2 in cmds
	in=${S_IN[$name]}
	exec {cmds}<&0		# (an async command's own stdin is /dev/null)
	cat <&"$cmds" >&"$in" &
	exec {cmds}<&-
	sess_lines "$name" "$n"
	wait $!
}

# sess_lines NAME N: the next N lines session NAME prints
sess_lines() {
	local out=${S_OUT[$1]}
	timeout $((${SESS_TIMEOUT:-60} + $2)) head -n "$2" <&"$out"
}

sess_kill() {
	local pid=${S_PID[$1]}
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

sess_stop_all() {
	local s pid in out
	for s in "${SESSIONS[@]}"; do
		pid=${S_PID[$s]} in=${S_IN[$s]} out=${S_OUT[$s]}
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

# fast_json JSON FILTER: true when JSON is one flat object and FILTER is
# TERM [and TERM]..., each TERM `.KEY OP VALUE` (OP one of == != > >= < <=,
# VALUE a number, a plain string or null) that holds for it; false
# otherwise, and then jq decides (one jq costs most of a second in the
# debug guest: most checks are this simple).
fast_json() {
	local json=$1 filter=$2 term key op want got
	[[ $json == \{* && ${json:1} != *[\{\[$'\n']* ]] || return 1
	[[ $filter == *[\(\|]* || $filter == *" or "* ]] && return 1
	filter+=" and "
	while [ -n "$filter" ]; do
		term=${filter%% and *} filter=${filter#* and }
		[[ $term =~ ^\.(\"?[a-z_-]+\"?)\ (==|!=|>|>=|<|<=)\ (-?[0-9]+|\"[^\"\\]*\"|null)$ ]] ||
			return 1
		key=${BASH_REMATCH[1]//\"/} op=${BASH_REMATCH[2]} want=${BASH_REMATCH[3]}
		[[ $json =~ [{,]\"$key\":(-?[0-9]+|\"[^\"\\]*\"|null|true|false)[,}] ]] || return 1
		got=${BASH_REMATCH[1]}
		case $op in
		==) [ "$got" = "$want" ] ;;
		!=) [ "$got" != "$want" ] && [ "$got" != null ] ;;
		*) [[ $got =~ ^-?[0-9]+$ && $want =~ ^-?[0-9]+$ ]] && (( got $op want )) ;;
		esac || return 1
	done
}

# jqcheck DESCRIPTION JSON FILTER: FILTER (jq -e) holds for JSON.
jqcheck() {
	local what=$1 json=$2 filter=$3
	if fast_json "$json" "$filter" ||
	   jq -e "$filter" <<< "$json" > /dev/null 2>&1; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		echo "#   got: $json"
		echo "#   want: $filter"
		ret=$KSFT_FAIL
	fi
}

# hex FILE: its bytes as hex digits, for a vc send 0x...
hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }

# done_of SESSION REQUEST ID: wait for the outcome of a request that pended
done_of() { sess "$1" monitor event request-done request "$2" id "$3" count 1 timeout $WAIT_MS; }

# calls_gone SESSION ID...: no call with these ids is left (the session's view)
calls_gone() {
	local s=$1 list id
	shift
	sess "$s" call show; list=$ans
	for id in "$@"; do
		[[ $list == *"\"id\":$id,"* ]] && return 1
	done
	return 0
}

# call_up SESSION ID...: every one of these calls is still there
call_up() { ! calls_gone "$@"; }

# objects_zero: condis holds no AF, SAP, VC or party (debugfs).
objects_zero() {
	local type n
	while read -r type n _; do
		case $type in af|sap|vc|party|cmvc) [ "$n" = 0 ] || return 1 ;; esac
	done < /sys/kernel/debug/condis/objects
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
	local rule n rc=0
	while read -r rule n _; do
		[ "$n" = 0 ] && continue
		echo "#   counted: $rule $n"
		rc=1
	done < /sys/kernel/debug/condis/verifier
	return $rc
}
