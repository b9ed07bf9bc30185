#!/usr/bin/env python3
# Also runs when started as `bash scripts/check_includes.py`: the shell re-executes it with python3.
''''exec python3 "$0" "$@" #'''
DOC = """Checks every #include of the source tree against the layering of docs/architecture.md.

The allowed dependencies are not written here: they are read from two Markdown tables in
docs/architecture.md, so the document and the check cannot drift apart.

  "## Allowed dependencies"  | Layer | CMake target | Folders | May include |
      Folders: comma-separated path patterns (`dir/` = everything under dir, or an fnmatch
      pattern such as `protocols/core/bristol.*`); a file belongs to the layer of its most
      specific (longest) matching pattern. May include: layer names, or `*` for anything.
  "## External headers"      | Header | Only in |
      Header: the start of an angle-bracket include (`simgrid/`); Only in: layer names.

Every `#include "path"` is root-relative (the project convention), so its target layer is found
with the same patterns. Prints one line per violation,
  file:line: <layer> may not include <header> (allowed: ...)
and exits 1 when there is any; exits 2 when the tables themselves cannot be read.

Usage: check_includes.py [--root DIR] [--table FILE]   (defaults: the repository, its docs)
"""
import argparse
import fnmatch
import os
import re
import sys

SOURCE_SUFFIXES = (".h", ".hpp", ".cpp", ".cc", ".c", ".ipp", ".inc", ".cpp.in", ".h.in")
SKIP_DIRS = {".git", "build", "node_modules"}
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


class TableError(Exception):
    pass


def table_rows(text, heading):
    """The body rows (lists of stripped cells) of the first table after `heading`."""
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    except StopIteration:
        raise TableError(f"no '{heading}' section") from None
    rows = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if not line.strip().startswith("|"):
            if rows:
                break
            continue
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    if len(rows) < 3:
        raise TableError(f"'{heading}' has no table with a header, a rule and rows")
    return rows[0], rows[2:]


def cell_list(cell):
    return [item.strip().strip("`") for item in cell.split(",") if item.strip()]


def read_rules(table_path):
    with open(table_path, encoding="utf-8") as f:
        text = f.read()
    header, rows = table_rows(text, "## Allowed dependencies")
    expected = ["Layer", "CMake target", "Folders", "May include"]
    if header != expected:
        raise TableError(f"'## Allowed dependencies' columns are {header}, expected {expected}")
    patterns, allowed = [], {}
    for row in rows:
        if len(row) != 4:
            raise TableError(f"row {row} does not have 4 cells")
        layer = row[0].strip("`")
        allowed[layer] = cell_list(row[3])
        patterns += [(p, layer) for p in cell_list(row[2])]
    for layer, targets in allowed.items():
        for t in targets:
            if t != "*" and t not in allowed:
                raise TableError(f"layer '{layer}' may include '{t}', which is not a layer")
    header, rows = table_rows(text, "## External headers")
    if header != ["Header", "Only in"]:
        raise TableError(f"'## External headers' columns are {header}, expected "
                         "['Header', 'Only in']")
    external = [(row[0].strip("`"), cell_list(row[1])) for row in rows]
    # Longest pattern first: the most specific one decides.
    patterns.sort(key=lambda p: len(p[0]), reverse=True)
    return patterns, allowed, external


def layer_of(path, patterns):
    for pattern, layer in patterns:
        if pattern.endswith("/"):
            if path.startswith(pattern):
                return layer
        elif fnmatch.fnmatchcase(path, pattern):
            return layer
    return None


def source_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in SKIP_DIRS and not d.startswith("build"))
        for name in sorted(filenames):
            if name.endswith(SOURCE_SUFFIXES):
                full = os.path.join(dirpath, name)
                yield os.path.relpath(full, root).replace(os.sep, "/")


def check_file(rel, lines, rules):
    patterns, allowed, external = rules
    layer = layer_of(rel, patterns)
    if layer is None:
        return [f"{rel}:1: file is in no layer of the table (add its folder to a row)"]
    may = allowed[layer]
    problems = []
    for number, line in enumerate(lines, 1):
        m = INCLUDE_RE.match(line)
        if not m:
            continue
        bracket, header = m.groups()
        if bracket == "<":
            for prefix, only in external:
                if header.startswith(prefix) and layer not in only and "*" not in may:
                    problems.append(f"{rel}:{number}: {layer} may not include <{header}> "
                                    f"(allowed: only {', '.join(only)})")
            continue
        if "*" in may:
            continue
        target = layer_of(header, patterns)
        if target is None or target not in may:
            problems.append(f"{rel}:{number}: {layer} may not include {header} "
                            f"(allowed: {', '.join(may)})")
    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=DOC.splitlines()[0])
    parser.add_argument("--root", default=os.path.dirname(here))
    parser.add_argument("--table", default=None,
                        help="Markdown file with the tables (default: ROOT/docs/architecture.md)")
    args = parser.parse_args()
    table = args.table or os.path.join(args.root, "docs", "architecture.md")
    try:
        rules = read_rules(table)
    except (OSError, TableError) as e:
        print(f"{table}: {e}", file=sys.stderr)
        return 2
    problems, files = [], 0
    for rel in source_files(args.root):
        files += 1
        with open(os.path.join(args.root, rel), encoding="utf-8", errors="replace") as f:
            problems += check_file(rel, f.read().splitlines(), rules)
    for p in problems:
        print(p)
    print(f"check_includes: {files} files, {len(problems)} violation(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
