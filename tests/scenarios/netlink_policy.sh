#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The condis netlink family as other tools and other users see it: genl
# ctrl lists it, the kernel's own YNL client drives it from the YAML spec,
# an unprivileged user gets EPERM on every change, objects of one network
# namespace are invisible and unusable from another, malformed attributes
# are refused with an extack message and change nothing, dumps resume
# across messages, the per-socket and per-namespace limits give a clear
# error; the root of a user namespace may change only a network namespace
# its user namespace owns; objects are charged to the client's memory
# cgroup.
set -u
source "$(dirname "$0")/lib.sh"
require_root

check "condis.ko loads" mod_load condis
check "condis_lo.ko loads" mod_load condis_lo
top=$(cd "$(dirname "$0")/../.." && pwd)
spec=$top/Documentation/netlink/specs/condis.yaml
# the kernel's YNL client (the schema is checked on the host: slow here)
ynl() { python3 "$CONDIS_KSRC/tools/net/ynl/cli.py" --spec "$spec" --no-schema "$@"; }

# ---- genl ctrl and the YNL client ------------------------------------------
ctrl=$(genl ctrl get name condis)
check "genl ctrl lists the family" grep -q "Name: condis" <<< "$ctrl"
check "with its 16 operations" test "$(grep -o 'ID-0x[0-9a-f]*' <<< "$ctrl" | sort -u | wc -l)" -ge 16
check "and its events group" grep -q "name: events" <<< "$ctrl"

out=$(ynl --dump adapter-get --output-json)
jqcheck "cli.py dumps the adapters" "$out" 'map(select(.name == "lo")) | length == 1'
# the loopback adapter's id (earlier scenarios in the guest made others)
lo=$(jq '.[] | select(.name == "lo") | .id' <<< "$out")

sess_start R
sess R af open lo; afr=$id
sess R sap register af "$afr" address rsvc; sr=$id
sess R monitor event request-done request sap-register id "$sr" count 1 timeout $WAIT_MS
sess R call make af "$afr" to rsvc; cr=$id
sess R monitor event call-incoming sap "$sr" count 1 timeout $WAIT_MS; ci=$id
sess R call accept "$ci"
sess R monitor event request-done request call-make id "$cr" count 1 timeout $WAIT_MS; out=$ans
jqcheck "a session calls its own SAP" "$out" '.status == 0'

out=$(ynl --dump call-get --output-json)
jqcheck "cli.py dumps the calls" "$out" \
	"map(select(.id == $cr and .state == \"connected\")) | length == 1"
# AF ids are allocated in turn: the next one is that of a throwaway AF + 1
next=$(( $("$CONDISCTL" -j af open lo | jid) + 1 ))
out=$(ynl --multi af-open "{\"adapter-id\": $lo, \"type\": 1}" \
	  --multi call-make "{\"af-id\": $next, \"address\": \"$(printf rsvc | od -An -tx1 | tr -d ' \n')\"}" \
	  --output-json)
jqcheck "cli.py opens an AF and makes a call in one message" "$out" \
	".[0].id == $next and .[1].state == \"outgoing\" and .[1].pending == true"
# cli.py is gone: its call is torn down once R answers it
sess R monitor event call-incoming sap "$sr" count 1 timeout $WAIT_MS; cy=$id
sess R call accept "$cy"
sess R monitor event call-close id "$cy" count 1 timeout $WAIT_MS; out=$ans
jqcheck "the call of the exited cli.py is closed once answered" "$out" '.event == "call-close"'

# ---- privileges -------------------------------------------------------------
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$CONDISCTL" -j adapter show)
jqcheck "an unprivileged user may look" "$out" 'length >= 1'
cat > $T/changes <<EOT
af open lo
af close $afr
sap register af $afr address x
sap deregister $sr
call make af $afr to rsvc
call accept $ci
call reject $ci
call close $cr
call modify $cr tx-rate 1
party add call $cr to rsvc
party drop 1
vc send $cr x
EOT
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$CONDISCTL" -j -b $T/changes)
check "an unprivileged user gets EPERM on each of the 12 changes" \
	test "$(grep -c '"errno":1,' <<< "$out")" = 12
sess R call show "$cr"; out=$ans
jqcheck "and changed nothing" "$out" '.state == "connected"'

# ---- namespaces -------------------------------------------------------------
netns_add other
cat > $T/other <<EOT
adapter show
af show
call show
call show $cr
call close $cr
af close $afr
sap deregister $sr
af open lo
EOT
mapfile -t lines < <(ip netns exec "other-$nsid" "$CONDISCTL" -j -b $T/other)
jqcheck "another namespace has its own loopback adapter" "${lines[0]}" \
	'length == 1 and .[0].name == "lo"'
jqcheck "and sees none of our AFs" "${lines[1]}" 'length == 0'
jqcheck "nor our calls" "${lines[2]}" 'length == 0'
jqcheck "our call is not there by id" "${lines[3]}" '.errno == 2'
jqcheck "closing it: no such call" "${lines[4]}" '.errno == 2'
jqcheck "closing our AF: no such AF" "${lines[5]}" '.errno == 2'
jqcheck "deregistering our SAP: no such SAP" "${lines[6]}" '.errno == 2'
jqcheck "its own AF opens" "${lines[7]}" '.state == "open"'
sess R call show "$cr"; out=$ans
jqcheck "our call is untouched" "$out" '.state == "connected"'

# ---- malformed attributes -------------------------------------------------------
sess R af show; before=$ans
# one YNL process for every malformed request: OPERATION JSON per line
mapfile -t bad_out < <(python3 "$(dirname "$0")/ynl-requests.py" "$CONDIS_KSRC" "$spec" <<EOT
af-open {"adapter-id": $lo, "type": 0}
af-open {"adapter-id": $lo}
af-open {"adapter-id": $lo, "type": 1, "client": "x"}
af-open {"adapter-id": 0, "type": 1}
af-open {"adapter-id": 99999, "type": 1}
af-open {"adapter-id": $lo, "type": 77}
sap-register {"af-id": $afr, "address": "$(printf '%0130d' 0)"}
sap-register {"af-id": $afr, "address": "41", "accept-timeout": 0}
sap-register {"af-id": $afr, "address": "41", "backlog": 0}
call-make {"af-id": $afr, "address": "41", "params": {"flags": 256}}
call-make {"af-id": $afr, "address": "41", "params": {"cm-specific": "42"}}
call-reject {"id": $ci, "cause": 0}
af-close {"id": $afr}
EOT
)
i=0
for what in "af-open with type 0 is refused with a message" \
	    "af-open without a type names the missing attribute" \
	    "af-open with an attribute it does not take is refused" \
	    "af-open on adapter 0 is refused" \
	    "af-open on a missing adapter is refused" \
	    "af-open of a family nobody registered is refused" \
	    "a 65-byte SAP address is refused" \
	    "an accept timeout of 0 is refused" \
	    "a backlog of 0 is refused" \
	    "unknown call flags are refused" \
	    "an address and a CM-specific block are refused together" \
	    "answering a call that waits for no answer is refused" \
	    "another socket's AF cannot be closed"; do
	line=${bad_out[$i]:-none}
	if [[ $line == "error "* ]] && [[ $line == *'"msg"'* || $line == *'"miss-type"'* ]]; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		echo "#   got: $line"
		ret=$KSFT_FAIL
	fi
	i=$((i + 1))
done
sess R af show; after=$ans
check "none of that changed anything" test "$before" = "$after"

# ---- what of a call a query shows ----------------------------------------------
mapfile -t q < <(python3 "$(dirname "$0")/ynl-requests.py" "$CONDIS_KSRC" "$spec" <<EOT
dump:call-get {"fields": ["state"]}
call-get {"id": $cr, "fields": ["stats", "direction"]}
call-get {"id": $cr, "fields": 256}
dump:call-get {"id": $cr}
EOT
)
jqcheck "a dump asked for the state shows each call's id and state only" "${q[0]#ok }" \
	"map(select(.id == $cr)) | length == 1 and (.[0] | keys) == [\"id\", \"state\"] and .[0].state == \"connected\""
jqcheck "a get asked for counters and direction shows those and the id" "${q[1]#ok }" \
	'(keys | sort) == ["direction", "id", "stats"]'
check "an unknown field is refused with a message" \
	grep -q '^error 22 .*"msg"' <<< "${q[2]:-none}"
check "a dump naming a call is refused with a message" \
	grep -q '^error 22 .*"msg": "a dump takes no id"' <<< "${q[3]:-none}"

# ---- dumps across messages ------------------------------------------------------
for i in {1..150}; do echo "sap register af $afr address many$i"; done >&"${S_IN[R]}"
ids=()
for i in {1..150}; do
	read -r line <&"${S_OUT[R]}"
	[[ $line =~ \"id\":([0-9]+) ]] && ids+=("${BASH_REMATCH[1]}")
done
out=$(ynl --dump sap-get --dbg-small-recv --output-json 2>&1)
check "a dump read 4000 bytes at a time takes several messages" \
	test "$(grep -c "^Recv:" <<< "$out")" -ge 3
jqcheck "and returns every SAP once" "$(tail -1 <<< "$out")" \
	'[.[] | select(.address | startswith("6d616e79"))] | (length == 150 and (map(.id) | unique | length) == 150)'

# ---- limits -----------------------------------------------------------------------
echo 3 > /sys/module/condis/parameters/nl_max_objects_per_socket
out=$(printf 'af open lo\naf open lo\naf open lo\naf open lo\n' | "$CONDISCTL" -j -b -)
echo 65536 > /sys/module/condis/parameters/nl_max_objects_per_socket
jqcheck "a socket's fourth object over a limit of 3 is refused clearly" "$(tail -1 <<< "$out")" \
	'.errno == 28 and (.extack | test("nl_max_objects_per_socket"))'
echo 10 > /sys/module/condis/parameters/nl_max_objects_per_netns
out=$("$CONDISCTL" -j af open lo)
echo 1048576 > /sys/module/condis/parameters/nl_max_objects_per_netns
jqcheck "over the namespace's limit (R owns 150 SAPs) a new AF is refused clearly" "$out" \
	'.errno == 28 and (.extack | test("nl_max_objects_per_netns"))'

# ---- user namespaces: CAP_NET_ADMIN over the socket's network namespace ----
[ -w /proc/sys/kernel/unprivileged_userns_clone ] && echo 1 > /proc/sys/kernel/unprivileged_userns_clone
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups unshare -U -r \
	"$CONDISCTL" -j af open lo 2>/dev/null)
jqcheck "root of a user namespace without the network namespace gets EPERM" "$out" '.errno == 1'
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups unshare -U -r -n \
	"$CONDISCTL" -j af open lo 2>/dev/null)
jqcheck "in a network namespace its user namespace owns, it opens an AF" "$out" '.state == "open"'

# ---- memory cgroup: objects are charged to the client's ---------------------------
cg=/sys/fs/cgroup
mountpoint -q $cg || mount -t cgroup2 none $cg
mkdir -p $cg/condis-$nsid
echo "+memory" > $cg/cgroup.subtree_control 2>/dev/null
echo $$ > $cg/condis-$nsid/cgroup.procs	# the session below starts in it
sess_start M
echo $$ > $cg/cgroup.procs
slab() { awk '$1 == "slab_unreclaimable" { print $2 }' $cg/condis-$nsid/memory.stat; }
sess M af open lo; afm=$id
before=$(slab)
for i in {1..400}; do echo "sap register af $afm address cg$i"; done | sess_each M 400 > /dev/null
after=$(slab)
log "slab of the client's cgroup: $before -> $after bytes for 400 SAPs"
check "400 SAPs are charged to the client's memory cgroup" test $((after - before)) -ge $((400 * 128))
cg_gone() { rmdir "$cg/condis-$nsid" 2>/dev/null; }
at_exit cg_gone

sess_stop_all
check "no AF, SAP, VC or party is left" wait_for 30 objects_zero
check "condis_lo.ko unloads" mod_unload condis_lo
check "condis.ko unloads" mod_unload condis
exit $ret
