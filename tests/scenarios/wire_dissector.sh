#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis on the wire, as Wireshark shows it: calls between two namespaces
# joined by veth are captured with dumpcap at B, and tshark decodes the
# capture with condis's dissector (userspace/wireshark/condis.lua): a call
# made, carrying a frame, its QoS modified and closed; a call rejected with
# a cause; a call to a SAP nobody registered; a call a SAP's backlog
# accepts (no CALL PROCEEDING: the answer is at once). Every message
# appears with its call reference, tokens, SAP and cause, in the order the
# protocol sends them; the capture is kept in the results
# (wire_dissector.pcapng).
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/eth-calls.inc"
require_root

command -v tshark > /dev/null || { log "tshark is not installed"; exit $KSFT_SKIP; }
LUA=$(cd "$(dirname "$0")/../.." && pwd)/userspace/wireshark/condis.lua
eth_modules veth
veth_hosts

# the capture, at B, of condis's EtherType only
ip netns exec "$b" dumpcap -i vb -f 'ether proto 0x88b5' -w "$T/cap.pcapng" 2> "$T/dumpcap.err" &
cap=$!
capturing() { grep -q "Capturing on" "$T/dumpcap.err"; }
check "dumpcap captures at B" wait_for 30 capturing

# 1: made, a frame, QoS modified, closed by the caller
call_offered "$a" va "$b" vb dissected tx-peak 1000000
sess B call accept "$cb"
done_of A call-make "$ca"
jqcheck "a call is made" "$ans" '.status == 0'
sess A vc send "$ca" dissected-frame
sess B vc recv "$cb" timeout $WAIT_MS
sess A call modify "$ca" tx-rate 125000
done_of A call-modify-qos "$ca"
jqcheck "its QoS is modified" "$ans" '.status == 0'
sess A call close "$ca"
done_of A call-close "$ca"
jqcheck "and it is closed" "$ans" '.status == 0'
# 2: rejected with a cause
sess A call make af "$afa" to dissected station "$macb"; cr=$id
sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS
sess B call reject "$id" cause incompatible-qos
done_of A call-make "$cr"
jqcheck "a call is rejected" "$ans" '."ndis-status" == '"$NDIS_STATUS_INCOMPATIBLE_QOS"
# 3: to a SAP nobody registered
sess A call make af "$afa" to nobody station "$macb"; cn=$id
done_of A call-make "$cn"
jqcheck "a call to no SAP fails" "$ans" '."ndis-status" == '"$NDIS_STATUS_INVALID_ADDRESS"
# a SAP whose backlog accepts: the answer is at once, no CALL PROCEEDING
sess B sap register af "$afb" address backlogged backlog 1; sbl=$id
done_of B sap-register "$sbl"
sess A call make af "$afa" to backlogged station "$macb"; cbl=$id
done_of A call-make "$cbl"
jqcheck "a call a backlog accepts is made" "$ans" '.status == 0'
sess A call close "$cbl"
done_of A call-close "$cbl"
sess_stop_all

# dumpcap counts what it has written ("Packets: N" on stderr): the 18
# messages and the data frame are in the file before it is stopped
captured() {
	local n
	n=$(tr '\r' '\n' < "$T/dumpcap.err" | sed -n 's/^Packets: \([0-9]*\).*/\1/p' | tail -1)
	[ "${n:-0}" -ge 19 ]
}
check "dumpcap has the frames" wait_for 30 captured
kill -INT "$cap"
check "dumpcap ends its capture" wait "$cap"
[ -n "${CONDIS_RESULTS:-}" ] && cp "$T/cap.pcapng" "$CONDIS_RESULTS/wire_dissector.pcapng"

# one line per frame: type, flags, reference, tokens, label, cause, SAP
fields=(condis.type condis.flags.from_caller condis.ref condis.token condis.call_token
	condis.label condis.cause condis.sap.text)
tshark -X lua_script:"$LUA" -r "$T/cap.pcapng" -T fields -E separator=/t -E occurrence=f \
	$(printf -- '-e %s ' "${fields[@]}") -e _ws.col.Info > "$T/decoded.txt" 2> "$T/tshark.err"
# (tshark warns that it runs as root: nothing else on stderr)
check "tshark decodes the capture with the dissector" \
	test -s "$T/decoded.txt" -a -z "$(grep -v 'Running as user' "$T/tshark.err")"
cut -f 9 "$T/decoded.txt" | sed 's/^/#   /'
check "no frame is malformed" bash -c "! grep -qi malformed '$T/decoded.txt'"

# the messages in order, as names: signalling.rst's exchanges
names() { cut -f 9 "$T/decoded.txt" | sed -E 's/ (ref|label)=.*//' | tr '\n' ','; }
have=$(names)
log "messages: $have"
want="SETUP,CALL PROCEEDING,CONNECT,CONNECT ACK,DATA,MODIFY,MODIFY ACK,RELEASE,RELEASE COMPLETE,"
want+="SETUP,CALL PROCEEDING,RELEASE COMPLETE,SETUP,RELEASE COMPLETE,"
want+="SETUP,CONNECT,CONNECT ACK,RELEASE,RELEASE COMPLETE,"
check "SETUP, CONNECT, data, MODIFY, RELEASE; a reject; no SAP; a backlog's: in order" \
	test "$have" = "$want"

# frame N's field F (1-based, in the order of "fields")
field() { awk -F '\t' -v n="$1" -v f="$2" 'NR == n { print $f }' "$T/decoded.txt"; }
ref=$(field 1 3)
check "SETUP: from the caller, the SAP, no token for the receiver yet" \
	test "$(field 1 2)" = 1 -a "$(field 1 8)" = dissected -a "$(field 1 4)" = 0x00000000
check "CONNECT: the same reference, the caller's token, B's label" \
	test "$(field 3 3)" = "$ref" -a "$(field 3 4)" = "$(field 1 5)" -a "$(field 3 6)" != 0
check "RELEASE COMPLETE of the close: the reference, success" \
	test "$(field 9 3)" = "$ref" -a "$(field 9 7)" = 0x00000000
check "the rejected call: another reference, the callee's cause" \
	test "$(field 12 3)" != "$ref" -a "$(field 12 7)" = 0xc0010027
check "no SAP: NDIS_STATUS_INVALID_ADDRESS" test "$(field 14 7)" = 0xc0010022
check "causes are shown by name" grep -q "cause=NDIS_STATUS_INCOMPATABLE_QOS" "$T/decoded.txt"

exit $ret
