# SPDX-License-Identifier: GPL-2.0
# Sphinx configuration: `make docs` (HTML under $(BUILD)/docs). The API
# reference is extracted from the sources by the kernel's kernel-doc
# extension, found in the kernel source tree given as CONDIS_KSRC.
import os
import sys

ksrc = os.environ.get("CONDIS_KSRC", "")
top = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

project = "condis"
author = "The condis developers"
master_doc = "index"
exclude_patterns = ["netlink/specs"]
extensions = []
if ksrc:
    sys.path.insert(0, os.path.join(ksrc, "Documentation", "sphinx"))
    extensions.append("kerneldoc")
    kerneldoc_bin = os.path.join(ksrc, "scripts", "kernel-doc")
    kerneldoc_srctree = top
html_theme = "alabaster"
