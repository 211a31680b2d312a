#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A hostile station on the link: namespaces A and B keep a call up over a
# bridge, with data both ways byte-exact, while C, on the same bridge and
# off the call's path, sends CONDIS_WIRE_FRAMES (default 60000; make
# stress: 1000000) frames of condis-wire: malformed, truncated and
# oversize, every message type with guessed references and tokens, forged
# RELEASE / CONNECT / MODIFY / DROP PARTY and data with A's address, data
# to guessed labels, group addresses, SETUP floods, causes across the u32
# range. With verifier_strict=1: the call is not disturbed, no frame but
# A's reaches B's VC (nor B's A's), the slab grows by a bounded amount,
# and B's drop counters account for C's frames. Then C offers B calls from
# stations nobody knows: B takes max_half_open of them, refuses the rest.
set -u
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/eth-calls.inc"
require_root

WIRE=$build/userspace/wire/condis-wire
frames=${CONDIS_WIRE_FRAMES:-60000}
slab_max_kb=16384	# the bound reliability.rst gives

eth_modules veth bridge
strict=/sys/module/condis/parameters/verifier_strict
backlog=/proc/sys/net/core/netdev_max_backlog
restore $strict
restore $backlog
echo 1 > $strict
# what is tested is the protocol, not the link's capacity: room enough in
# the receive backlog that the flood does not push the call's frames out
echo 100000 > $backlog
for n in a b c l; do netns_add $n; done
a=a-$nsid b=b-$nsid c=c-$nsid l=l-$nsid
ip -n "$l" link add br0 type bridge
ip -n "$l" link set br0 up
for n in a b c; do
	ip link add "v$n" netns "${n}-$nsid" type veth peer name "p$n" netns "$l"
	ip -n "$l" link set "p$n" master br0 up
	ip netns exec "${n}-$nsid" sysctl -qw "net.ipv6.conf.v$n.disable_ipv6=1"
	ip -n "${n}-$nsid" link set "v$n" up
done
# C's port does not learn: the addresses C forges (A's) must not steal A's
# frames at the bridge, an attack on the link that no protocol above it
# can stop (switches have port security for it)
ip -n "$l" link set pc type bridge_slave learning off
check "three stations on a bridge" ip -n "$l" link show pc
maca=$(mac_of "$a" va)

call_offered "$a" va "$b" vb svc1
sess B call accept "$cb"
done_of A call-make "$ca"; out=$ans
jqcheck "A calls B over the bridge" "$out" '.status == 0'
sess B monitor event call-connected id "$cb" count 1 timeout $WAIT_MS

# exchange N: N frames each way, each checked byte for byte
bad=0
exchange() {
	local i
	for ((i = 0; i < $1; i++)); do
		head -c $((200 + RANDOM % 1200)) /dev/urandom > "$T/ab.bin"
		head -c $((1 + RANDOM % 1400)) /dev/urandom > "$T/ba.bin"
		sess A vc send "$ca" file "$T/ab.bin"
		sess B vc recv "$cb" file "$T/ab.out" timeout $WAIT_MS
		cmp -s "$T/ab.bin" "$T/ab.out" || bad=$((bad + 1))
		sess B vc send "$cb" file "$T/ba.bin"
		sess A vc recv "$ca" file "$T/ba.out" timeout $WAIT_MS
		cmp -s "$T/ba.bin" "$T/ba.out" || bad=$((bad + 1))
	done
}
exchange 5
check "data both ways before the flood" test "$bad" = 0

slab() { awk '$1 == "Slab:" { print $2 }' /proc/meminfo; }
slab0=$(slab) slabmax=$slab0
ip netns exec "$c" "$WIRE" flood dev vc victim "$macb" peer "$maca" frames "$frames" \
	seed $RANDOM labels 64 label-base $((cb > 32 ? cb - 32 : 1)) refs 64 burst 32 pace-us 100 > "$T/wire.out" 2> "$T/wire.err" &
wpid=$!
rounds=0
while kill -0 $wpid 2>/dev/null; do
	exchange 1
	rounds=$((rounds + 1))
	s=$(slab)
	[ "$s" -gt "$slabmax" ] && slabmax=$s
done
wait $wpid
check "condis-wire sent its frames" test -s "$T/wire.out"
show_log "$T/wire.err" wire.err
wire=$(cat "$T/wire.out")
log "condis-wire: $wire"
log "$rounds exchanges during the flood"
check "data both ways during the flood, byte-exact" test "$bad" = 0
sess A call show "$ca"; out=$ans
jqcheck "A's call is still up" "$out" '.state == "connected"'
sess B call show "$cb"; out=$ans
jqcheck "B's call is still up" "$out" '.state == "connected"'
bad=0
exchange 3
check "and carries data after it" test "$bad" = 0

# nothing but the peer's frames reached either VC
sess A vc show "$ca"; va=$ans
sess B vc show "$cb"; vb=$ans
txa=$(jq '.stats."tx-packets"' <<< "$va") rxa=$(jq '.stats."rx-packets"' <<< "$va")
txb=$(jq '.stats."tx-packets"' <<< "$vb") rxb=$(jq '.stats."rx-packets"' <<< "$vb")
log "A sent $txa frames and received $rxa, B sent $txb and received $rxb"
check "B's VC received exactly what A sent" test "$rxb" = "$txa"
check "A's VC received exactly what B sent" test "$rxa" = "$txb"

# B's counters: every frame of C that reached it, dropped for a reason
sess B adapter show "$adb"; drops=$ans
log "B's drops: $(jq -c .drops <<< "$drops")"
sent=$(jq '.to_victim + .group' <<< "$wire")
counted=$(jq '.drops | to_entries | map(select(.key != "rate-limited") | .value) | add' <<< "$drops")
log "B counted $counted drops of the $sent frames C sent it"
check "B's drop counters account for C's frames" \
	test "$counted" -le "$sent" -a "$((counted * 100))" -ge "$((sent * 99))"
jqcheck "data to a guessed label in A's name is dropped for its token" "$drops" '.drops.token > 0'
jqcheck "frames to group addresses are dropped" "$drops" '.drops."not-unicast" > 0'
grow=$((slabmax - slab0))
figure wire_hostile "{\"frames\":$frames,\"slab_growth_kb\":$grow,\"dropped\":$counted}"
log "slab growth during the flood: $grow kB"
check "slab growth during the flood bounded" test "$grow" -le "$slab_max_kb"
check "no verifier report" verifier_zero

# the half-open cap: 40 well-formed offers to B's SAP from stations nobody
# knows are calls up to max_half_open (8 here); the rest are refused, counted
hmax=/sys/module/condis_sig/parameters/max_half_open hmax0=$(cat $hmax)
echo 8 > $hmax
h0=$(jq '.drops."half-open" // 0' <<< "$drops")
ip netns exec "$c" "$WIRE" flood dev vc victim "$macb" peer "$maca" frames 40 \
	seed $RANDOM only setup sap svc1 burst 4 pace-us 5000 > "$T/offers.out"
jqcheck "condis-wire sent 40 offers" "$(cat "$T/offers.out")" '.kinds.setup == 40'
for ((i = 0; i < 8; i++)); do
	sess B monitor event call-incoming sap "$sb" count 1 timeout $WAIT_MS
done
nap 1		# the refused ones are counted as they come
sess B call show; out=$ans
jqcheck "C's offers: 8 calls offered to B's client (max_half_open)" "$out" \
	'map(select(.state == "incoming")) | length == 8'
sess B adapter show "$adb"; out=$ans
jqcheck "the other 32 refused, counted as half-open" "$out" ".drops.\"half-open\" - $h0 == 32"

# the same offers to a SAP with a backlog of 3: the kernel accepts 3 for
# B (half-open still: nobody acknowledges the CONNECT), B is asked for the
# other 5 (8 more half-open calls allowed)
echo 16 > $hmax
sess B sap register af "$afb" address svc2 backlog 3; sbl=$id
done_of B sap-register "$sbl"
ip netns exec "$c" "$WIRE" flood dev vc victim "$macb" peer "$maca" frames 8 \
	seed $RANDOM only setup sap svc2 burst 4 pace-us 5000 > "$T/offers2.out"
accepted=0
for ((i = 0; i < 8; i++)); do
	sess B monitor event call-incoming sap "$sbl" count 1 timeout $WAIT_MS
	[ "$(jq .accepted <<< "$ans")" = true ] && accepted=$((accepted + 1))
done
check "8 offers to a SAP with a backlog of 3: 3 accepted by the kernel" test $accepted = 3
nap 1
sess B call show; out=$ans
jqcheck "which wait for their CONNECT ACK; B is asked for the other 5" "$out" \
	"(map(select(.sap == $sbl and .state == \"accepted\")) | length == 3) and
	 (map(select(.sap == $sbl and .state == \"incoming\")) | length == 5)"
echo "$hmax0" > $hmax

sess A call close "$ca"
done_of A call-close "$ca"
sess A adapter del "$ada"
sess B adapter del "$adb"
sess_stop_all
check "no condis object left" wait_for 30 objects_zero
for m in condis_ethcm condis_eth condis_sig; do
	check "$m.ko unloads" mod_unload $m
done
exit $ret
