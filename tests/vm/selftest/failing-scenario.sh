#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Harness self-test: a scenario that fails on purpose.
source "$(dirname "$0")/../../scenarios/lib.sh"
check "this check fails on purpose" false
exit $ret
