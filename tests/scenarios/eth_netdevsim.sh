#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis_eth over netdevsim: two namespaces joined by linked netdevsim
# ports (the way netdevsim's peer.sh links them), an adapter bound to each
# port; the calls of eth-calls.inc; then deleting a netdevsim device with
# 1,000 calls up (ETH_CALLS_MANY; make stress: 10,000) tears every one down,
# out of RTNL.
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/eth-calls.inc"
require_root

eth_modules netdevsim
netns_add a
netns_add b
a=a-$nsid
b=b-$nsid
nsim_link "$a" "$b"
deva=${NSIM_DEVS[0]:-}
devb=${NSIM_DEVS[1]:-}
check "linked netdevsim ports, one in each namespace" test -n "$deva" -a -n "$devb"
ip -n "$a" addr add 10.77.0.1/24 dev "$deva"
ip -n "$b" addr add 10.77.0.2/24 dev "$devb"
ip -n "$a" link set "$deva" up
ip -n "$b" link set "$devb" up

eth_calls "$a" "$deva" "$b" "$devb"

# ---- deleting the netdevsim device with 1,000 calls up ---------------------
N=${ETH_CALLS_MANY:-1000}
# Calls are made 500 at a time, each batch connected before the next: the
# listener answers one call at a time, and a burst of ten thousand calls'
# events overruns a session's receive buffer. A slow host answers a batch
# late, not never: for the setup, condis's pend timeout is 5 minutes, and
# the SAP's accept timeout and condis_sig's answer wait 4.5 (a call not
# answered within them fails). A wait for an event gives up after 5
# minutes without one.
BATCH=500
pend=$(cat /sys/module/condis/parameters/pend_timeout_ms)
answer=$(cat /sys/module/condis_sig/parameters/answer_ms)
restore /sys/module/condis/parameters/pend_timeout_ms
echo 300000 > /sys/module/condis/parameters/pend_timeout_ms
echo 270000 > /sys/module/condis_sig/parameters/answer_ms
macb=$(mac_of "$b" "$devb")
sess_start A "$a"
sess_start L "$b"
sess A adapter add dev "$deva"; ada=$id
sess L adapter add dev "$devb"; adb=$id
sess A af open "$ada" type ethernet; afa=$id
sess L af open "$adb" type ethernet; afl=$id
# B's listener answers every call; its output drains to a file
lin=${S_IN[L]} lout=${S_OUT[L]}
echo "sap listen af $afl address bulk accept-timeout 270000 accept" >&"$lin"
cat <&"$lout" > "$T/listen.out" &
wait_for 20 grep -q '"state":"active"' "$T/listen.out"
made=0 up=0
for ((first = 0; first < N; first += BATCH)); do
	k=$((N - first < BATCH ? N - first : BATCH))
	t1=$SECONDS
	m=$(for ((i = 0; i < k; i++)); do
		echo "call make af $afa to bulk station $macb"
	done | sess_each A "$k" | tee "$T/made.txt" | grep -c '"state":"outgoing"')
	u=$(sess_n A "$k" monitor event request-done request call-make count "$k" timeout 300000 |
		tee "$T/up.txt" | grep -c '"status":0')
	log "calls $first and on: $m made, $u connected in $((SECONDS - t1)) s"
	made=$((made + m)) up=$((up + u))
	[ "$m" = "$k" ] && [ "$u" = "$k" ] && continue
	log "calls $first and on: $m of $k made, $u connected; the other answers:"
	cat "$T/made.txt" "$T/up.txt" | grep -v -e '"state":"outgoing"' -e '"status":0' |
		sed 's/"id":[0-9]*/"id":N/' | sort | uniq -c | sort -rn | head -5 | sed 's/^/#   /'
	break
done
echo "$pend" > /sys/module/condis/parameters/pend_timeout_ms
echo "$answer" > /sys/module/condis_sig/parameters/answer_ms
check "$N calls made" test "$made" = "$N"
check "all $N connect" test "$up" = "$N"
# (a one-shot process: bash reads a session's answer a byte at a time, and
# a thousand calls' dump is half a megabyte)
out=$("$CONDISCTL" -n "$a" -j call show |
	jq -c 'group_by(.state) | map({(.[0].state): length}) | add')
jqcheck "A has $N connected calls" "$out" ".connected == $N"
kmod dummy
t0=$SECONDS
echo "${NSIM_IDS[0]}" > /sys/bus/netdevsim/del_device &
del=$!
# the calls are torn down out of RTNL: the rest of the system goes on
# configuring interfaces meanwhile (the deletion waits for the teardown)
nap 0.5
ip link add cdmy0 type dummy && ip link del cdmy0
rtnl_free=no
kill -0 $del 2> /dev/null && rtnl_free=yes
wait $del
log "deleting the device with $N calls took $((SECONDS - t0)) s"
check "an interface added and deleted while the device with $N calls went" \
	test "$rtnl_free" = yes
# (read here, so that lost events cannot hold the scenario for hours)
in=${S_IN[A]} out=${S_OUT[A]}
echo "monitor event call-close count $N timeout 300000" >&"$in"
timeout $((600 + N / 10)) head -n "$N" <&"$out" > "$T/closes.txt"
out=$(grep -c '"event":"call-close"' "$T/closes.txt")
log "$out incoming closes"
check "deleting the device: every call of A gets its incoming close" test "$out" = "$N"
figure unplug "{\"calls\":$N,\"closed\":$out,\"seconds\":$((SECONDS - t0))}"
grep -v '"event":"call-close"' "$T/closes.txt" | head -3 | sed 's/^/#   other: /'
sess A adapter show; out=$ans
jqcheck "A's adapter went with the device" "$out" 'map(select(.kind == "ethernet")) | length == 0'
check "A's VCs are freed" wait_for 60 calls_gone_all A
"$CONDISCTL" -netns "$b" adapter del "$adb" > /dev/null	# L's output is drained
sess_kill L		# sap listen without a count listens until killed
sess_stop_all
check "no condis object left" wait_for 60 objects_zero

check "condis_ethcm.ko unloads" mod_unload condis_ethcm
check "condis_eth.ko unloads" mod_unload condis_eth
check "condis_sig.ko unloads" mod_unload condis_sig
exit $ret
