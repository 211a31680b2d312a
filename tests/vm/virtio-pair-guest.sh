#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# One side of tests/vm/virtio-pair.sh, in a test guest. ROLE b registers
# SAP svc1 and accepts one call; ROLE a calls it (until B is there), then
# both carry IP over the call and A pings B; A closes, B sees it.
#
#   virtio-pair-guest.sh { a | b }
role=$1
source "$(dirname "$0")/../scenarios/lib.sh"
require_root
peer_mac=52:54:00:c0:d1:0b

check "condis.ko loads" mod_load condis
check "condis_sig.ko loads" mod_load condis_sig
check "condis_eth.ko loads" mod_load condis_eth
check "virtio_net loads" kmod virtio_net
check "the virtio-net interface is there" wait_for 20 test -d /sys/class/net/eth0
ip link set eth0 up
sess_start S
sess S adapter add dev eth0; ad=$id
check "an adapter is bound to eth0" test -n "$ad"
sess S af open "$ad" type ethernet; af=$id

if [ "$role" = b ]; then
	sess S sap register af "$af" address svc1; sap=$id
	sess S monitor event request-done request sap-register id "$sap" count 1 timeout 20000
	SESS_TIMEOUT=400 sess S monitor event call-incoming sap "$sap" count 1 timeout 300000; out=$ans
	call=$id
	check "B gets the call from guest A" test -n "$call"
	sess S call accept "$call"
	sess S monitor event call-connected id "$call" count 1 timeout 30000; out=$ans
	jqcheck "the call is connected" "$out" '.event == "call-connected"'
	sess S call netdev "$call" name cdip0; out=$ans
	jqcheck "B's end becomes interface cdip0" "$out" '.dev == "cdip0"'
	ip addr add 10.99.0.2 peer 10.99.0.1 dev cdip0
	ip link set cdip0 up
	SESS_TIMEOUT=400 sess S monitor event call-close id "$call" count 1 timeout 300000; out=$ans
	jqcheck "A's close reaches B" "$out" '.event == "call-close"'
	check "and B's interface goes" wait_for 20 test ! -e /sys/class/net/cdip0
else
	# B may not be up yet: call until it answers (SETUP is retransmitted)
	deadline=$((SECONDS + 300))
	while [ $SECONDS -lt $deadline ]; do
		sess S call make af "$af" to svc1 station "$peer_mac"; call=$id
		sess S monitor event request-done request call-make id "$call" count 1 timeout 120000; out=$ans
		[[ $out == *'"status":0'[,}]* ]] && break
		nap 2
	done
	jqcheck "guest A's call to guest B connects" "$out" '.status == 0'
	sess S call netdev "$call" name cdip0; out=$ans
	jqcheck "A's end becomes interface cdip0" "$out" '.dev == "cdip0"'
	ip addr add 10.99.0.1 peer 10.99.0.2 dev cdip0
	ip link set cdip0 up
	# B sets its end up when it sees the call connected
	check "A pings B over the call" wait_for 120 ping -c 1 -W 2 10.99.0.2
	check "and again, three times" ping -c 3 -i 0.3 -W 5 10.99.0.2
	sess S call close "$call"
	sess S monitor event request-done request call-close id "$call" count 1 timeout 30000; out=$ans
	jqcheck "A closes the call" "$out" '.status == 0'
	# wait for B to see the close before this guest goes (and its link with it)
	nap 3
fi
sess S adapter del "$ad"
sess_stop_all
check "no condis object left" wait_for 30 objects_zero
exit $ret
