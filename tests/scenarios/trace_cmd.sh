#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Following one call with trace-cmd, as Documentation/condis/tracing.rst
# shows it: condis's events recorded while a call over the loopback adapter
# is made, accepted, carries a frame and is closed; the report of the
# caller's VC alone shows its transitions in order, its requests issued,
# pended, completed and delivered in that order, and nothing of the other
# calls made meanwhile.
set -u
source "$(dirname "$0")/lib.sh"
require_root

command -v trace-cmd > /dev/null || { log "trace-cmd is not installed"; exit $KSFT_SKIP; }
check "condis.ko loads" mod_load condis
check "condis_lo.ko loads" mod_load condis_lo

sess_start A
sess_start B
sess A af open lo; afa=$id
sess B af open lo; afb=$id
sess B sap register af "$afb" address traced; sb=$id
done_of B sap-register "$sb"
jqcheck "B registers SAP traced" "$ans" '.status == 0'

trace_off() { trace-cmd reset > /dev/null 2>&1; }
at_exit trace_off
check "trace-cmd starts recording condis's events" trace-cmd start -q -e condis
sess A call make af "$afa" to traced; ca=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS; cb=$id
sess B call accept "$cb"
done_of A call-make "$ca"
jqcheck "A's call is made" "$ans" '.status == 0'
sess A call make af "$afa" to traced; other=$id	# a call not followed
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS
sess B call reject "$id"
sess A vc send "$ca" traced-frame
sess B vc recv "$cb" timeout $WAIT_MS
jqcheck "a frame crosses the call" "$ans" '.data == "traced-frame"'
sess A call close "$ca"
done_of A call-close "$ca"
jqcheck "A closes the call" "$ans" '.status == 0'
check "trace-cmd stops" trace-cmd stop
check "trace-cmd extracts the record" trace-cmd extract -o "$T/condis.dat" > /dev/null 2>&1
trace_off
[ -n "${CONDIS_RESULTS:-}" ] && cp "$T/condis.dat" "$CONDIS_RESULTS/trace_cmd.dat"

# the caller's VC alone: condis_state and the request events print it as
# obj=TYPE/ID, TYPE 6 a VC (Documentation/condis/tracing.rst)
# (-F before -i: trace-cmd applies a filter to the inputs named after it)
trace-cmd report -F "condis/.*: type == 6 && id == $ca" -i "$T/condis.dat" \
	> "$T/call.txt" 2> "$T/report.err"
check "trace-cmd reports the call" test -s "$T/call.txt"
log "the report of VC $ca:"
sed 's/^/#   /' "$T/call.txt"

# transitions: the call's states, and where its activation ends (the
# miniport may pass through activating and deactivating, or not)
states() {
	sed -n -E -e "s#.*condis_state: +obj=6/$ca (call [a-z]+->[a-z]+)\$#\1#p" \
		-e "s#.*condis_state: +obj=6/$ca activation [a-z]+->(active|inactive)\$#activation ->\1#p" \
		"$T/call.txt"
}
have=$(states | tr '\n' ',')
want="call idle->outgoing,activation ->active,call outgoing->connected,"
want+="call connected->closing,activation ->inactive,call closing->idle,"
log "transitions: $have"
check "the call's transitions appear in order" test "$have" = "$want"

# the make call request: issued, pended, completed, delivered, by its seq
seq=$(sed -n -E "s|.*condis_request: +make_call obj=6/$ca seq=([0-9]+).*|\1|p" "$T/call.txt" | head -1)
check "its make call is traced when issued" test -n "$seq"
order=$(grep -E "condis_(request|pended|complete|deliver): +[a-z_]+ obj=6/$ca seq=${seq:-x}( |\$)" "$T/call.txt" |
	sed -E 's/.*(condis_[a-z]+):.*/\1/' | tr '\n' ' ')
log "make call $seq: $order"
check "and then pended, completed and delivered, in that order" \
	test "$order" = "condis_request condis_pended condis_complete condis_deliver "
check "the report follows that call only" bash -c "! grep -q 'obj=6/$other ' '$T/call.txt'"
check "the other call was recorded" bash -c "grep -q 'obj=6/$other ' <(trace-cmd report -i '$T/condis.dat' 2>/dev/null)"

sess_stop_all
check "no condis object left" wait_for 10 objects_zero
exit $ret
