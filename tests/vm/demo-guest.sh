#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The demo's guest side (tests/vm/demo.sh): load condis and the Ethernet
# miniport into the stock kernel, join two network namespaces with veth,
# bind an adapter to each end, and let two client processes make a call
# across the link with condisctl: data both ways, then IP over the call,
# close; then a PPPoE session with Debian's pppoe-server, stock pppd over
# it (condis_ppp and the plugin), a ping; unload.
set -e
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../scenarios/lib.sh"
say() { printf '\n$ %s\n' "$*"; eval "$@"; }
# run SESSION COMMAND...: show the command and its answer (sess sets $ans, $id)
run() { local s=$1; shift; printf '\n%s$ condisctl %s\n' "$s" "$*"; sess "$s" "$@"; printf '%s\n' "$ans"; }
last_id() { echo "$id"; }
condisctl() { "$CONDISCTL" "$@"; }

echo "condis demo on $(uname -r) ($(nproc) vCPUs)"
say insmod "$CONDIS_MODDIR/condis.ko"
say insmod "$CONDIS_MODDIR/condis_sig.ko"
say insmod "$CONDIS_MODDIR/condis_eth.ko"
say modprobe veth
say "dmesg | grep condis: | tail -1"
echo
echo "# Two hosts, A and B: two network namespaces joined by a veth pair,"
echo "# with IPv4 on the link as usual."
say ip netns add A
say ip netns add B
say ip link add va netns A type veth peer name vb netns B
say ip -n A addr add 10.77.0.1/24 dev va
say ip -n B addr add 10.77.0.2/24 dev vb
say ip -n A link set va up
say ip -n B link set vb up
macb=$(ip -n B -j link show vb | jq -r '.[0].address')
echo
echo "# On each host a client process (one condisctl session: what it opens"
echo "# lives as long as it does) binds a CoNDIS adapter to its end of the"
echo "# link: condis_eth's miniport with its integrated call manager."
sess_start A A
sess_start B B
run A adapter add dev va; ada=$(last_id)
run B adapter add dev vb; adb=$(last_id)
run B af open "$adb" type ethernet; afb=$(last_id)
run B sap register af "$afb" address echo; sap=$(last_id)
run A af open "$ada" type ethernet; afa=$(last_id)
echo
echo "# A calls SAP \"echo\" at B's station ($macb): SETUP goes over the wire,"
echo "# B's client accepts, CONNECT comes back."
run A call make af "$afa" to echo station "$macb"; ca=$(last_id)
run B monitor event call-incoming sap "$sap" count 1 timeout 20000; cb=$(last_id)
run B call accept "$cb"
run A monitor event request-done request call-make id "$ca" count 1 timeout 20000
run A call show "$ca"
run A vc send "$ca" hello-from-A
run B vc recv "$cb" timeout 20000
run B vc send "$cb" hello-from-B
run A vc recv "$ca" timeout 20000
echo
echo "# A closes: RELEASE goes to B, whose client hears the close."
run A call close "$ca"
run B monitor event call-close id "$cb" count 1 timeout 20000
echo
echo "# IP over a call: A calls again, and each end becomes an interface."
run A call make af "$afa" to echo station "$macb"; ca=$(last_id)
run B monitor event call-incoming sap "$sap" count 1 timeout 20000; cb=$(last_id)
run B call accept "$cb"
run A monitor event request-done request call-make id "$ca" count 1 timeout 20000
run A call netdev "$ca" name cd0
run B call netdev "$cb" name cd0
say ip -n A addr add 10.99.0.1 peer 10.99.0.2 dev cd0
say ip -n B addr add 10.99.0.2 peer 10.99.0.1 dev cd0
say ip -n A link set cd0 up
say ip -n B link set cd0 up
say ip netns exec A ping -c 3 -i 0.3 10.99.0.2
run A vc show "$ca"
run A call close "$ca"
run B monitor event call-close id "$cb" count 1 timeout 20000
say ip -n A link show cd0 "||" echo "cd0 went with the call"
echo
echo "# PPPoE: a home (namespace H) dials its ISP (namespace I), which runs"
echo "# Debian's stock access concentrator, rp-pppoe's pppoe-server. condis is"
echo "# the home's PPPoE miniport and call manager (condis_pppoe) and its"
echo "# NDISWAN (condis_ppp): stock pppd runs PPP over the condis call through"
echo "# its plugin condis.so."
say modprobe ppp_generic
say modprobe ppp_async
say insmod "$CONDIS_MODDIR/condis_pppoe.ko"
say insmod "$CONDIS_MODDIR/condis_ppp.ko"
say ip netns add I
say ip netns add H
say ip link add vi netns I type veth peer name vh netns H
say ip -n I link set vi up
say ip -n H link set vh up
# (the root is read-only: pppd's options on a tmpfs; the ISP's pppd runs
# over a pty and is told PPPoE's MRU)
say mount -t tmpfs ppp /etc/ppp
say "printf '%s\\n' noauth 'mtu 1492' 'mru 1492' > /etc/ppp/isp-options; : > /etc/ppp/options"
say "ip netns exec I pppoe-server -I vi -C isp -S internet -L 10.64.0.1 -R 10.64.0.2 -O /etc/ppp/isp-options"
say ip netns exec H "$CONDISCTL" adapter add dev vh kind pppoe
say "ip netns exec H pppd plugin $build/userspace/condis.so condis-adapter vh condis-service internet condisctl $CONDISCTL noauth noipdefault logfile $T/pppd.log"
ppp_up() { ip -n H -4 addr show ppp0 2> /dev/null | grep -q inet; }
wait_for 60 ppp_up || true
say cat "$T/pppd.log"
say ip -n H addr show ppp0
say ip netns exec H ping -c 3 -i 0.3 10.64.0.1
say ip netns exec H "$CONDISCTL" call show
echo
echo "# The home hangs up: pppd ends, the call is closed with a PADT."
say pkill -x pppd
pppd_gone() { ! pgrep -x pppd > /dev/null; }
wait_for 30 pppd_gone || true
calls_gone() { [ "$(ip netns exec H "$CONDISCTL" -j call show)" = "[]" ]; }
wait_for 20 calls_gone || true
say ip netns exec H "$CONDISCTL" call show
say pkill -x pppoe-server
say umount /etc/ppp
sess_stop_all
echo
echo "# A and B exited: everything their sockets owned is gone."
say cat /sys/kernel/debug/condis/objects
say ip netns del A
say ip netns del B
say ip netns del I
say ip netns del H
say rmmod condis_ppp
say rmmod condis_pppoe
say rmmod condis_eth
say rmmod condis_sig
say rmmod condis
echo
echo "A call between two hosts over veth: set up by the condis signalling"
echo "protocol, data both ways, IP over it, closed; a PPPoE session with"
echo "Debian's pppoe-server and PPP over it through stock pppd; and the modules"
echo "unloaded cleanly, on a stock Debian kernel."
