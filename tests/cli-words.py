#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""condisctl's words against its help, man page and bash completion.

Every command of an object's table (userspace/condisctl/OBJECT.cpp) and
every keyword the file parses (a.take("...")) must be in that object's
help text, in condisctl(8) and in the completion script; so must every
option main.cpp accepts. Prints what is missing; exits 1 if anything is.

    cli-words.py
"""
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(TOP, "userspace/condisctl")
MAN = open(os.path.join(TOP, "userspace/man/condisctl.8")).read().replace("\\-", "-")
COMP = open(os.path.join(TOP, "userspace/completion/condisctl")).read()
ALIASES = {"list", "delete"}	# show's and del's other names: not offered


def help_text(src, obj):
    """The string literals of the statement printing "Usage: condisctl OBJECT"."""
    m = re.search(r'"Usage: condisctl %s .*?;\s*$' % obj, src, re.S | re.M)
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(0))) if m else ""


def completion_words(obj):
    """The words the completion offers after OBJECT (every case of it)."""
    words = set()
    for m in re.finditer(r"^\s*([a-z|: *]+)\)\s*words_for=\"([^\"]*)\"", COMP, re.M):
        if any(c.strip().startswith(obj + ":") for c in m.group(1).split("|")):
            words |= set(m.group(2).replace("$params", "").split())
    return words


missing = []
for name in sorted(os.listdir(SRC)):
    obj = name[:-4]
    if obj in ("main", "args", "output"):
        continue
    src = open(os.path.join(SRC, name)).read()
    table = re.search(r"const Command %s_commands\[\] = \{(.*?)\};" % obj, src, re.S)
    commands = set(re.findall(r'\{ "([a-z-]+)"', table.group(1))) - ALIASES if table else set()
    keywords = set(re.findall(r'a\.take\("([a-z-]+)"\)', src))
    text, comp = help_text(src, obj), completion_words(obj)
    for w in sorted(commands | keywords):
        if w not in comp and not re.search(r"\b%s\b" % re.escape(w), COMP):
            missing.append(f"{obj} {w}: not in the completion")
        if w in commands and w not in comp:
            missing.append(f"{obj} {w}: the completion does not offer it after {obj}")
        if text and w != "help" and not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(w), text):
            missing.append(f"{obj} {w}: not in condisctl {obj} help")
        if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(w), MAN):
            missing.append(f"{obj} {w}: not in condisctl(8)")
    if (commands or keywords) and not text:
        missing.append(f"{obj}: no help text")

main = open(os.path.join(SRC, "main.cpp")).read()
for long_name, short in re.findall(r'\{ "([a-z-]+)", \w+_argument, nullptr, \'(\w)\' \}', main):
    for opt in ("--" + long_name, "-" + short):
        if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(opt), COMP):
            missing.append(f"option {opt}: not in the completion")
    if not re.search(r"(?<![\w-])-%s(?![\w-])" % short, MAN):
        missing.append(f"option -{short}: not in condisctl(8)")
    if ("-" + short) not in main.split("OPTIONS :=")[1].split(";")[0]:
        missing.append(f"option -{short}: not in --help")

for m in missing:
    print(m)
print(f"{len(missing)} missing")
sys.exit(1 if missing else 0)
