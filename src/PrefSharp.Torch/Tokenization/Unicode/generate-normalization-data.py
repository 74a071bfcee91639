#!/usr/bin/env python3
"""Writes unicode-normalization.txt, the tables UnicodeNormalizer reads, from Python's unicodedata.

Run: python3 generate-normalization-data.py > unicode-normalization.txt
Lines (code points in hex; Hangul syllables are left out, the normalizer composes them by arithmetic):
  V <version>             the Unicode version of the tables
  C <first> <last> <ccc>  a run of code points with canonical combining class ccc (non-zero only)
  D <cp> <cp>...          full canonical decomposition
  K <cp> <cp>...          full compatibility decomposition, where it differs from the canonical one
  P <composite> <a> <b>   a primary composite: NFC composes a + b into it
"""
import sys
import unicodedata as ud

def full(cp, form):
    return [ord(c) for c in ud.normalize(form, chr(cp))]

def is_hangul_syllable(cp):
    return 0xAC00 <= cp <= 0xD7A3

out = sys.stdout
out.write(f"V {ud.unidata_version}\n")
run = None
for cp in range(0x110000):
    ccc = ud.combining(chr(cp))
    if run and run[2] == ccc and run[1] == cp - 1:
        run[1] = cp
        continue
    if run and run[2] != 0:
        out.write(f"C {run[0]:X} {run[1]:X} {run[2]}\n")
    run = [cp, cp, ccc]
if run[2] != 0:
    out.write(f"C {run[0]:X} {run[1]:X} {run[2]}\n")

for cp in range(0x110000):
    if is_hangul_syllable(cp) or 0xD800 <= cp <= 0xDFFF:
        continue
    canonical, compatible = full(cp, "NFD"), full(cp, "NFKD")
    if canonical != [cp]:
        out.write("D %X %s\n" % (cp, " ".join(f"{c:X}" for c in canonical)))
    if compatible != canonical:
        out.write("K %X %s\n" % (cp, " ".join(f"{c:X}" for c in compatible)))
    mapping = ud.decomposition(chr(cp))
    if mapping and not mapping.startswith("<"):
        parts = [int(p, 16) for p in mapping.split()]
        if len(parts) == 2 and ud.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
            out.write(f"P {cp:X} {parts[0]:X} {parts[1]:X}\n")
