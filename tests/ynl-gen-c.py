#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The kernel's ynl-gen-c.py, with one method of a later release.

    ynl-gen-c.py <the kernel's tools/net/ynl/ynl-gen-c.py> <its arguments>

6.12's generator has no policy for a binary attribute with a max-len
check and stops ("One or more of binary type checks not implemented,
yet"). Upstream gave it one with NLA_POLICY_MAX_LEN ("netlink: add
NLA_POLICY_MAX_LEN macro", for ovpn); this runs the generator with that
method in place and changes nothing else. kernel/condis/netlink/
netlink-gen-compat.h defines the macro where the kernel has none.
"""
import importlib.util
import os
import sys


def binary_policy(self, policy):
    """TypeBinary._attr_policy as upstream has it since NLA_POLICY_MAX_LEN."""
    if len(self.checks) == 0:
        return '{ .type = NLA_BINARY, }'
    if len(self.checks) > 1:
        raise Exception('More than one check for binary type not implemented, yet')
    if 'exact-len' in self.checks:
        return 'NLA_POLICY_EXACT_LEN(' + self.get_limit_str('exact-len') + ')'
    if 'min-len' in self.checks:
        return '{ .len = ' + self.get_limit_str('min-len') + ', }'
    if 'max-len' in self.checks:
        return 'NLA_POLICY_MAX_LEN(' + self.get_limit_str('max-len') + ')'
    raise Exception('Unsupported check for binary type: ' + list(self.checks)[0])


def main():
    gen = sys.argv.pop(1)
    sys.path.insert(0, os.path.dirname(gen))    # its lib/
    spec = importlib.util.spec_from_file_location("ynl_gen_c", gen)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.TypeBinary._attr_policy = binary_policy
    mod.main()


if __name__ == "__main__":
    main()
