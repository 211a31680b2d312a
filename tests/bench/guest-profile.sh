#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Profile one benchmark in the bench guest: perf (sampling on cpu-clock,
# TCG has no PMU) records the whole guest while it runs; the report goes
# to $CONDIS_RESULTS/profile.txt (flat), profile-callers.txt and
# profile-events.txt (a second run: work items, context switches and
# condis's deliveries counted). BENCH_PROFILE (from run.sh --profile):
#   cycle        the in-kernel call cycle, one CPU
#   calls        call setup and teardown over netdevsim, 64 in flight,
#                answered by the kernel (the SAP's backlog), as make
#                bench's calls-64 row
#   calls-1      the same, one call in flight (the calls-1 row)
#   calls-answer the same answered by the listening process (calls-answer-64)
#   vc-send      64-byte frames on one VC
#   packet-send  the same through AF_PACKET
#   ppp          64-byte UDP over PPP over a condis_pppoe call (pppd and
#                condis.so both ends), as make bench's section 6 sends it
#   dump         netlink dumps of 100,000 held calls, their states only,
#                parsed by libcondis (section 5)
source "$(dirname "$0")/setup.inc"

case=${BENCH_PROFILE:?}
bench_modules
case $case in
cycle) cmd=(sh -c "echo 'cycle 20000 one' > $CTL") ;;
calls|calls-1|calls-answer|vc-send|packet-send)
	bench_link
	to="to bench station $macb"
	case $case in
	calls) cmd=(ip netns exec "$a" "$BENCH" calls adapter "$ada" to bench-bl station "$macb"
		    count 5000 inflight 64) ;;
	calls-1) cmd=(ip netns exec "$a" "$BENCH" calls adapter "$ada" to bench-bl station "$macb"
		      count 3000 inflight 1) ;;
	calls-answer) cmd=(ip netns exec "$a" "$BENCH" calls adapter "$ada" $to count 5000 inflight 64) ;;
	vc-send) cmd=(ip netns exec "$a" "$BENCH" vc-send adapter "$ada" $to vcs 1 count 200000 size 64) ;;
	*) cmd=(ip netns exec "$a" "$BENCH" packet-send dev "$deva" station "$macb" count 200000 size 64) ;;
	esac ;;
ppp)
	bench_pppoe
	ppp_dial condis
	cmd=(ip netns exec "$pc" iperf3 -c "${PPP_AC[condis]}.1" -u -b 0 -l 64 -t 3) ;;
dump)
	echo "hold-calls 100000" > "$CTL" || fail "holding calls"
	cmd=(sh -c "for i in 1 2 3 4 5; do $BENCH dump-parse fields 8 || exit 1; done") ;;
*) fail "unknown profile case $case" ;;
esac

perf record -q -e cpu-clock -F 2000 -a -g -o "$T/perf.data" -- "${cmd[@]}" ||
	fail "perf record ${cmd[*]}"
{
	echo "# ${cmd[*]}"
	perf report -q -i "$T/perf.data" --no-children --sort sym --stdio -g none --percent-limit 0.3
} > "$R/profile.txt" 2>&1
perf report -q -i "$T/perf.data" --no-children --sort sym --stdio -g caller \
	--percent-limit 2 > "$R/profile-callers.txt" 2>&1
perf report -q -i "$T/perf.data" --children --sort sym --stdio -g none \
	--percent-limit 1 > "$R/profile-inclusive.txt" 2>&1
# the benchmark again, counting its work items by function, the context
# switches (the hops a profile of instructions shows only as cost) and
# condis's deliveries by chain: on its worker, or in a direct completion
perf record -q -e workqueue:workqueue_execute_start -e sched:sched_switch \
	-e condis:condis_deliver -a -g -o "$T/events.data" -- "${cmd[@]}" ||
	fail "perf record (events) ${cmd[*]}"
{
	echo "# ${cmd[*]}: work items by function, context switches, deliveries"
	perf script -i "$T/events.data" -F event,trace,ip,sym 2>/dev/null | awk '
		function flush() { if (dl != "") n["deliver " dl (worker ? " (worker)" : " (direct)")]++
				   dl = ""; worker = 0 }
		/workqueue_execute_start/ { flush(); for (i = 1; i < NF; i++)
						if ($i == "function") n["work " $(i + 1)]++
					    next }
		/sched_switch/ { flush(); n["context switches"]++; next }
		/condis_deliver/ { flush(); for (i = 1; i < NF; i++)
					if ($i ~ /condis_deliver:$/) dl = $(i + 1)
				   next }
		/cd_evq_work/ { worker = 1 }
		END { flush(); for (k in n) print n[k], k }' | sort -rn | head -30
} > "$R/profile-events.txt"
log "profile of $case: $R/profile.txt"
exit 0
