#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condisctl on the loopback adapter (condis_lo): two client processes make,
# accept, reject and close calls, move data both ways, add and drop a
# party, modify QoS; delayed accept and accept timeout; calling a SAP
# nobody registered; a killed client leaves nothing behind.
source "$(dirname "$0")/lib.sh"
require_root

check "condis.ko loads" mod_load condis
check "condis_lo.ko loads" mod_load condis_lo
check "condisctl is built" test -x "$CONDISCTL"

out=$("$CONDISCTL" -j adapter show)	# one-shot, the others in sessions
jqcheck "the loopback adapter is listed" "$out" \
	'map(select(.name == "lo" and (."af-types" | index("loopback")))) | length == 1'

sess_start A
sess_start B
sess_start C
afa=$(sess A af open lo | jid)
afb=$(sess B af open lo | jid)
afc=$(sess C af open lo | jid)
check "each client opens the loopback AF" test -n "$afa" -a -n "$afb" -a -n "$afc"
# calls_gone ID...: no call with these ids is left (B's view)
calls_gone() {
	local list id
	list=$(sess B call show)
	for id in "$@"; do
		[[ $list == *"\"id\":$id,"* ]] && return 1
	done
	return 0
}

# done_of SESSION REQUEST ID: wait for the outcome of a request that pended
done_of() { sess "$1" monitor event request-done request "$2" id "$3" count 1 timeout 20000; }

sb=$(sess B sap register af "$afb" address svc1 | jid)
jqcheck "B registers SAP svc1" "$(done_of B sap-register "$sb")" '.status == 0'
sc=$(sess C sap register af "$afc" address svc2 | jid)
jqcheck "C registers SAP svc2" "$(done_of C sap-register "$sc")" '.status == 0'
st=$(sess C sap register af "$afc" address svc3 accept-timeout 1000 | jid)
jqcheck "C registers SAP svc3 with a 1 s accept timeout" \
	"$(done_of C sap-register "$st")" '.status == 0'
sa=$(sess A sap register af "$afa" address svc1 | jid)
jqcheck "a second SAP svc1 is refused" "$(done_of A sap-register "$sa")" '.status == -98'

# ---- a call, accepted by another process --------------------------------
out=$(sess A call make af "$afa" to svc1)
jqcheck "A calls svc1: pending" "$out" '.state == "outgoing"'
ca=$(jid <<< "$out")
inc=$(sess B monitor event call-incoming sap "$sb" count 1 timeout 20000)
jqcheck "B gets the incoming call on its SAP" "$inc" '.sap != null and .params."cm-specific" == "svc1"'
cb=$(jid <<< "$inc")
out=$(sess B call accept "$cb")
jqcheck "B accepts" "$out" '.state == "accepted"'
out=$(done_of A call-make "$ca")
jqcheck "A's make call completes with success" "$out" '.request == "call-make" and .status == 0'
out=$(sess B monitor event call-connected id "$cb" count 1 timeout 20000)
jqcheck "B's call is connected" "$out" '.event == "call-connected"'
out=$(sess B call show "$ca")
jqcheck "call show: outgoing, connected" "$out" '.state == "connected" and .direction == "outgoing"'
out=$(sess A call accept "$cb")
jqcheck "A cannot answer B's call" "$out" '.errno == 1 and (.extack | test("another"))'

# ---- data both ways, byte-exact -----------------------------------------
hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
head -c 1400 /dev/urandom > $T/ab.bin
head -c 64 /dev/urandom > $T/ba.bin
out=$(sess A vc send "$ca" file $T/ab.bin)
jqcheck "A sends 1400 bytes" "$out" '.sent == 1400'
out=$(sess B vc recv "$cb" file $T/ab.out timeout 20000)
jqcheck "B receives 1400 bytes" "$out" '.len == 1400'
check "A to B is byte-exact" cmp -s $T/ab.bin $T/ab.out
out=$(sess B vc send "$cb" "0x$(hex $T/ba.bin)")
out=$(sess A vc recv "$ca" timeout 20000)
jqcheck "B to A is byte-exact" "$out" ".data == \"0x$(hex $T/ba.bin)\""
for i in $(seq 1 20); do sess A vc send "$ca" "frame$i" > /dev/null; done
got=""
for i in $(seq 1 20); do
	[[ $(sess B vc recv "$cb" timeout 20000) =~ \"data\":\"([^\"]*)\" ]] && got+=${BASH_REMATCH[1]},
done
check "20 frames arrive in order" test "$got" = "$(for i in $(seq 1 20); do echo -n "frame$i,"; done)"
out=$(sess B vc show "$ca")
jqcheck "counters: A sent 21 frames, received 1" "$out" \
	'.stats."tx-packets" == 21 and .stats."rx-packets" == 1 and .stats."tx-bytes" > 1400'

# ---- QoS ------------------------------------------------------------------
out=$(sess A call modify "$ca" tx-rate 125000 rx-rate 64000)
out=$(done_of A call-modify-qos "$ca")
jqcheck "A's QoS change completes" "$out" '.request == "call-modify-qos" and .status == 0'
out=$(sess B monitor event call-qos id "$cb" count 1 timeout 20000)
jqcheck "B hears of the new QoS" "$out" '.params.tx.rate == 125000 and .params.rx.rate == 64000'

# ---- close from the caller ------------------------------------------------
out=$(sess A call close "$ca")
out=$(sess B monitor event call-close id "$cb" count 1 timeout 20000)
jqcheck "A closes: B gets the incoming close" "$out" '.event == "call-close"'
out=$(done_of A call-close "$ca")
jqcheck "A's close completes" "$out" '.request == "call-close" and .status == 0'
sess B monitor event request-done request call-close id "$cb" count 1 timeout 20000 > /dev/null
check "both VCs are gone" wait_for 10 calls_gone "$ca" "$cb"

# ---- close from the called side -------------------------------------------
ca=$(sess A call make af "$afa" to svc1 | jid)
cb=$(sess B monitor event call-incoming sap "$sb" count 1 timeout 20000 | jid)
sess B call accept "$cb" > /dev/null
done_of A call-make "$ca" > /dev/null
out=$(sess B call close "$cb")
out=$(sess A monitor event call-close id "$ca" count 1 timeout 20000)
jqcheck "B closes: A gets the incoming close" "$out" '.event == "call-close"'
check "and A's VC is deleted" wait_for 10 calls_gone "$ca"

# ---- reject with a cause, calling nobody, accept timeout, delayed accept ---
ca=$(sess A call make af "$afa" to svc1 | jid)
cb=$(sess B monitor event call-incoming sap "$sb" count 1 timeout 20000 | jid)
out=$(sess B call reject "$cb" cause incompatible-qos)
out=$(done_of A call-make "$ca")
jqcheck "a rejected call fails with the callee's cause" "$out" \
	'.status != 0 and ."ndis-status" == 3221291047'
out=$(sess A call make af "$afa" to nosuch)
ca=$(jid <<< "$out")
out=$(done_of A call-make "$ca")
jqcheck "calling an unregistered SAP fails with NDIS_STATUS_INVALID_ADDRESS" "$out" \
	'.status != 0 and ."ndis-status" == 3221291042'
ca=$(sess A call make af "$afa" to svc3 | jid)
out=$(done_of A call-make "$ca")
jqcheck "an unanswered call is rejected when the SAP's accept timeout ends" "$out" \
	'.status == -110'
ca=$(sess A call make af "$afa" to svc2 | jid)
cc=$(sess C monitor event call-incoming sap "$sc" count 1 timeout 20000 | jid)
nap 1		# the delay being tested: the answer comes late, within the timeout
sess C call accept "$cc" > /dev/null
out=$(done_of A call-make "$ca")
jqcheck "a delayed accept connects the call" "$out" '.status == 0'
sess A call close "$ca" > /dev/null
done_of A call-close "$ca" > /dev/null

# ---- a multipoint call: add and drop a party ------------------------------
out=$(sess A call make af "$afa" to svc1 multipoint)
ca=$(jid <<< "$out")
cb=$(sess B monitor event call-incoming sap "$sb" count 1 timeout 20000 | jid)
sess B call accept "$cb" > /dev/null
out=$(done_of A call-make "$ca")
jqcheck "a multipoint call to B connects" "$out" '.status == 0'
out=$(sess A party add call "$ca" to svc2)
pc=$(jid <<< "$out")
jqcheck "A adds a party on C: pending" "$out" '.state == "adding"'
cc=$(sess C monitor event call-incoming sap "$sc" count 1 timeout 20000 | jid)
sess C call accept "$cc" > /dev/null
out=$(done_of A party-add "$pc")
jqcheck "the party is added" "$out" '.request == "party-add" and .status == 0'
out=$(sess B call show "$ca")
jqcheck "the call lists two parties" "$out" '.parties | length == 2'
sess A vc send "$ca" to-all > /dev/null
out=$(sess B vc recv "$cb" timeout 20000)
jqcheck "a frame from the root reaches B" "$out" '.data == "to-all"'
out=$(sess C vc recv "$cc" timeout 20000)
jqcheck "and C" "$out" '.data == "to-all"'
sess A party drop "$pc" > /dev/null
out=$(done_of A party-drop "$pc")
jqcheck "A drops C's party" "$out" '.request == "party-drop" and .status == 0'
out=$(sess C monitor event call-close id "$cc" count 1 timeout 20000)
jqcheck "C sees its call closed" "$out" '.event == "call-close"'
out=$(sess B call show "$ca")
jqcheck "one party left" "$out" '.parties | length == 1'
out=$(sess A call close "$ca")
jqcheck "A closes the multipoint call (with its last party)" "$out" '.state != null'
out=$(sess B monitor event call-close id "$cb" count 1 timeout 20000)
jqcheck "and B, the last leaf, hears it" "$out" '.event == "call-close"'

# ---- an AF with nothing on it closes at once (regression: the reply read
# the freed client context, found by condis-fuzz) ------------------------------
afx=$(sess C af open lo | jid)
out=$(sess C af close "$afx")
jqcheck "an empty AF closes at once" "$out" '.state == "closed"'
jqcheck "and is gone" "$(sess C af show)" "map(select(.id == $afx)) | length == 0"

# ---- a killed client leaves nothing ------------------------------------------
ca=$(sess A call make af "$afa" to svc1 | jid)
cb=$(sess B monitor event call-incoming sap "$sb" count 1 timeout 20000 | jid)
sess B call accept "$cb" > /dev/null
done_of A call-make "$ca" > /dev/null
sess A call make af "$afa" to svc3 > /dev/null	# left unanswered
sess C monitor event call-incoming sap "$st" count 1 timeout 20000 > /dev/null
sess_kill A
out=$(sess B monitor event call-close id "$cb" count 1 timeout 20000)
jqcheck "B sees the call of the killed client closed" "$out" '.event == "call-close"'
af_gone() { [[ $(sess B af show) != *"\"id\":$1,"* ]]; }
check "the killed client's AF is gone" wait_for 30 af_gone "$afa"

sess_stop_all
check "no AF, SAP, VC or party is left" wait_for 10 objects_zero
check "condis_lo.ko unloads" mod_unload condis_lo
check "condis.ko unloads" mod_unload condis
exit $ret
