#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PPPoE with stock Linux peers (Debian's, unmodified), over veth between
# namespaces AC and CL; in AC, rp-pppoe's pppoe-server, which runs pppd
# for each session.
#
# Stock against stock first, so that a failure below can be blamed
# correctly: pppoe-discovery lists the AC's name and service; pppd with its
# kernel-mode PPPoE plugin brings a session up with an MTU of 1492; ping
# crosses it both ways, a DF ping of 1464 bytes passes and of 1465 is
# refused; the client's hangup puts a PADT on the wire, the AC's pppd goes
# and pppoe-server logs the session closed (to a sink on /dev/log).
#
# Then condis dials the same AC: a condis_pppoe adapter on CL's interface,
# address family pppoe, a call to the AC's service. It completes with the
# session (the AC's MAC, a session id) and PPPoE's frame size in its
# parameters; the AC's pppd speaks LCP on the call's VC; closing the call
# puts condis's PADT on the wire and the AC's pppd goes. A call to a
# service nobody offers fails once discovery gives up
# (NDIS_STATUS_NO_ROUTE_TO_DESTINATION); on a 1508-byte link condis's PADI
# and PADR ask for a PPP payload of 1500 (RFC 4638's PPP-Max-Payload) and,
# the AC having none, the session's is 1492; deleting the interface with a
# session up closes it to its client and takes the adapter.
#
# Then PPP over condis: stock pppd with condis's plugin (condis.so, over
# condis_ppp.ko) dials the AC: the session comes up with the negotiated MRU
# set on the VC (OID_WAN_CO_SET_LINK_INFO), pings both ways and the DF
# pings as above, iperf3; the AC's session killed, its PADT closes the call
# and pppd hangs up; dialed again, the AC's link pulled, LCP echo notices,
# pppd hangs up and the call is closed and freed; with persist, pppd makes
# a new call once the AC's session is killed.
#
# Last, condis as the access concentrator (namespace CA, its own veth to
# CL): a condis_pppoe adapter offering the service as a SAP under the AC
# name condis-ac (adapter add ... ac-name). pppoe-discovery lists it; stock pppd dials it, its PADR
# arrives as an incoming call with the session in its parameters; accepted,
# pppd speaks LCP on the call's VC and hangs up on condis's PADT; the next
# one, rejected, gets the PADS's Service-Name-Error; rp-pppoe's user-space
# pppoe client (under pppd pty) dials it the same way. Both dial a third
# service that condisctl answers with pppd over condis (sap listen exec):
# each session pings both ways; the stock client's hangup ends condis's
# pppd, and condis's pppd's end the rp-pppoe client's; on a 1508-byte
# link stock pppd asks for a payload of 1500 and condis gives it (RFC
# 4638): an MTU of 1500 both ways, DF pings of 1472 bytes pass. Then a
# hostile host (pppoe_hostile.py) against it: 2000 PADIs at once (500
# PADOs a second at most, the rest counted), PADRs with forged cookies, malformed packets,
# PADTs and session data of no session, each dropped and counted; with a
# real cookie, one PADR over the 8 sessions a host may have gets
# AC-System-Error. Last, condis_pppoe.ko unloads with the adapter bound
# and a session up: pppd hears the PADT, the client the close.
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pppoe.inc"
require_root

NDIS_STATUS_NO_ROUTE_TO_DESTINATION=3221291049	# 0xC0010029

# dial_in SAP LOG PPPD_ARG...: a stock pppd in CL dials condis's AC; its call
# is offered on SAP (session A): the pppd's pid in $client, the call in $ci,
# the offer in $ans
dial_in() {
	local sap=$1 log=$2
	shift 2
	ip netns exec "$cl" pppd "$@" $PPPD_OPTS > "$T/$log" 2>&1 &
	client=$!
	sess A monitor event call-incoming sap "$sap" count 1 timeout $WAIT_MS; ci=$id
}
# accept_lcp WHAT: A accepts $ci, and pppd's LCP arrives on it (check WHAT)
accept_lcp() {
	sess A call accept "$ci"
	sess A vc recv "$ci" timeout $WAIT_MS
	jqcheck "$1" "$ans" '.data | startswith("0xc02101")'
}
# close_padt CLOSED HANGUP: A closes $ci (check CLOSED), pppd hears the PADT
# and hangs up (check HANGUP)
close_padt() {
	sess A call close "$ci"
	done_of A call-close "$ci"
	jqcheck "$1" "$ans" '.status == 0'
	check "$2" wait_for 30 gone "$client"
}
# dial_out LOG IFNAME PPPD_ARG...: pppd over condis (the plugin) in CL dials
# the AC's service on vcl, its interface IFNAME: its pid in $client
dial_out() {
	local log=$1 ifname=$2
	shift 2
	ip netns exec "$cl" pppd plugin "$PPPD_PLUGIN" condis-adapter vcl \
		condis-service "$PPPOE_SERVICE" condisctl "$CONDISCTL" $PPPD_OPTS "$@" \
		ifname "$ifname" > "$T/$log" 2>&1 &
	client=$!
}
# many_up N: N of pcm1 to pcmN have their address (one process a look: the
# guest is busy enough); many_ping N: each carries a ping both ways
many_up() {
	local n
	n=$(ip -n "$cl" -4 -br addr show 2> /dev/null | grep -c '^pcm[0-9]* .* 10\.64\.')
	[ "$n" -ge "$1" ]
}
# mtu_both MTU NS1 DEV1 NS2 DEV2: both ends of a veth get MTU
mtu_both() {
	ip -n "$2" link set "$3" mtu "$1"
	ip -n "$4" link set "$5" mtu "$1"
}
many_ping() {
	local i
	for ((i = 1; i <= $1; i++)); do
		ip netns exec "$cl" ping -c 1 -W 5 -I "pcm$i" "$PPPOE_LOCAL" > /dev/null &&
		ip netns exec "$ac" ping -c 1 -W 5 "$(ppp_addr "$cl" "pcm$i")" > /dev/null ||
		return 1
	done
}
for m in condis condis_pppoe; do
	check "$m.ko loads" mod_load "$m"
done
pppoe_env
check "condis_ppp.ko loads" mod_load condis_ppp
netns_add ac
netns_add cl
ac=ac-$nsid cl=cl-$nsid
check "a veth pair joins AC and CL" veth_pair "$ac" vac "$cl" vcl
pppoe_capture "$ac" vac
pppoe_server "$ac" vac

log "stock against stock"
check "pppoe-discovery lists the AC's name and service" wait_for 30 discovered "$cl" vcl
ip netns exec "$cl" pppd plugin pppoe.so nic-vcl pppoe-service "$PPPOE_SERVICE" \
	$PPPD_OPTS ifname pcl0 > "$T/pppd-cl.log" 2>&1 &
client=$!
check "pppd with its PPPoE plugin brings the session up" \
	wait_for 120 ppp_up "$cl" pcl0
pppoe_pings "$cl" pcl0 "$ac"
kill "$client"
check "the client's pppd hangs up" wait_for 30 gone "$client"
check "its PADT is on the wire" wait_for 20 captured PADT 1
check "the AC's pppd goes with the session" wait_for 30 no_ppp_link "$ac"
check "pppoe-server logs the session closed" wait_for 20 server_closed 1

log "condis dials the stock AC"
mac=$(mac_of "$ac" vac) && mac=${mac//:/}
sess_start C "$cl"
sess C adapter add dev vcl kind pppoe; adc=$id
jqcheck "condis binds a PPPoE adapter to CL's interface" "$ans" '.id > 0'
sess C adapter show "$adc"
jqcheck "with the pppoe address family" "$ans" \
	'.dev == "vcl" and .kind == "pppoe" and ."af-types" == ["pppoe"]'
sess C af open "$adc" type pppoe; afc=$id
# (discovery gives up on this one in 7 s: meanwhile the other call)
sess C call make af "$afc" to nosuchservice station ff:ff:ff:ff:ff:ff; cx=$id
sess C call make af "$afc" to "$PPPOE_SERVICE" station ff:ff:ff:ff:ff:ff; cc=$id
done_of C call-make "$cc"
jqcheck "condis dials the AC's service: the session is up" "$ans" '.status == 0'
jqcheck "its parameters: the AC's MAC, a session id, PPPoE's frame size" "$ans" \
	'(.params."media-specific" | startswith("0x'"$mac"'") and length == 18 and
	  (endswith("0000") | not)) and .params.tx.sdu == 1494 and .params.rx.sdu == 1494'
sess C vc recv "$cc" timeout $WAIT_MS
jqcheck "the AC's pppd speaks LCP on the call (Configure-Request)" "$ans" \
	'.data | startswith("0xc02101")'
sess C call show "$cc"
jqcheck "call show gives the session: its id, the AC's MAC, its counters" "$ans" \
	'.pppoe.session > 0 and .pppoe.peer == "'"$(mac_of "$ac" vac)"'" and
	 .stats."rx-packets" >= 1'
sess C call close "$cc"
done_of C call-close "$cc"
jqcheck "condis closes the call" "$ans" '.status == 0'
check "condis's PADT is on the wire" wait_for 20 captured PADT 2
check "the AC's pppd goes with condis's session" wait_for 30 no_ppp_link "$ac"
check "pppoe-server logs condis's session closed" wait_for 20 server_closed 2

log "pppd over condis dials the stock AC"
dial_out pppd-cd1.log pcd0
check "pppd over a condis call (condis_ppp) brings the session up" \
	wait_for 120 ppp_up "$cl" pcd0
check "the negotiated MRU went down to condis_pppoe (OID_WAN_CO_SET_LINK_INFO)" \
	grep -q "condis: link MRU 1492" "$T/pppd-cd1.log"
pppoe_pings "$cl" pcd0 "$ac" "pppd over condis"
iperf_over "$ac" "$cl" "$PPPOE_LOCAL" "pppd over condis"
check "condis_ppp.ko stays while a call carries PPP" bash -c "! rmmod condis_ppp 2> /dev/null"
padts=$(tcpdump -n -r "$T/pppoe.pcap" 2> /dev/null | grep -c "PPPoE PADT")
kill_in "$ac" pppd KILL
check "the AC's session killed: its PADT is on the wire" wait_for 20 captured PADT $((padts + 1))
check "pppoe-server logs it closed" wait_for 20 server_closed 3
check "condis closes the call: pppd over it hangs up" wait_for 30 gone "$client"
check "no call is left" wait_for 20 no_calls_in "$cl"
dial_out pppd-cd2.log pcd0 lcp-echo-interval 1 lcp-echo-failure 3
check "pppd over condis dials again" wait_for 120 ppp_up "$cl" pcd0
ip -n "$ac" link set vac down
check "the AC's link pulled: LCP echo sees it, pppd hangs up" wait_for 30 gone "$client"
check "its call is closed and freed" wait_for 20 no_calls_in "$cl"
ip -n "$ac" link set vac up
# persist: the plugin makes a call for each of pppd's connects
dial_out pppd-cd3.log pcd0 persist holdoff 1
check "pppd over condis with persist comes up" wait_for 120 ppp_up "$cl" pcd0
kill_in "$ac" pppd KILL
redialed() { [ "$(grep -c 'condis: call up' "$T/pppd-cd3.log")" -ge 2 ] && ppp_up "$cl" pcd0; }
check "the AC's session killed: pppd redials, a new call, the session up again" \
	wait_for 120 redialed
kill "$client"
hung_up() { gone "$client" && no_calls_in "$cl"; }
check "pppd with persist hangs up when told, leaving no call" wait_for 30 hung_up
# many sessions at once, each its own pppd, call and AC pppd (dialed a
# third of a second apart: the AC forks a pppd for each; a busy guest's
# stock AC was seen to answer IPCP 30 s late, pppd's default patience;
# debug: a session that fails shows what it sent and heard)
many=()
for ((i = 1; i <= 20; i++)); do
	dial_out "pppd-m$i.log" "pcm$i" debug
	many+=("$client")
	nap 0.3
done
check "20 sessions of pppd over condis come up at once" wait_for 300 many_up 20
many_up 20 ||
	for ((i = 1; i <= 20; i++)); do
		ppp_up "$cl" "pcm$i" || show_log "$T/pppd-m$i.log" "pppd-m$i.log"
	done
many_up 20 || log "$(ip netns exec "$cl" "$CONDISCTL" -s adapter show)"
check "each carries a ping both ways" many_ping 20
kill "${many[@]}"
all_gone() { local p; for p in "$@"; do gone "$p" || return 1; done; }
check "all 20 hang up" wait_for 60 all_gone "${many[@]}"
check "and leave no call" wait_for 30 no_calls_in "$cl"
done_of C call-make "$cx"
jqcheck "a service nobody offers: the call fails when discovery gives up" "$ans" \
	'."ndis-status" == '"$NDIS_STATUS_NO_ROUTE_TO_DESTINATION"
sess C adapter show "$adc"
jqcheck "nothing from the AC was malformed" "$ans" '.drops.malformed == 0'
# RFC 4638 on a link of 1508 bytes: condis asks for a PPP payload of 1500;
# Debian's pppoe-server (3.15) has no PPP-Max-Payload: RFC 2516's 1492
mtu_both 1508 "$ac" vac "$cl" vcl
sess C call make af "$afc" to "$PPPOE_SERVICE" station ff:ff:ff:ff:ff:ff; cc=$id
done_of C call-make "$cc"
jqcheck "RFC 4638: condis's PADI asks for 1500 on a 1508-byte link; the AC has none: 1492" \
	"$ans" '.status == 0 and .params.tx.sdu == 1494'
check "its PADI and PADR carried PPP-Max-Payload 1500" \
	wait_for 10 captured "PAD[IR] .*PPP-Max-Payload 0x05DC" 2
sess C call close "$cc"
done_of C call-close "$cc"
mtu_both 1500 "$ac" vac "$cl" vcl
# a session up when its interface goes
sess C call make af "$afc" to "$PPPOE_SERVICE" station ff:ff:ff:ff:ff:ff; cc=$id
done_of C call-make "$cc"
jqcheck "condis dials again" "$ans" '.status == 0'
ip -n "$cl" link del vcl
sess C monitor event call-close id "$cc" count 1 timeout $WAIT_MS
jqcheck "its interface deleted, the session is closed to its client" "$ans" \
	'.event == "call-close"'
sess C call close "$cc"
no_adapters() { sess C adapter show; [ "$ans" = "[]" ]; }
check "and the adapter goes with the interface" wait_for 20 no_adapters

log "stock pppd dials condis"
netns_add ca
ca=ca-$nsid
check "a veth pair joins condis's AC and CL" veth_pair "$ca" vca "$cl" vh
sess_start A "$ca"
sess A adapter add dev vca kind pppoe ac-name condis-ac; ada=$id
sess A af open "$ada" type pppoe; afa=$id
# (pppd dials again after a refusal: what nobody answers is refused in 3 s)
sess A sap register af "$afa" address "$PPPOE_SERVICE" accept-timeout 3000; sa=$id
done_of A sap-register "$sa"
jqcheck "condis offers the service as a SAP" "$ans" '.status == 0'
check "pppoe-discovery lists condis's AC name and service" \
	wait_for 30 discovered "$cl" vh condis-ac
dial_in "$sa" pppd-cl1.log plugin pppoe.so nic-vh pppoe-service "$PPPOE_SERVICE" ifname pcl1
jqcheck "its PADR is an incoming call on the SAP, with the session" "$ans" \
	'.event == "call-incoming" and (.params."media-specific" | length == 18)'
accept_lcp "condis accepts: pppd speaks LCP on the call (Configure-Request)"
close_padt "condis closes the accepted call" "pppd hears condis's PADT and hangs up"
dial_in "$sa" pppd-cl2.log plugin pppoe.so nic-vh pppoe-service "$PPPOE_SERVICE" ifname pcl1
sess A call reject "$ci"
check "condis rejects the next: pppd gets Service-Name-Error" \
	wait_for 20 grep -q "Service-Name-Error" "$T/pppd-cl2.log"
kill "$client"
check "and is stopped" wait_for 20 gone "$client"
# (what it dialed again before it stopped is refused once its 3 s are up)
no_calls() { sess A call show; [ "$ans" = "[]" ]; }
check "no call of it is left offered" wait_for 10 no_calls
# rp-pppoe's user-space client under pppd (pty: PPP in HDLC framing to it),
# to another service (the SAP's events are only its own)
sess A sap register af "$afa" address voice; sv=$id
done_of A sap-register "$sv"
dial_in "$sv" pppd-cl3.log pty "pppoe -I vh -S voice -C condis-ac -U" ifname pcl2
jqcheck "rp-pppoe's pppoe client dials condis's other service" "$ans" \
	'.event == "call-incoming"'
accept_lcp "accepted, pppd's LCP reaches the call through it"
close_padt "condis closes that call" "pppoe hears condis's PADT: pppd hangs up"
sess A adapter show "$ada"
jqcheck "nothing from pppd was malformed or refused" "$ans" \
	'.drops.malformed == 0 and .drops.token == 0'

log "stock clients dial condis: pppd over the calls condis answers"
# (a service of its own: sap listen answers each call with pppd over it)
ip netns exec "$ca" "$CONDISCTL" -j sap listen adapter "$ada" af-type pppoe address ppp \
	exec pppd plugin "$PPPD_PLUGIN" condis-fd 3 $PPPD_OPTS logfile "$T/pppd-ca.log" \
	"$PPPOE_LOCAL:$PPPOE_REMOTE" > "$T/listen.log" 2>&1 &
listener=$!
check "condisctl listens on the service, to run pppd for each call" \
	wait_for 20 grep -q '"state":"active"' "$T/listen.log"
ip netns exec "$cl" pppd plugin pppoe.so nic-vh pppoe-service ppp $PPPD_OPTS ifname pcl3 \
	> "$T/pppd-cl5.log" 2>&1 &
client=$!
check "stock pppd's session with condis's pppd comes up" wait_for 120 ppp_up "$cl" pcl3
pppoe_pings "$cl" pcl3 "$ca" "stock pppd to condis"
kill "$client"
check "stock pppd hangs up" wait_for 30 gone "$client"
check "its PADT ends condis's call: condis's pppd goes" wait_for 30 no_ppp_link "$ca"
ip netns exec "$cl" pppd pty "pppoe -I vh -S ppp -C condis-ac -U" $PPPD_OPTS ifname pcl3 \
	> "$T/pppd-cl6.log" 2>&1 &
client=$!
check "rp-pppoe's pppoe client's session with condis's pppd comes up" \
	wait_for 120 ppp_up "$cl" pcl3
pppoe_pings "$cl" pcl3 "$ca" "rp-pppoe to condis"
kill_in "$ca" pppd
check "condis's pppd ends the session: the client's pppd hangs up" wait_for 30 gone "$client"
# RFC 4638: stock pppd asks for a PPP payload of 1500 on a 1508-byte link;
# condis's PADO and PADS give it, its pppd's MRU follows
mtu_both 1508 "$ca" vca "$cl" vh
ip netns exec "$cl" pppd plugin pppoe.so nic-vh pppoe-service ppp mtu 1500 mru 1500 \
	$PPPD_OPTS ifname pcl3 > "$T/pppd-cl7.log" 2>&1 &
client=$!
check "RFC 4638: stock pppd's session asking for 1500 comes up" wait_for 120 ppp_up "$cl" pcl3
pppoe_pings "$cl" pcl3 "$ca" "RFC 4638" 1500
sess A call show
jqcheck "RFC 4638: condis's call carries PPP frames of 1502 bytes" "$ans" \
	'length == 1 and .[0].params.tx.sdu == 1502'
kill "$client"
check "RFC 4638: stock pppd hangs up, condis's pppd goes" wait_for 30 no_ppp_link "$ca"
mtu_both 1500 "$ca" vca "$cl" vh
# ran_out N: condisctl saw N of the pppds it ran exit (and closed their calls)
ran_out() { [ "$(grep -c '"status"' "$T/listen.log")" -ge "$1" ]; }
check "condisctl closes the call of each pppd it ran" wait_for 20 ran_out 3
kill "$listener"
sess A call show
jqcheck "and gone" "$ans" '. == []'

log "a hostile host dials condis"
before=$ans
hostile() {
	ip netns exec "$cl" python3 "$(dirname "$0")/pppoe_hostile.py" vh "$(mac_of "$ca" vca)" \
		"$PPPOE_SERVICE" > "$T/hostile.json"
}
check "it floods, forges, and gets a cookie from one of condis's PADOs" hostile
sent=$(<"$T/hostile.json")
pado=$(count_of "$sent" pado)
sess A adapter show "$ada"
# grew NAME EXPR: the jq EXPR of a drop counter, less its value before
grew() { echo "($2 - $(count_of "$before" "$1"))"; }
jqcheck "a flood of 2000 PADIs: PADOs at 500 a second at most, the rest counted" "$ans" \
	"$pado <= 2000 and $(grew rate-limited '.drops."rate-limited"') > 0 and
	 $(grew rate-limited '.drops."rate-limited"') + $(grew overload .drops.overload) + $pado >= 1980"
jqcheck "PADRs without a cookie of condis's: dropped, counted (token)" "$ans" \
	"$(grew token .drops.token) == 10"
jqcheck "malformed discovery packets: dropped, counted" "$ans" \
	"$(grew malformed .drops.malformed) == 10"
jqcheck "PADTs about no session: not taken, counted" "$ans" \
	"$(grew unmatched .drops.unmatched) >= 10"
jqcheck "session data of no session: dropped, counted" "$ans" \
	"$(grew no-vc '.drops."no-vc"') == 10"
jqcheck "one PADR over the 8 sessions a host may have: AC-System-Error" "$ans" \
	"$(grew half-open '.drops."half-open"') == 1 and $(count_of "$sent" ac-error) == 1"
check "the 8 calls it was offered are refused after their 3 s" wait_for 10 no_calls

# the module goes with an adapter bound and a session up (to the other
# service: the first one's event queue holds the hostile host's calls)
dial_in "$sv" pppd-cl4.log plugin pppoe.so nic-vh pppoe-service voice ifname pcl1
accept_lcp "one more session up, pppd's LCP on it"
check "condis_pppoe.ko unloads with it" mod_unload condis_pppoe
check "pppd hears the PADT and hangs up" wait_for 30 gone "$client"
sess A monitor event call-close id "$ci" count 1 timeout $WAIT_MS
jqcheck "and the client the close" "$ans" '.event == "call-close"'
check "condis_ppp.ko unloads, no channel left" mod_unload condis_ppp
exit $ret
