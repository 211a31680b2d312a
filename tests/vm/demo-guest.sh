#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The demo's guest side (tests/vm/demo.sh): load condis into the stock
# kernel, show what it exposes, unload it.
set -e
say() { printf '\n$ %s\n' "$*"; eval "$@"; }
echo "condis demo on $(uname -r) ($(nproc) vCPUs)"
say insmod "$CONDIS_MODDIR/condis.ko"
say cat /sys/module/condis/version
say "dmesg | grep condis: | tail -2"
say cat /sys/kernel/debug/condis/objects
say cat /sys/kernel/debug/condis/verifier
say ls /sys/kernel/tracing/events/condis/
say "grep . /sys/module/condis/parameters/*"
say rmmod condis
say "lsmod | grep -c '^condis ' || true"
echo
echo "condis loaded, exposed its state and unloaded cleanly on a stock kernel."
