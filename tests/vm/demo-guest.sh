#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The demo's guest side (tests/vm/demo.sh): load condis and the Ethernet
# miniport into the stock kernel, join two network namespaces with veth,
# bind an adapter to each end, and let two client processes make a call
# across the link with condisctl: data both ways, then IP over the call,
# close, unload.
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
sess_stop_all
echo
echo "# A and B exited: everything their sockets owned is gone."
say cat /sys/kernel/debug/condis/objects
say ip netns del A
say ip netns del B
say rmmod condis_eth
say rmmod condis_sig
say rmmod condis
echo
echo "A call between two hosts over veth: set up by the condis signalling"
echo "protocol, data both ways, IP over it, closed, and the modules unloaded"
echo "cleanly, on a stock Debian kernel."
