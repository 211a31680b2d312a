#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks, in the bench guest (tests/bench/run.sh boots it). Every
# measurement is taken BENCH_REPS times, each time with its baseline right
# beside it, and appended to $CONDIS_RESULTS/bench.raw as
#   CASE key=value ...
# tests/bench/report.py turns that into the table. Nothing here judges a
# time: a step that fails to run fails the run, a slow one does not.
#
# BENCH_SCALE=1 (default): the sizes the issue asks for (1,000,000 VCs and
# calls); BENCH_SCALE=small: a quick pass over every case (development).
source "$(dirname "$0")/setup.inc"

REPS=${BENCH_REPS:-7}
RAW=$R/bench.raw
: > "$RAW"
if [ "${BENCH_SCALE:-1}" = small ]; then
	BIG=20000 MID=2000 CYC=300 CALLS=200 FRAMES=5000 UNPLUG=1000
else
	BIG=1000000 MID=100000 CYC=3000 CALLS=2000 FRAMES=100000 UNPLUG=10000
fi

# kctl CASE COMMAND: run a condis_bench command, record its result as CASE
kctl() {
	echo "$2" > "$CTL" || fail "condis_bench: $2"
	sed "s/^/$1 /" "$CTL" >> "$RAW"
}
# rec CASE COMMAND...: run a condis-bench mode, record its line as CASE
rec() {
	local case=$1 out
	shift
	out=$("$@") || fail "$case: $*"
	echo "$case $out" >> "$RAW"
}

# BENCH_ONLY=link, pppoe or unplug: only sections 2 and 3, 6 or 7;
# -pppoe: all but 6 (run.sh runs it in a guest of its own)
only=${BENCH_ONLY:-}
# section NAME: whether BENCH_ONLY lets section NAME (main: 1, 4, 5) run
section() {
	[ -z "$only" ] || [ "$only" = "$1" ] ||
		{ [ "${only#-}" != "$only" ] && [ "${only#-}" != "$1" ]; }
}
log "guest: $(nproc) vCPUs, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), kernel $(uname -r)"
echo "machine cpus=$(nproc) kernel=$(uname -r) icount=${BENCH_ICOUNT:-0}" >> "$RAW"
bench_modules

if section main; then
# ---- 1. in-kernel call cycle against its workqueue floor ---------------------
# hops: condis work items run per cycle, counted with the workqueue
# tracepoint over a short run
tr=/sys/kernel/tracing
[ -d $tr/events ] || mount -t tracefs nodev $tr
echo 0 > $tr/tracing_on
: > $tr/trace
echo 1 > $tr/events/workqueue/workqueue_execute_start/enable
echo 1 > $tr/tracing_on
echo "cycle 200 one" > "$CTL" || fail "cycle for hops"
echo 0 > $tr/tracing_on
echo 0 > $tr/events/workqueue/workqueue_execute_start/enable
echo "hops n=200 works=$(grep -c 'function cd_evq_work' $tr/trace)" >> "$RAW"
: > $tr/trace

for ((r = 0; r < REPS; r++)); do
	for t in one all; do
		kctl "floor-$t" "floor $((CYC * 4)) $t"
		kctl "cycle-$t" "cycle $CYC $t"
	done
	kctl "cycle-lo-one" "cycle $((CYC / 4)) one lo"
done

# ---- 4. memory per idle VC and per call; the cycle at 1,000 and many calls ----
# (each beside its floor: the two sizes run minutes apart, the host drifts)
kctl "mem-calls-1000" "hold-calls 1000"
for ((r = 0; r < REPS; r++)); do
	kctl "scale-floor-1000" "floor $((CYC * 4)) one"
	kctl "scale-cycle-1000" "cycle $CYC one"
done
kctl "release-calls-1000" release
for n in $MID $BIG; do
	kctl "mem-vcs-$n" "hold-vcs $n"
	kctl "release-vcs-$n" release
	kctl "mem-calls-$n" "hold-calls $n"
	if [ "$n" = $BIG ]; then
		# 5. netlink: dump the live calls, against walking them in the
		# kernel; every field of each, and only its state (fields 8:
		# what the walk reads)
		for ((r = 0; r < REPS; r++)); do
			rec "dump-$n" "$BENCH" dump
			rec "dump-parse-$n" "$BENCH" dump-parse
			rec "dump-state-$n" "$BENCH" dump fields 8
			rec "dump-parse-state-$n" "$BENCH" dump-parse fields 8
			rec "walk-$n" "$BENCH" read-file path /sys/kernel/debug/condis/calls
		done
	fi
	for ((r = 0; r < REPS; r++)); do
		kctl "scale-floor-$n" "floor $((CYC * 4)) one"
		kctl "scale-cycle-$n" "cycle $CYC one"
	done
	kctl "release-calls-$n" release
	kctl "mem-calls-lo-$n" "hold-calls $n lo"
	kctl "release-calls-lo-$n" release
done
fi

if section link; then
# ---- 2./3. over linked netdevsim ports between two namespaces --------------
# calls to B's SAP with a backlog (the kernel accepts, as TCP's listen()
# does) and to the one whose process answers each call, beside TCP
bench_link
to="to bench station $macb"
for ((r = 0; r < REPS; r++)); do
	for k in 64 1; do
		n=$((k == 1 ? CALLS / 10 : CALLS))
		rec calls-$k ip netns exec "$a" "$BENCH" calls adapter "$ada" to bench-bl \
			station "$macb" count $n inflight $k
		rec tcp-$k ip netns exec "$a" "$BENCH" tcp-connect addr 10.77.0.2 port 5001 \
			count $n inflight $k
		rec calls-answer-$k ip netns exec "$a" "$BENCH" calls adapter "$ada" $to \
			count $n inflight $k
	done
done

for ((r = 0; r < REPS; r++)); do
	for size in 64 1400; do
		for v in 1 64; do
			rec "vc-$v-$size" ip netns exec "$a" "$BENCH" vc-send adapter "$ada" $to \
				vcs $v count $FRAMES size $size
		done
		rec "packet-$size" ip netns exec "$a" "$BENCH" packet-send dev "$deva" \
			station "$macb" count $FRAMES size $size
	done
done
fi

if section unplug; then
# ---- 7. many Ethernet calls: their memory, and deleting the device under them --
# (once: the last use of the link, whose device A goes). A holds $UNPLUG
# calls to B (condis_eth and condis_sig at both ends, netlink clients
# making and answering them): the setup's time and the slab they took.
# Then A's netdevsim device is deleted with them up; meanwhile a probe
# changes an interface again and again, each change waiting for RTNL: the
# longest wait bounds what the teardown held RTNL for.
[ -n "${a:-}" ] || bench_link
to="to bench station $macb"
ip netns exec "$a" "$BENCH" hold-calls adapter "$ada" $to count $UNPLUG inflight 64 \
	> "$T/hold.out" 2>&1 &
holder=$!
held() { grep -q '^hold-calls' "$T/hold.out" || ! kill -0 $holder 2> /dev/null; }
wait_for 3600 held
grep '^hold-calls' "$T/hold.out" | sed 's/^/unplug-setup /' >> "$RAW"
grep -q '^hold-calls' "$T/hold.out" || fail "holding $UNPLUG calls: $(cat "$T/hold.out")"
kmod dummy && ip link add cdprobe0 type dummy || fail "the probe's interface"
rtnl_probe() {
	local t0 dt max=0 i=0
	while [ ! -e "$T/probe.stop" ]; do
		t0=$(date +%s%N)
		ip link set cdprobe0 mtu $((1400 + i++ % 2))
		dt=$(($(date +%s%N) - t0))
		[ $dt -gt $max ] && max=$dt
		nap 0.05
	done
	echo "unplug-rtnl n=$i max_ns=$max" >> "$RAW"
}
rtnl_probe &
probe=$!
t0=$(date +%s%N)
echo "${NSIM_IDS[0]}" > /sys/bus/netdevsim/del_device &
del=$!
wait $holder || fail "the calls' closes: $(cat "$T/hold.out")"
echo "unplug-teardown n=$(sed -n 's/^closed n=\([0-9]*\).*/\1/p' "$T/hold.out") ns=$(($(date +%s%N) - t0))" >> "$RAW"
wait $del
echo "unplug-delete n=1 ns=$(($(date +%s%N) - t0))" >> "$RAW"
: > "$T/probe.stop"
wait $probe
ip link del cdprobe0
fi

if section pppoe; then
# ---- 6. PPP over condis_pppoe against PPP over the kernel's pppoe.ko ---------
# the same access concentrator (condis's, with pppd over condis: a kernel
# data path), over one veth link, a service for each client pppd. Setup:
# each dials by turns, REPS times. Rates: both sessions up, the two taken
# by turns.
bench_pppoe
for ((r = 0; r < REPS; r++)); do
	for p in pppoe condis; do
		ppp_dial $p
		echo "ppp-setup-$p n=1 ns=$setup_ns" >> "$RAW"
		[ $r = $((REPS - 1)) ] || ppp_hangup $p
	done
done
for ((r = 0; r < REPS; r++)); do
	for size in 64 1400; do
		for p in pppoe condis; do
			echo "ppp-$p-$size $(ppp_pps $p $size)" >> "$RAW"
		done
	done
done
ppp_hangup pppoe
ppp_hangup condis
fi

log "done: $(wc -l < "$RAW") results"
exit 0
