#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A point-to-multipoint call over Ethernet: five namespaces, a bridge in
# one of them (the switch) and a pair of linked netdevsim ports from it to
# each of the others. A calls a SAP at B with a multipoint call, adds C and
# D as parties, sends frames every leaf receives, hears from a leaf, drops
# C, hears D hang up, and closes; with the integrated call manager, then
# with the stand-alone one.
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/eth-calls.inc"
require_root

eth_modules netdevsim bridge
netns_add s
sw=s-$nsid
ip -n "$sw" link add br0 type bridge
ip -n "$sw" link set br0 up
# per host: its interface, adapter, AF, SAP and MAC
declare -A DEV AD AF SAP MAC
for h in a b c d; do
	netns_add "$h"
	nsim_link "$h-$nsid" "$sw"
	DEV[$h]=${NSIM_DEVS[0]:-}
	ip -n "$sw" link set "${NSIM_DEVS[1]:-none}" master br0
	ip -n "$sw" link set "${NSIM_DEVS[1]:-none}" up
	ip -n "$h-$nsid" link set "${NSIM_DEVS[0]:-none}" up
done
check "four hosts on a bridge through linked netdevsim ports" \
	test -n "${DEV[a]}" -a -n "${DEV[b]}" -a -n "${DEV[c]}" -a -n "${DEV[d]}"

multipoint() {
	local kind=$1 h out sap ca cb cc cd pc pd
	local -A call

	log "a multipoint call with kind $kind"
	for h in a b c d; do
		sess_start "$h" "$h-$nsid"
		sess "$h" adapter add dev "${DEV[$h]}" kind "$kind"; AD[$h]=$id
		sess "$h" af open "${AD[$h]}" type ethernet; AF[$h]=$id
	done
	for h in b c d; do
		sess "$h" sap register af "${AF[$h]}" address leaf; sap=$id
		sess "$h" monitor event request-done request sap-register id "$sap" count 1 \
			timeout $WAIT_MS
		SAP[$h]=$sap MAC[$h]=$(mac_of "$h-$nsid" "${DEV[$h]}")
	done

	# answer SESSION: accept the next incoming call, print its id
	answer() {
		local s=$1 c
		sess "$s" monitor event call-incoming sap "${SAP[$s]}" count 1 timeout 30000; c=$id
		sess "$s" call accept "$c"
		sess "$s" monitor event call-connected id "$c" count 1 timeout 30000
		echo "$c"
	}
	sess a call make af "${AF[a]}" to leaf station "${MAC[b]}" multipoint; ca=$id
	cb=$(answer b)
	done_of a call-make "$ca"; out=$ans
	jqcheck "A's multipoint call to B connects" "$out" '.status == 0'
	sess a party add call "$ca" to leaf station "${MAC[c]}"; out=$ans
	pc=$id
	cc=$(answer c)
	done_of a party-add "$pc"
	jqcheck "C is added as a party" "$ans" '.status == 0'
	sess a party add call "$ca" to leaf station "${MAC[d]}"; pd=$id
	cd=$(answer d)
	done_of a party-add "$pd"
	jqcheck "D is added as a party" "$ans" '.status == 0'
	sess a call show "$ca"; out=$ans
	jqcheck "A's call has three parties" "$out" '.parties | length == 3'

	call=([b]=$cb [c]=$cc [d]=$cd)
	sess a vc send "$ca" to-every-leaf
	for h in b c d; do
		sess "$h" vc recv "${call[$h]}" timeout $WAIT_MS; out=$ans
		jqcheck "leaf ${h^^} receives the root's frame" "$out" '.data == "to-every-leaf"'
	done
	sess c vc send "$cc" from-c
	sess a vc recv "$ca" timeout $WAIT_MS; out=$ans
	jqcheck "the root receives a leaf's frame" "$out" '.data == "from-c"'

	sess a party drop "$pc"
	done_of a party-drop "$pc"
	jqcheck "A drops C" "$ans" '.status == 0'
	sess c monitor event call-close id "$cc" count 1 timeout $WAIT_MS; out=$ans
	jqcheck "C's call is closed" "$out" '.event == "call-close"'
	sess a vc send "$ca" after-drop
	sess d vc recv "$cd" timeout $WAIT_MS; out=$ans
	jqcheck "D still receives after the drop" "$out" '.data == "after-drop"'
	sess c call show; out=$ans
	jqcheck "and C has no call" "$out" 'length == 0'

	# a leaf hangs up: the root hears a party drop
	sess d call close "$cd"
	sess a monitor event party-drop id "$pd" count 1 timeout $WAIT_MS; out=$ans
	jqcheck "D hangs up: A hears its party dropped" "$out" '.event == "party-drop"'
	sess a party drop "$pd"

	sess a call close "$ca"
	sess b monitor event call-close id "$cb" count 1 timeout $WAIT_MS; out=$ans
	jqcheck "A closes: the last leaf B hears it" "$out" '.event == "call-close"'
	for h in a b c d; do
		sess "$h" adapter del "${AD[$h]}"
	done
	sess_stop_all
	check "no condis object left" wait_for 30 objects_zero
}

multipoint ethernet
multipoint ethernet-cm

check "condis_ethcm.ko unloads" mod_unload condis_ethcm
check "condis_eth.ko unloads" mod_unload condis_eth
check "condis_sig.ko unloads" mod_unload condis_sig
exit $ret
