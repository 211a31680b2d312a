#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The demo's guest side (tests/vm/demo.sh): load condis and the loopback
# adapter into the stock kernel, let two client processes make a call and
# move data with condisctl, tear it down, unload.
set -e
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../scenarios/lib.sh"
say() { printf '\n$ %s\n' "$*"; eval "$@"; }
# run SESSION COMMAND: show a command of a client session and its answer
run() { local s=$1; shift; printf '\n%s$ condisctl %s\n' "$s" "$*"; sess "$s" "$@" | tee $T/last; }
last_id() { jid < $T/last; }
condisctl() { "$CONDISCTL" "$@"; }

echo "condis demo on $(uname -r) ($(nproc) vCPUs)"
say insmod "$CONDIS_MODDIR/condis.ko"
say insmod "$CONDIS_MODDIR/condis_lo.ko"
say "dmesg | grep condis: | tail -1"
say condisctl adapter show
echo
echo "# Two clients, A and B: each one condisctl session (-b), so what it"
echo "# opens lives as long as the process. B offers a service, A calls it."
sess_start A
sess_start B
run B af open lo; afb=$(last_id)
run B sap register af "$afb" address echo; sap=$(last_id)
run A af open lo; afa=$(last_id)
run A call make af "$afa" to echo; ca=$(last_id)
run B monitor event call-incoming sap "$sap" count 1 timeout 20000; cb=$(last_id)
run B call accept "$cb"
run A monitor event request-done request call-make id "$ca" count 1 timeout 20000
say condisctl call show
run A vc send "$ca" hello-from-A
run B vc recv "$cb" timeout 20000
run B vc send "$cb" hello-from-B
run A vc recv "$ca" timeout 20000
say condisctl vc show
run A call close "$ca"
run B monitor event call-close id "$cb" count 1 timeout 20000
sess_stop_all
echo
echo "# A and B exited: everything their sockets owned is gone."
say condisctl af show
say cat /sys/kernel/debug/condis/objects
say rmmod condis_lo
say rmmod condis
echo
echo "A call on condis: made, accepted, carried data both ways, closed, and"
echo "the modules unloaded cleanly, on a stock Debian kernel."
