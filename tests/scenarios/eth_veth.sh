#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis_eth over veth: two namespaces joined by a veth pair, an adapter
# bound to each end; the calls of eth-calls.inc between them with the
# stand-alone call manager of condis_ethcm (the engine through a signalling
# VC; eth_netdevsim runs them with condis_eth's integrated one, and
# eth_multipoint both); a call to an absent station; a configuration file
# applied twice; unbinding.
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/eth-calls.inc"
require_root

eth_modules veth
veth_hosts
ip -n "$a" addr add 10.77.0.1/24 dev va
ip -n "$b" addr add 10.77.0.2/24 dev vb

eth_calls "$a" va "$b" vb ethernet-cm

# a call to a station that is not there: condis_sig gives up before
# condis's pend watchdog would complete the make call in its place
# (retransmissions after 1, 2 and 4 s would run past a 3 s pend timeout)
vcount() { awk -v r="$1" '$1 == r { print $2 }' /sys/kernel/debug/condis/verifier; }
pend=$(cat /sys/module/condis/parameters/pend_timeout_ms)
timeouts=$(vcount request-timeout)
restore /sys/module/condis/parameters/pend_timeout_ms
echo 3000 > /sys/module/condis/parameters/pend_timeout_ms
sess_start X "$a"
sess_start Y "$b"
sess X adapter add dev va; adx=$id
sess X af open "$adx" type ethernet; afx=$id
sess X call make af "$afx" to nobody station 02:00:00:00:00:99; cx=$id
done_of X call-make "$cx"; out=$ans
jqcheck "a call to an absent station fails: refused" "$out" '.status == -111'
check "by condis_sig, not by condis's pend watchdog" test "$(vcount request-timeout)" = "$timeouts"

# a peer that goes silent with a call up: A's close completes by
# condis_sig's deadline too, not by condis's pend watchdog (its RELEASE
# sent after 1, 2, 4 ... s would have kept it a minute)
sess Y adapter add dev vb; ady=$id
sess Y af open "$ady" type ethernet; afy=$id
sess Y sap register af "$afy" address quiet1; sy=$id
done_of Y sap-register "$sy"
sess X call make af "$afx" to quiet1 station "$(mac_of "$b" vb)"; cx=$id
sess Y monitor event call-incoming sap "$sy" count 1 timeout $WAIT_MS; cy=$id
sess Y call accept "$cy"
done_of X call-make "$cx"; out=$ans
jqcheck "a call to B, which then goes silent" "$out" '.status == 0'
ip -n "$b" link set vb down
timeouts=$(vcount request-timeout)
sess X call close "$cx"
done_of X call-close "$cx"; out=$ans
jqcheck "A's close completes though B never answers its RELEASE" "$out" '.status == 0'
check "the close ends at condis_sig's deadline, not by condis's pend watchdog" test "$(vcount request-timeout)" = "$timeouts"
ip -n "$b" link set vb up
sess Y adapter del "$ady"
echo "$pend" > /sys/module/condis/parameters/pend_timeout_ms
sess X adapter del "$adx"
sess_stop_all

# a configuration file, applied by a condisctl that exits: the adapters it
# binds stay; a new client calls over them; applied again, it changes
# nothing and succeeds
printf '# the A end\nadapter add dev va\n' > "$T/a.conf"
printf 'adapter add dev vb kind ethernet-cm\n' > "$T/b.conf"
apply_conf() { "$CONDISCTL" -n "$a" -b "$T/a.conf" && "$CONDISCTL" -n "$b" -b "$T/b.conf"; }
check "a configuration applied (condisctl -n A -b FILE), and B's" apply_conf
bound() { "$CONDISCTL" -n "$1" -j adapter show | jq -c '[.[] | select(.kind != null) | {dev, kind, id}]'; }
conf_a=$(bound "$a") conf_b=$(bound "$b")
jqcheck "adapters are bound again (both kinds), and stay after it exited" "[$conf_a, $conf_b]" \
	'.[0][0].kind == "ethernet" and .[1][0].kind == "ethernet-cm" and (map(length) == [1, 1])'
ada=$(jq '.[0].id' <<< "$conf_a") adb=$(jq '.[0].id' <<< "$conf_b")
sess_start X "$a"
sess_start Y "$b"
sess Y af open "$adb" type ethernet; afy=$id
sess Y sap register af "$afy" address conf1; sy=$id
done_of Y sap-register "$sy"
sess X af open "$ada" type ethernet; afx=$id
sess X call make af "$afx" to conf1 station "$(mac_of "$b" vb)"; cx=$id
sess Y monitor event call-incoming sap "$sy" count 1 timeout $WAIT_MS; cy=$id
sess Y call accept "$cy"
done_of X call-make "$cx"; out=$ans
jqcheck "a new client calls over the adapters it bound" "$out" '.status == 0'
sess_stop_all
check "the configuration applied again succeeds" apply_conf
check "and changes nothing" test "$(bound "$a")$(bound "$b")" = "$conf_a$conf_b"

# unloading the stand-alone CM takes its adapters; deleting an interface
# takes the adapter bound to it
check "condis_ethcm.ko unloads with an adapter bound" mod_unload condis_ethcm
out=$(ip netns exec "$b" "$CONDISCTL" -j adapter show)
jqcheck "its adapter went with it" "$out" 'map(select(.kind != null)) | length == 0'
ip -n "$a" link del va
out=$(ip netns exec "$a" "$CONDISCTL" -j adapter show)
jqcheck "deleting the interface unbinds its adapter" "$out" 'map(select(.kind != null)) | length == 0'
check "condis_eth.ko unloads" mod_unload condis_eth
check "condis_sig.ko unloads" mod_unload condis_sig
check "no condis object left" objects_zero
exit $ret
