#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# In a guest of Debian's stock 6.12 kernel (tests/packaging.sh): the
# modules condis-dkms built and installed load with modprobe, and the
# condisctl condis-tools installed lists the loopback adapter.
set -u
modprobe condis_lo || exit 1
grep -q '^condis ' /proc/modules || { echo "condis did not come with condis_lo"; exit 1; }
modinfo -F filename condis_lo | grep -q /updates/dkms/ || { echo "not the DKMS module"; exit 1; }
/usr/sbin/condisctl -j adapter show | tee /dev/stderr | grep -q '"name":"lo"' || exit 1
modprobe -r condis_lo condis
