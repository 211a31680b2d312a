#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Harness self-test: a scenario that passes, but the kernel reads freed
# memory under it (KASAN reports it; the guest boots with panic_on_warn).
source "$(dirname "$0")/../../scenarios/lib.sh"
check "harness_bugs.ko bug=kasan loads" insmod "$CONDIS_MODDIR/harness_bugs.ko" bug=kasan
exit $ret
