#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what condis needs to build, test and demo, from Debian's packages
# only. Idempotent and silent when everything is there; needs root to
# install. `make deps` runs it; `make check` and `make demo` run it first.
#
#   deps.sh [--check]   --check: only report what is missing (exit 1 if any)
set -euo pipefail

pkgs=(
	# kernel builds: the test kernel and the modules (ccache: rebuilds of the
	# modules and the userspace)
	build-essential bc bison flex libelf-dev libssl-dev cpio kmod rsync
	linux-source-6.12 sparse ccache
	# distro kernels: compile checks against 6.1 and 6.12, the demo's 6.12
	linux-headers-amd64 linux-headers-6.12-amd64 linux-image-6.12-amd64
	# packaging: make dkms-install, make deb; the documentation: make docs
	dkms debhelper dh-dkms lintian python3-sphinx
	# guests and the kernel's own tools (kunit.py, ynl)
	qemu-system-x86 busybox-static xz-utils iproute2 python3 python3-yaml
	python3-jsonschema
	# userspace
	cmake g++ pkg-config libnl-3-dev libnl-genl-3-dev libgtest-dev nlohmann-json3-dev
	# scenarios: JSON checks, dropping privileges; the dissector's capture
	# and decoding, and the tracing recipe
	jq util-linux iputils-ping iperf3 tshark trace-cmd
	# PPPoE: the stock peers (pppd and its PPPoE plugin, rp-pppoe's
	# pppoe-server), pppd's plugin headers, captures of PADT and PADS
	ppp ppp-dev pppoe tcpdump
	# make bench: tests/bench/run.sh --profile runs perf in the guest
	linux-perf
)

missing=()
for p in "${pkgs[@]}"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$st" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0
if [ "${1:-}" = --check ]; then
	echo "missing packages: ${missing[*]}"
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "condis needs these Debian packages: ${missing[*]}" >&2
	echo "run 'make deps' as root (or: sudo apt-get install ${missing[*]})" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
