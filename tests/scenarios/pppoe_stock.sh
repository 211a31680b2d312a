#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PPPoE stock against stock, the baseline condis's PPPoE is judged by: with
# no condis module in the way, Debian's rp-pppoe access concentrator
# (pppoe-server, running pppd for each session) in namespace AC and
# Debian's pppd with its kernel-mode PPPoE plugin in namespace CL, over
# veth. Discovery lists the AC's name and service; the session comes up;
# ping crosses it both ways; the MTU is PPPoE's 1492 (a DF ping of 1464
# bytes passes, of 1465 fails); the client's hangup puts a PADT on the
# wire and the AC's pppd goes. When this fails, the peers or the guest are
# to blame, not condis.
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pppoe.inc"
require_root

pppoe_env
netns_add ac
netns_add cl
ac=ac-$nsid cl=cl-$nsid
check "a veth pair joins AC and CL" veth_pair "$ac" vac "$cl" vcl
pppoe_capture "$ac" vac
pppoe_server "$ac" vac
check "pppoe-discovery lists the AC's name and service" wait_for 30 discovered "$cl" vcl

ip netns exec "$cl" pppd plugin pppoe.so nic-vcl pppoe-service "$PPPOE_SERVICE" \
	$PPPD_OPTS ifname pcl0 > "$T/pppd-cl.log" 2>&1 &
client=$!
check "pppd with its PPPoE plugin brings the session up" \
	wait_for 60 has_addr "$cl" pcl0 "$PPPOE_REMOTE"
pppoe_pings "$cl" pcl0 "$ac"

kill "$client"
check "the client's pppd hangs up" wait_for 30 gone "$client"
check "its PADT is on the wire" wait_for 20 captured PADT
check "the AC's pppd goes with the session" wait_for 30 no_ppp_link "$ac"
exit $ret
