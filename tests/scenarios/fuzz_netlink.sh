#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis-fuzz against the netlink family for FUZZ_SECONDS (default 30): as
# root, with the loopback and Ethernet miniports loaded and an interface to
# bind, then as an unprivileged user, who must create nothing. The fuzzer
# itself fails on a request left unanswered or a kernel pointer in an
# answer or a notification; the harness fails the run on any KASAN, lockdep, UBSAN or WARN
# report and on kmemleak.
set -u
source "$(dirname "$0")/lib.sh"
require_root
secs=${FUZZ_SECONDS:-30}
seed=${FUZZ_SEED:-$RANDOM}

for m in condis condis_lo condis_sig condis_eth condis_ethcm; do
	check "$m.ko loads" mod_load $m
done
check "the fuzzer is built" test -x "$FUZZ"
kmod dummy
ip link add cfz0 type dummy && ip link set cfz0 up
# the policy's rate-limited complaints go to the log, not the slow console;
# an adapter-new of an unknown kind asks for module condis-link-KIND: no
# modprobe for each (a process start costs a third of a second here)
dmesg -n 4
restore /proc/sys/kernel/modprobe
echo > /proc/sys/kernel/modprobe
loud() { dmesg -n 7; }
at_exit loud
del_at_exit cfz0

log "seed $seed, $secs s as root"
"$FUZZ" --seconds "$secs" --seed "$seed" > "$T/fuzz.out" 2> "$T/fuzz.err" &
fuzz=$!
# while it runs, a call to a SAP of the loopback adapter: whatever the
# seed, its listener has a notification to read (the incoming call)
sleep 2
sess_start N
sess N af open lo; naf=$id
sess N sap register af "$naf" address fuzz-heard; nsap=$id
done_of N sap-register "$nsap"
sess N call make af "$naf" to fuzz-heard
sess N monitor event call-incoming sap "$nsap" count 1 timeout $WAIT_MS
jqcheck "a call offered while it runs" "$ans" '.event == "call-incoming"'
sess_stop_all
wait $fuzz
check "condis-fuzz as root: every request answered, no kernel pointer" test $? = 0
out=$(cat "$T/fuzz.out")
sed 's/^/#   /' "$T/fuzz.err" | head -5
jqcheck "it sent messages and some were accepted" "$out" '.messages > 100 and .answers.ok > 0'
jqcheck "its listener read notifications" "$out" \
	'.groups > 0 and .notifications > 0'
figure fuzz_root "$out"
check "what the fuzzing sockets owned is released" wait_for 60 objects_zero

log "$((secs / 3)) s as nobody"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$FUZZ" --seconds $((secs / 3)) --seed "$seed" 2> "$T/fuzz.err")
check "condis-fuzz unprivileged: every request answered" test $? = 0
jqcheck "changes were refused with EPERM" "$out" '.answers.EPERM > 0'
figure fuzz_unprivileged "$out"
check "and the unprivileged user created nothing" objects_zero

# an unprivileged user in a user+net namespace of its own holds
# CAP_NET_ADMIN over condis there (GENL_UNS_ADMIN_PERM): what it does must
# be safe, with the verifier strict; all of it goes with its namespace
strict=/sys/module/condis/parameters/verifier_strict
restore $strict
echo 1 > $strict
log "$((secs / 3)) s as nobody in a user+net namespace of its own"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups unshare -U -r -n \
	"$FUZZ" --seconds $((secs / 3)) --seed "$seed" 2> "$T/fuzz.err")
check "condis-fuzz in a user namespace: every request answered, no kernel pointer" test $? = 0
sed 's/^/#   /' "$T/fuzz.err" | head -5
jqcheck "and some of its changes were accepted" "$out" '.answers.ok > 0'
figure fuzz_userns "$out"
check "what it created went with its namespace" wait_for 60 objects_zero
echo 0 > $strict
check "no verifier report" verifier_zero

for m in condis_ethcm condis_eth condis_sig condis_lo condis; do
	check "$m.ko unloads" mod_unload $m
done
exit $ret
