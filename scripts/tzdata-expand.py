#!/usr/bin/env python3
"""tzdata-expand — turn Debian's compact tzdata.zi into files date/tz can read.

    scripts/tzdata-expand.py [--zi /usr/share/zoneinfo/tzdata.zi]
                             [--zoneinfo /usr/share/zoneinfo] OUTDIR

Writes into OUTDIR:
  version   the release named on tzdata.zi's first line ("# version 2025b")
  africa    every Rule, Zone and Link of tzdata.zi in the long text format
            (date 3.0.1's text reader opens a fixed list of file names, the
            first of which is "africa"; one file holds the whole database)
  tzif-extras  one line per zone and link name, sorted, tab-separated:
                 name  first_offset  first_is_dst  last_transition  footer
            the facts kron's zone.cc takes from /usr/share/zoneinfo/<name>
            beside date/tz's transitions, since the module has no TZif files:
            the zone used before the first transition (chosen as zone.cc's
            ReadTzifExtras chooses it, i.e. Go's lookupFirstZone), the last
            transition of the file (unix seconds, "-" if none: from there on
            the footer rule decides) and the footer (POSIX TZ string, may be
            empty).

Why an expansion is needed: tzdata.zi is zic input shortened by zishrink.awk
(R/Z/L keywords, shortest unambiguous month and weekday names, o/ma/mi years,
continuation lines without the leading tab), and date/tz's parser wants
three-letter names, "only"/"max"/"min", tab-led continuation lines, and knows
only the s and u time suffixes (g and z are synonyms of u; w is the default).
"""
import argparse
import os
import re
import struct
import sys

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]


def expand_name(word, names, what):
    """zic accepts any unambiguous prefix (case-insensitive) of a name."""
    w = word.lower()
    # The full English names, so prefixes longer than three letters also match.
    full = {"Jan": "january", "Feb": "february", "Mar": "march", "Apr": "april",
            "May": "may", "Jun": "june", "Jul": "july", "Aug": "august",
            "Sep": "september", "Oct": "october", "Nov": "november",
            "Dec": "december", "Sun": "sunday", "Mon": "monday",
            "Tue": "tuesday", "Wed": "wednesday", "Thu": "thursday",
            "Fri": "friday", "Sat": "saturday"}
    hits = [n for n in names if full[n].startswith(w)]
    if len(hits) != 1:
        raise ValueError(f"ambiguous or unknown {what} name: {word!r}")
    return hits[0]


def expand_month(word):
    return expand_name(word, MONTHS, "month")


def expand_day(word):
    """ON field: 5, lastSu, Su>=8, Sa<=30."""
    if word[0].isdigit():
        return word
    if word.lower().startswith("last"):
        return "last" + expand_name(word[4:], DAYS, "weekday")
    m = re.fullmatch(r"([A-Za-z]+)([<>]=)(\d+)", word)
    if not m:
        raise ValueError(f"bad day field: {word!r}")
    return expand_name(m.group(1), DAYS, "weekday") + m.group(2) + m.group(3)


def expand_time(word):
    """AT/UNTIL time: 2, 2:00, 23s, 1u; g/z mean u, w is the default."""
    if word == "-":
        return "0"
    if word[-1].isalpha():
        suffix = word[-1].lower()
        body = word[:-1]
        if suffix in "guz":
            return body + "u"
        if suffix == "s":
            return body + "s"
        if suffix == "w":
            return body
        raise ValueError(f"bad time suffix: {word!r}")
    return word


def expand_year(word, allow_only):
    w = word.lower()
    for full in (["only"] if allow_only else []) + ["minimum", "maximum"]:
        if len(w) >= 1 and full.startswith(w) and not w.isdigit():
            return {"minimum": "min", "maximum": "max"}.get(full, full)
    return word


def expand_until(fields):
    """UNTIL: year [month [day [time]]]."""
    out = list(fields)
    if len(out) > 1:
        out[1] = expand_month(out[1])
    if len(out) > 2:
        out[2] = expand_day(out[2])
    if len(out) > 3:
        out[3] = expand_time(out[3])
    return out


def expand(zi_lines):
    """Returns (version, text lines, zone and link names)."""
    version = None
    out = []
    names = []
    in_zone = False
    for raw in zi_lines:
        line = raw.rstrip("\n")
        if line.startswith("#"):
            m = re.match(r"#\s*version\s+(\S+)", line)
            if m:
                version = m.group(1)
            continue
        f = line.split()
        if not f:
            continue
        kw = f[0]
        if kw == "R":  # R NAME FROM TO - IN ON AT SAVE LETTER
            in_zone = False
            if len(f) != 10:
                raise ValueError(f"bad rule line: {line!r}")
            f[0] = "Rule"
            f[2] = expand_year(f[2], allow_only=False)
            f[3] = expand_year(f[3], allow_only=True)
            f[5] = expand_month(f[5])
            f[6] = expand_day(f[6])
            f[7] = expand_time(f[7])
            out.append("\t".join(f))
        elif kw == "Z":  # Z NAME STDOFF RULES FORMAT [UNTIL...]
            in_zone = True
            names.append(f[1])
            out.append("\t".join(["Zone", f[1]] + f[2:5] + expand_until(f[5:])))
        elif kw == "L":  # L TARGET LINKNAME
            in_zone = False
            if len(f) != 3:
                raise ValueError(f"bad link line: {line!r}")
            names.append(f[2])
            out.append("\t".join(["Link", f[1], f[2]]))
        elif in_zone:  # STDOFF RULES FORMAT [UNTIL...]
            out.append("\t\t\t" + "\t".join(f[0:3] + expand_until(f[3:])))
        else:
            raise ValueError(f"unexpected line: {line!r}")
    if version is None:
        raise ValueError("no '# version' line in tzdata.zi")
    return version, out, sorted(set(names))


def tzif_extras(path):
    """(first_offset, first_is_dst, last_transition or None, footer) of a TZif
    file (RFC 8536), read from the 64-bit block of version 2+ files."""
    with open(path, "rb") as fh:
        data = fh.read()

    def header(at):
        if data[at:at + 4] != b"TZif" or at + 44 > len(data):
            raise ValueError(f"{path}: not a TZif file")
        # isutcnt isstdcnt leapcnt timecnt typecnt charcnt
        return struct.unpack(">6L", data[at + 20:at + 44])

    version = 1 if data[4] == 0 else data[4] - ord("0")
    isut, isstd, leap, time, typ, chars = header(0)
    at, tsize = 44, 4
    if version >= 2:
        at += time * 5 + typ * 6 + chars + leap * 8 + isstd + isut
        isut, isstd, leap, time, typ, chars = header(at)
        at, tsize = at + 44, 8
    times = struct.unpack(f">{time}{'q' if tsize == 8 else 'l'}", data[at:at + time * tsize])
    idx = data[at + time * tsize:at + time * tsize + time]
    tat = at + time * (tsize + 1)
    types = [struct.unpack(">lB", data[tat + 6 * i:tat + 6 * i + 5]) for i in range(typ)]
    end = tat + typ * 6 + chars + leap * (tsize + 4) + isstd + isut
    if typ == 0 or end > len(data) or any(i >= typ for i in idx):
        raise ValueError(f"{path}: malformed TZif file")

    # The zone before the first transition: Go's Location.lookupFirstZone
    # (src/time/zoneinfo.go), as zone.cc applies it to the file's own data.
    first = 0
    if 0 in idx:
        found = False
        if idx and types[idx[0]][1]:
            for zi in range(idx[0] - 1, -1, -1):
                if not types[zi][1]:
                    first, found = zi, True
                    break
        if not found:
            for zi, (_, dst) in enumerate(types):
                if not dst:
                    first, found = zi, True
                    break
        if not found:
            first = 0

    footer = ""
    if version >= 2 and end < len(data) and data[end:end + 1] == b"\n":
        nl = data.find(b"\n", end + 1)
        if nl != -1:
            footer = data[end + 1:nl].decode("ascii")
    return types[first][0], bool(types[first][1]), (times[-1] if times else None), footer


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--zi", default="/usr/share/zoneinfo/tzdata.zi")
    ap.add_argument("--zoneinfo", default="/usr/share/zoneinfo")
    ap.add_argument("outdir")
    args = ap.parse_args()

    with open(args.zi, encoding="utf-8") as fh:
        version, lines, names = expand(fh)

    footers = []
    missing = []
    for name in names:
        path = os.path.join(args.zoneinfo, name)
        if not os.path.isfile(path):
            missing.append(name)
            continue
        off, dst, last, footer = tzif_extras(path)
        if "\t" in footer or "\n" in footer:
            raise ValueError(f"{path}: odd footer {footer!r}")
        last = "-" if last is None else str(last)
        footers.append(f"{name}\t{off}\t{int(dst)}\t{last}\t{footer}")
    if missing:
        sys.exit(f"tzdata-expand: no TZif file for {len(missing)} names, e.g. {missing[:5]}")

    os.makedirs(args.outdir, exist_ok=True)

    def write(name, text):
        tmp = os.path.join(args.outdir, name + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, os.path.join(args.outdir, name))

    write("version", version + "\n")
    write("africa", f"# tz database {version}, expanded from {args.zi}\n"
          + "\n".join(lines) + "\n")
    write("tzif-extras", "\n".join(footers) + "\n")
    print(f"tzdata-expand: {version}: {len(names)} names, {len(lines)} lines -> {args.outdir}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
