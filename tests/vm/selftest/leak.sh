#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Harness self-test: a scenario that passes, but leaks kernel memory under
# it (the kmemleak scan at the end of the guest finds it).
source "$(dirname "$0")/../../scenarios/lib.sh"
check "harness_bugs.ko bug=leak loads" insmod "$CONDIS_MODDIR/harness_bugs.ko" bug=leak
exit $ret
