#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condisctl on the loopback adapter (condis_lo): two client processes make,
# accept, reject and close calls, move data both ways, add and drop a
# party, modify QoS; delayed accept and accept timeout; calling a SAP
# nobody registered; a close the far end made while a send was held; a
# killed client leaves nothing behind; requests sent together, each
# answered once, when done (condis-stress answers).
set -u
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
sess A af open lo; afa=$id
sess B af open lo; afb=$id
sess C af open lo; afc=$id
check "each client opens the loopback AF" test -n "$afa" -a -n "$afb" -a -n "$afc"

sess B sap register af "$afb" address svc1; sb=$id
done_of B sap-register "$sb"
jqcheck "B registers SAP svc1" "$ans" '.status == 0'
sess C sap register af "$afc" address svc2; sc=$id
done_of C sap-register "$sc"
jqcheck "C registers SAP svc2" "$ans" '.status == 0'
sess C sap register af "$afc" address svc3 accept-timeout 1000; st=$id
done_of C sap-register "$st"
jqcheck "C registers SAP svc3 with a 1 s accept timeout" "$ans" '.status == 0'
sess A sap register af "$afa" address svc1; sa=$id
done_of A sap-register "$sa"
jqcheck "a second SAP svc1 is refused" "$ans" '.status == -98'

# ---- a call, accepted by another process --------------------------------
sess A call make af "$afa" to svc1; out=$ans
jqcheck "A calls svc1: pending" "$out" '.state == "outgoing"'
ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; inc=$ans
jqcheck "B gets the incoming call on its SAP" "$inc" '.sap != null and .params."cm-specific" == "svc1"'
cb=$id
sess B call accept "$cb"; out=$ans
jqcheck "B accepts" "$out" '.state == "accepted"'
done_of A call-make "$ca"; out=$ans
jqcheck "A's make call completes with success" "$out" '.request == "call-make" and .status == 0'
sess B monitor event call-connected id "$cb" count 1 timeout $WAIT_MS; out=$ans
jqcheck "B's call is connected" "$out" '.event == "call-connected"'
sess B call show "$ca"; out=$ans
jqcheck "call show: outgoing, connected" "$out" '.state == "connected" and .direction == "outgoing"'
sess A call accept "$cb"; out=$ans
jqcheck "A cannot answer B's call" "$out" '.errno == 1 and (.extack | test("another"))'

# ---- data both ways, byte-exact -----------------------------------------
head -c 1400 /dev/urandom > $T/ab.bin
head -c 64 /dev/urandom > $T/ba.bin
sess A vc send "$ca" file $T/ab.bin; out=$ans
jqcheck "A sends 1400 bytes" "$out" '.sent == 1400'
sess B vc recv "$cb" file $T/ab.out timeout $WAIT_MS; out=$ans
jqcheck "B receives 1400 bytes" "$out" '.len == 1400'
check "A to B is byte-exact" cmp -s $T/ab.bin $T/ab.out
sess B vc send "$cb" "0x$(hex $T/ba.bin)"; out=$ans
sess A vc recv "$ca" timeout $WAIT_MS; out=$ans
jqcheck "B to A is byte-exact" "$out" ".data == \"0x$(hex $T/ba.bin)\""
for ((i = 1; i <= 20; i++)); do sess A vc send "$ca" "frame$i"; done
got=""
for i in {1..20}; do
	sess B vc recv "$cb" timeout $WAIT_MS
	[[ $ans =~ \"data\":\"([^\"]*)\" ]] && got+=${BASH_REMATCH[1]},
done
want=
for i in {1..20}; do want+="frame$i,"; done
check "20 frames arrive in order" test "$got" = "$want"
sess B vc show "$ca"; out=$ans
jqcheck "counters: A sent 21 frames, received 1" "$out" \
	'.stats."tx-packets" == 21 and .stats."rx-packets" == 1 and .stats."tx-bytes" > 1400'
out=$("$CONDISCTL" -j call show "$ca")
jqcheck "call show has no counters without -s, as ip" "$out" '.stats == null and .state == "connected"'
out=$("$CONDISCTL" -j -stats call show "$ca")
jqcheck "with -stats (ip's spelling of -s) it has them" "$out" '.stats."tx-packets" == 21'

# ---- QoS ------------------------------------------------------------------
sess A call modify "$ca" tx-rate 125000 rx-rate 64000; out=$ans
done_of A call-modify-qos "$ca"; out=$ans
jqcheck "A's QoS change completes" "$out" '.request == "call-modify-qos" and .status == 0'
sess B monitor event call-qos id "$cb" count 1 timeout $WAIT_MS; out=$ans
jqcheck "B hears of the new QoS" "$out" '.params.tx.rate == 125000 and .params.rx.rate == 64000'

# ---- close from the caller ------------------------------------------------
sess A call close "$ca"; out=$ans
sess B monitor event call-close id "$cb" count 1 timeout $WAIT_MS; out=$ans
jqcheck "A closes: B gets the incoming close" "$out" '.event == "call-close"'
done_of A call-close "$ca"; out=$ans
jqcheck "A's close completes" "$out" '.request == "call-close" and .status == 0'
sess B monitor event request-done request call-close id "$cb" count 1 timeout $WAIT_MS
check "both VCs are gone" wait_for 10 calls_gone B "$ca" "$cb"

# ---- close from the called side (the call accepted with parameters: they
# are copied, and freed, the leak check sees to it) -----------------------------
sess A call make af "$afa" to svc1; ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call accept "$cb" tx-peak 5000
done_of A call-make "$ca"; out=$ans
jqcheck "a call accepted with parameters connects" "$out" '.status == 0'
sess B call close "$cb"; out=$ans
sess A monitor event call-close id "$ca" count 1 timeout $WAIT_MS; out=$ans
jqcheck "B closes: A gets the incoming close" "$out" '.event == "call-close"'
check "and A's VC is deleted" wait_for 10 calls_gone B "$ca"

# ---- reject with a cause, calling nobody, accept timeout, delayed accept ---
sess A call make af "$afa" to svc1; ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call reject "$cb" cause incompatible-qos; out=$ans
done_of A call-make "$ca"; out=$ans
jqcheck "a rejected call fails with the callee's cause" "$out" \
	'.status != 0 and ."ndis-status" == '"$NDIS_STATUS_INCOMPATIBLE_QOS"
sess A call make af "$afa" to nosuch; out=$ans
ca=$id
done_of A call-make "$ca"; out=$ans
jqcheck "calling an unregistered SAP fails with NDIS_STATUS_INVALID_ADDRESS" "$out" \
	'.status != 0 and ."ndis-status" == '"$NDIS_STATUS_INVALID_ADDRESS"
sess A call make af "$afa" to svc3; ca=$id
done_of A call-make "$ca"; out=$ans
jqcheck "an unanswered call is rejected when the SAP's accept timeout ends" "$out" \
	'.status == -110'
sess A call make af "$afa" to svc2; ca=$id
sess C monitor event call-incoming sap "$sc" count 1 timeout $WAIT_MS; cc=$id
nap 1		# the delay being tested: the answer comes late, within the timeout
sess C call accept "$cc"
done_of A call-make "$ca"; out=$ans
jqcheck "a delayed accept connects the call" "$out" '.status == 0'
sess A call close "$ca"
done_of A call-close "$ca"

# ---- a SAP's backlog: the kernel accepts, its owner hears of it after ------
sess C sap register af "$afc" address svc4 backlog 2; sbl=$id
done_of C sap-register "$sbl"
sess C sap show "$sbl"; out=$ans
jqcheck "C registers SAP svc4 with a backlog of 2" "$out" '.backlog == 2'
sess A call make af "$afa" to svc4; ca=$id
done_of A call-make "$ca"; out=$ans
jqcheck "a call to it connects with nobody answering" "$out" '.status == 0'
sess C monitor event call-incoming sap "$sbl" count 1 timeout $WAIT_MS; cc=$id; out=$ans
jqcheck "C hears of the call, accepted" "$out" '.accepted == true'
sess C call accept "$cc"; out=$ans
jqcheck "and cannot answer it" "$out" '.errno == 22 and (.extack | test("not waiting"))'
sess C monitor event call-connected id "$cc" count 1 timeout $WAIT_MS; out=$ans
jqcheck "C's side is connected" "$out" '.event == "call-connected"'
more=()
for i in 1 2 3; do
	sess A call make af "$afa" to svc4; more+=("$id")
	done_of A call-make "$id"
	[ "$(jq .status <<< "$ans")" = 0 ] || break
done
check "three more calls connect too: a connected call frees its place" test ${#more[@]} = 3 -a \
	"$(jq .status <<< "$ans")" = 0
for c in "$ca" "${more[@]}"; do
	sess A call close "$c"
	done_of A call-close "$c"
done

# ---- a multipoint call: add and drop a party ------------------------------
sess A call make af "$afa" to svc1 multipoint; out=$ans
ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call accept "$cb"
done_of A call-make "$ca"; out=$ans
jqcheck "a multipoint call to B connects" "$out" '.status == 0'
sess A party add call "$ca" to svc2; out=$ans
pc=$id
jqcheck "A adds a party on C: pending" "$out" '.state == "adding"'
sess C monitor event call-incoming sap "$sc" count 1 timeout $WAIT_MS; cc=$id
sess C call accept "$cc"
done_of A party-add "$pc"; out=$ans
jqcheck "the party is added" "$out" '.request == "party-add" and .status == 0'
sess B call show "$ca"; out=$ans
jqcheck "the call lists two parties" "$out" '.parties | length == 2'
sess A vc send "$ca" to-all
sess B vc recv "$cb" timeout $WAIT_MS; out=$ans
jqcheck "a frame from the root reaches B" "$out" '.data == "to-all"'
sess C vc recv "$cc" timeout $WAIT_MS; out=$ans
jqcheck "and C" "$out" '.data == "to-all"'
sess A party drop "$pc"
done_of A party-drop "$pc"; out=$ans
jqcheck "A drops C's party" "$out" '.request == "party-drop" and .status == 0'
sess C monitor event call-close id "$cc" count 1 timeout $WAIT_MS; out=$ans
jqcheck "C sees its call closed" "$out" '.event == "call-close"'
sess B call show "$ca"; out=$ans
jqcheck "one party left" "$out" '.parties | length == 1'
sess A call close "$ca"; out=$ans
jqcheck "A closes the multipoint call (with its last party)" "$out" '.state != null'
sess B monitor event call-close id "$cb" count 1 timeout $WAIT_MS; out=$ans
jqcheck "and B, the last leaf, hears it" "$out" '.event == "call-close"'

# ---- the last leaf leaves: the root closes with its last party (a close
# without it was refused, and the root's call stayed half-closed) ----------
sess A call make af "$afa" to svc1 multipoint; ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call accept "$cb"
done_of A call-make "$ca"; out=$ans
jqcheck "a multipoint call to B connects again" "$out" '.status == 0'
sess B call close "$cb"
sess A monitor event call-close id "$ca" count 1 timeout $WAIT_MS; out=$ans
jqcheck "B, the last leaf, leaves: A hears the close" "$out" '.event == "call-close"'
check "and A's multipoint call closes with its last party" wait_for 10 calls_gone B "$ca"

# ---- the far end closes while a send of ours is outstanding past
# pend_timeout_ms (condis_lo's tx_hold holds it): our close is refused
# (-EBUSY: NDIS has every send complete first) and made again until the
# send completed --------------------------------------------------------------
pend=/sys/module/condis/parameters/pend_timeout_ms
hold=/sys/module/condis_lo/parameters/tx_hold
pend_was=$(<"$pend")
restore "$pend"
restore "$hold"
sess A call make af "$afa" to svc1; ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call accept "$cb"
done_of A call-make "$ca"
echo 300 >"$pend"
echo 1 >"$hold"
sess A vc send "$ca" held
sess B call close "$cb"
sess A monitor event call-close id "$ca" count 1 timeout $WAIT_MS; out=$ans
jqcheck "B closes while A's send is held: A hears the close" "$out" '.event == "call-close"'
nap 1		# past the drain's 300 ms, and closes refused since
check "A's call stays while its send is held" call_up B "$ca"
echo 0 >"$hold"
check "and goes once the send completed (the close made again)" wait_for 10 calls_gone B "$ca"
echo "$pend_was" >"$pend"

# ---- an AF with nothing on it closes at once (regression: the reply read
# the freed client context, found by condis-fuzz) ------------------------------
sess C af open lo; afx=$id
sess C af close "$afx"; out=$ans
jqcheck "an empty AF closes at once" "$out" '.state == "closed"'
sess C af show
jqcheck "and is gone" "$ans" "map(select(.id == $afx)) | length == 0"

# ---- a killed client leaves nothing ------------------------------------------
sess A call make af "$afa" to svc1; ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call accept "$cb"
done_of A call-make "$ca"
sess A call make af "$afa" to svc3	# left unanswered
sess C monitor event call-incoming sap "$st" count 1 timeout $WAIT_MS
sess_kill A
sess B monitor event call-close id "$cb" count 1 timeout $WAIT_MS; out=$ans
jqcheck "B sees the call of the killed client closed" "$out" '.event == "call-close"'
af_gone() { sess B af show; [[ $ans != *"\"id\":$1,"* ]]; }
check "the killed client's AF is gone" wait_for 30 af_gone "$afa"

sess_stop_all

# sap listen naming its adapter opens its own AF (a condis-listen@ service's
# line); with count 1 it ends after one call answered and closed
"$CONDISCTL" -j sap listen adapter lo address lsn1 count 1 > "$T/listen.out" 2>&1 &
lpid=$!
listening() { grep -q '"state":"active"' "$T/listen.out"; }
check "sap listen adapter lo: its own AF, its SAP active" wait_for 20 listening
sess_start M
sess M af open lo; afm=$id
sess M call make af "$afm" to lsn1; cm=$id
done_of M call-make "$cm"; out=$ans
jqcheck "it answers a call" "$out" '.status == 0'
sess M call close "$cm"
done_of M call-close "$cm"
listen_rc=0
wait "$lpid" || listen_rc=$?
check "and ends after it (count 1)" test "$listen_rc" = 0
sess_stop_all

# ---- requests sent together, each answered once when done ------------------
# (reply-when-done: a request that pends is answered by its request-done)
out=$("$STRESS" answers calls 64 2> "$T/answers.err")
show_log "$T/answers.err" answers.err
jqcheck "64 calls made, then closed, each batch in one send: every request answered once, when done" \
	"$out" '.made == 64 and .closed == 64 and .extra == 0 and .wrong == 0 and .left == 0'
jqcheck "a stranger's AF among them: refused with its message, the others answered" \
	"$out" '.refused == 1 and (.extack | length) > 0'
jqcheck "a monitor sees each of their request-done notifications" "$out" '.monitored == 128'
check "no AF, SAP, VC or party is left" wait_for 10 objects_zero
check "condis_lo.ko unloads" mod_unload condis_lo
check "condis.ko unloads" mod_unload condis
exit $ret
