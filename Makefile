# SPDX-License-Identifier: GPL-2.0
#
# condis: connection-oriented NDIS for Linux.
#
#   make            build the modules (against KDIR) and the userspace
#                   (condisctl, libcondis, tests) into $(BUILD)
#   make check      every test: compile checks, harness self-test, KUnit and
#                   scenarios in two test kernel flavours under QEMU
#   make demo       the demo on Debian's stock 6.12 kernel (see README)
#   make bench      the benchmarks, in a kernel without the debug options
#                   (table and JSON under $(BUILD)/bench; see
#                   Documentation/condis/performance.rst)
#   make stress     the reliability tests at length: netlink fuzzing, fault
#                   injection sweeps, concurrency stress, unplug and kill
#                   (STRESS_SECONDS, default 300; table under $(BUILD)/stress;
#                   see Documentation/condis/reliability.rst)
#   make install    build for KVER (default: the running kernel) and install
#                   the modules (extra/condis, then depmod), condisctl, its
#                   man page, completion, units and Wireshark dissector
#                   (PREFIX /usr/local, DESTDIR)
#   make dkms-install  the same modules through DKMS (rebuilt on kernel
#                   updates); make dkms-remove
#   make deb        Debian packages under $(BUILD)/deb: condis-dkms (the
#                   module sources, built by DKMS) and condis-tools
#                   (condisctl, man page, completion, units, dissector);
#                   lintian checks them
#   make docs       the documentation as HTML under $(BUILD)/docs (Sphinx,
#                   with the kernel's kernel-doc extension; the netlink
#                   spec page regenerated with ynl-gen-rst.py)
#   make shell      an interactive test guest with the modules loaded
#   make kernel     build (once, cached) the debug test kernel (every debug
#                   option: make shell, make stress, KDIR's default)
#   make deps       install the Debian packages condis needs (root)
#   make clean
#
# KDIR: kernel build tree to build the modules against; default the cached
# test kernel (built by `make kernel`). BUILD: output directory.
# KBUILD_FLAGS: more kbuild flags for `make modules` (make check: C=2).

TOP	:= $(CURDIR)
BUILD	?= $(TOP)/build
VM	:= $(TOP)/tests/vm
TESTK	= $(shell $(VM)/build-kernel.sh --print-dir)
KDIR	?= $(TESTK)
MODS	:= $(BUILD)/modules
SRCS	:= $(shell find $(TOP)/kernel $(TOP)/uapi -name '*.[ch]' -o -name Kbuild) $(TOP)/Kbuild

# ccache (make deps installs it), its cache beside the test kernels': a
# module or userspace build that changed nothing compiles nothing. The
# paths are relative to the tree, so a clone elsewhere hits it too.
CCACHE	?= $(shell command -v ccache 2>/dev/null)
ifneq ($(CCACHE),)
export CCACHE_DIR ?= $(or $(CONDIS_CACHE),$(HOME)/.cache/condis)/ccache
export CCACHE_BASEDIR := $(TOP)
export CCACHE_NOHASHDIR := 1
KCC	:= CC="$(CCACHE) gcc"
CMAKE_CCACHE := -DCMAKE_C_COMPILER_LAUNCHER=$(CCACHE) -DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)
endif

# newest installed Debian headers of a series (compile checks)
stock	= $(lastword $(sort $(wildcard /usr/src/linux-headers-$(1).*-amd64)))

.PHONY: all modules userspace userspace-release deps kernel check compile-check sparse shell demo bench stress clean help stock-6.1 stock-6.12 \
	install install-modules install-tools dkms-install dkms-remove deb docs

# installing: the release, and the kernel to build for
VERSION	:= $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' $(TOP)/dkms.conf)
KVER	?= $(shell uname -r)
PREFIX	?= /usr/local
DKMS_SRC = $(DESTDIR)/usr/src/condis-$(VERSION)

all: modules userspace

help:
	@sed -n '3,29p' $(TOP)/Makefile | sed 's/^# \{0,1\}//'

deps:
	@$(TOP)/tests/deps.sh

kernel: deps
	@$(VM)/build-kernel.sh > /dev/null

# Kbuild writes objects next to the sources: build a copy under $(BUILD),
# one per kernel tree, so the work tree stays clean. Every module ends up
# in its ko/ folder as well (what the guests load).
# $(call kbuild,KDIR,OUTDIR,EXTRA)
define kbuild
	@mkdir -p $(2)
	@rsync -a --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
		$(TOP)/Kbuild $(TOP)/kernel $(TOP)/uapi $(2)/
	+$(MAKE) -C $(1) M=$(2) $(KCC) $(3) modules
	@mkdir -p $(2)/ko && find $(2)/kernel -name '*.ko' -exec cp -t $(2)/ko {} +
endef

userspace:
	cmake -S $(TOP)/userspace -B $(BUILD)/userspace -DCMAKE_BUILD_TYPE=Debug $(CMAKE_CCACHE) > /dev/null
	cmake --build $(BUILD)/userspace -j$(shell nproc)

# the Release build of what make bench and make install use (make check
# builds it; the tests and tools beside them are built in Debug)
RELEASE_TARGETS := condisctl condis-bench $(if $(wildcard /usr/include/pppd/pppd.h),condis-pppd)
userspace-release:
	cmake -S $(TOP)/userspace -B $(BUILD)/userspace-release -DCMAKE_BUILD_TYPE=Release $(CMAKE_CCACHE) > /dev/null
	cmake --build $(BUILD)/userspace-release -j$(shell nproc) --target $(RELEASE_TARGETS)

modules: $(if $(filter $(TESTK),$(KDIR)),kernel)
	$(call kbuild,$(KDIR),$(MODS),W=1 $(KBUILD_FLAGS))

# Against Debian's stock headers of a series (newest installed, or
# STOCK_KDIR), warnings as errors: `make stock-6.1`, `make stock-6.12`.
# (Explicit targets: make skips pattern rules for phony ones.)
series	= $(@:stock-%=%)
stock-6.1 stock-6.12:
	@test -d "$(or $(STOCK_KDIR),$(call stock,$(series)))" || \
		{ echo "no Debian $(series) headers installed (make deps)"; exit 1; }
	$(call kbuild,$(or $(STOCK_KDIR),$(call stock,$(series))),$(BUILD)/$@,W=1 KCFLAGS=-Werror)

compile-check: deps stock-6.1 stock-6.12

# sparse over every source file (a build of its own, C=2), warnings fail
sparse: $(if $(filter $(TESTK),$(KDIR)),kernel)
	@rm -rf $(BUILD)/sparse
	$(call kbuild,$(KDIR),$(BUILD)/sparse,C=2 2> $(BUILD)/sparse.log)
	@! grep -E 'warning|error' $(BUILD)/sparse.log

# make check builds its two kernel flavours itself (tests/check.sh)
check: deps
	@$(TOP)/tests/check.sh

demo: deps
	@$(VM)/demo.sh

bench: deps
	@$(TOP)/tests/bench/run.sh

stress: deps kernel
	@$(TOP)/tests/stress/run.sh

shell: modules
	$(VM)/run.sh --interactive --kernel $(KDIR)/arch/x86/boot/bzImage \
		--modules $(MODS)/ko --out $(BUILD)/shell

# Against /lib/modules/$(KVER)/build (a distro's headers package),
# without the benchmark module.
install: install-modules install-tools

install-modules:
	@test -d /lib/modules/$(KVER)/build || \
		{ echo "no headers for kernel $(KVER): install linux-headers-$(KVER), or set KVER"; exit 1; }
	$(call kbuild,/lib/modules/$(KVER)/build,$(BUILD)/install-$(KVER),CONDIS_INSTALL=1)
	$(MAKE) -C /lib/modules/$(KVER)/build M=$(BUILD)/install-$(KVER) CONDIS_INSTALL=1 \
		INSTALL_MOD_DIR=extra/condis CONFIG_MODULE_SIG_ALL= \
		$(if $(DESTDIR),INSTALL_MOD_PATH=$(DESTDIR)) modules_install
	$(if $(DESTDIR),,depmod $(KVER))

install-tools: userspace-release
	DESTDIR=$(DESTDIR) cmake --install $(BUILD)/userspace-release --prefix $(PREFIX)

# DKMS builds from a copy of the sources under /usr/src.
dkms-install:
	@command -v dkms > /dev/null || { echo "dkms is not installed (apt-get install dkms)"; exit 1; }
	-dkms remove condis/$(VERSION) --all > /dev/null 2>&1
	rm -rf $(DKMS_SRC) && mkdir -p $(DKMS_SRC)
	cp -r $(TOP)/dkms.conf $(TOP)/Kbuild $(TOP)/kernel $(TOP)/uapi $(DKMS_SRC)/
	dkms add condis/$(VERSION)
	dkms build condis/$(VERSION) -k $(KVER)
	dkms install condis/$(VERSION) -k $(KVER)

# Debian packages: condis-dkms and condis-tools, checked with lintian
deb:
	@$(TOP)/packaging/deb.sh

dkms-remove:
	-dkms remove condis/$(VERSION) --all
	rm -rf $(DKMS_SRC)

# The netlink page is generated from the YAML spec (make check: not stale).
# (the kernel's source tree for its tools and Sphinx extension; no build)
docs: deps
	@$(VM)/build-kernel.sh --source > /dev/null
	python3 $(shell $(VM)/build-kernel.sh --print-src)/tools/net/ynl/ynl-gen-rst.py \
		-i $(TOP)/Documentation/netlink/specs/condis.yaml -o $(TOP)/Documentation/netlink/condis.rst
	@command -v /usr/bin/sphinx-build > /dev/null || \
		{ echo "Sphinx is not installed (apt-get install python3-sphinx)"; exit 1; }
	CONDIS_KSRC=$(shell $(VM)/build-kernel.sh --print-src) \
		/usr/bin/sphinx-build -q -W -b html $(TOP)/Documentation $(BUILD)/docs

clean:
	rm -rf $(BUILD)
