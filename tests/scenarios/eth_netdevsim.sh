#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis_eth over netdevsim: two namespaces joined by linked netdevsim
# ports (the way netdevsim's peer.sh links them), an adapter bound to each
# port; the calls of eth-calls.inc; then deleting a netdevsim device with
# 1,000 calls up tears every one down.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/eth-calls.inc"
require_root

NSIM_A=$((10000 + RANDOM % 10000))
NSIM_B=$((NSIM_A + 1))
CLEANUP_EXTRA='echo $NSIM_A > /sys/bus/netdevsim/del_device 2>/dev/null;
	echo $NSIM_B > /sys/bus/netdevsim/del_device 2>/dev/null'

check "condis.ko loads" mod_load condis
check "condis_sig.ko loads" mod_load condis_sig
check "condis_eth.ko loads" mod_load condis_eth
check "netdevsim loads" kmod netdevsim
netns_add a
netns_add b
a=a-$nsid
b=b-$nsid

# nsim_port ID NS: a netdevsim device with one port, moved into NS; its name
nsim_port() {
	local dev
	echo "$1 1" > /sys/bus/netdevsim/new_device || return 1
	wait_for 10 test -d "/sys/bus/netdevsim/devices/netdevsim$1/net" || return 1
	dev=$(ls "/sys/bus/netdevsim/devices/netdevsim$1/net")
	ip link set "$dev" netns "$2" && echo "$dev"
}
deva=$(nsim_port $NSIM_A "$a")
devb=$(nsim_port $NSIM_B "$b")
check "a netdevsim port in each namespace" test -n "$deva" -a -n "$devb"
idxa=$(ip -n "$a" -j link show "$deva" | jq '.[0].ifindex')
idxb=$(ip -n "$b" -j link show "$devb" | jq '.[0].ifindex')
exec {fda}< "/run/netns/$a"
exec {fdb}< "/run/netns/$b"
check "the ports are linked" \
	bash -c "echo '$fda:$idxa $fdb:$idxb' > /sys/bus/netdevsim/link_device"
exec {fda}<&- {fdb}<&-
ip -n "$a" addr add 10.77.0.1/24 dev "$deva"
ip -n "$b" addr add 10.77.0.2/24 dev "$devb"
ip -n "$a" link set "$deva" up
ip -n "$b" link set "$devb" up

eth_calls "$a" "$deva" "$b" "$devb"

# ---- deleting the netdevsim device with 1,000 calls up ---------------------
N=${ETH_CALLS_MANY:-1000}
macb=$(mac_of "$b" "$devb")
sess_start A "$a"
sess_start L "$b"
ada=$(sess A adapter add dev "$deva" | jid)
adb=$(sess L adapter add dev "$devb" | jid)
afa=$(sess A af open "$ada" type ethernet | jid)
afl=$(sess L af open "$adb" type ethernet | jid)
# B's listener answers every call; its output drains to a file
eval "lin=\$S_L_in lout=\$S_L_out"
echo "sap listen af $afl address bulk accept" >&"$lin"
cat <&"$lout" > "$T/listen.out" &
wait_for 20 grep -q '"state":"active"' "$T/listen.out"
made=$(for i in $(seq 1 "$N"); do
	sess A call make af "$afa" to bulk station "$macb"
done | grep -c '"state":"outgoing"')
check "$N calls made" test "$made" = "$N"
out=$(sess_n A "$N" monitor event request-done request call-make count "$N" timeout 300000 |
	grep -c '"status":0')
check "all $N connect" test "$out" = "$N"
out=$(sess A call show | jq -c 'group_by(.state) | map({(.[0].state): length}) | add')
jqcheck "A has $N connected calls" "$out" ".connected == $N"
echo "$NSIM_A" > /sys/bus/netdevsim/del_device
out=$(sess_n A "$N" monitor event call-close count "$N" timeout 300000 | grep -c call-close)
check "deleting the device: every call of A gets its incoming close ($out)" test "$out" = "$N"
out=$(sess A adapter show)
jqcheck "A's adapter went with the device" "$out" 'map(select(.kind == "ethernet")) | length == 0'
check "A's VCs are freed" wait_for 60 calls_gone_all A
ip netns exec "$b" "$CONDISCTL" adapter del "$adb" > /dev/null	# L's output is drained
sess_stop_all
check "no condis object left" wait_for 60 objects_zero

check "condis_eth.ko unloads" mod_unload condis_eth
check "condis_sig.ko unloads" mod_unload condis_sig
exit $ret
