#!/usr/bin/env python3
# Also runs when started as `bash scripts/check_function_length.py`: the shell re-executes it with python3.
''''exec python3 "$0" "$@" #'''
DOC = """Lists functions longer than a limit (default 80 lines) in the given folders.

A function is a brace block whose opening follows a parameter list ')' (with qualifiers such as
const, noexcept, override or a trailing return type between), outside any other function body;
namespace, class, struct, enum and initializer braces are not functions. Strings, character
literals and comments are skipped. Lambdas count towards the function that contains them.

Usage: scripts/check_function_length.py [--max N] FOLDER...   (exit 1 when one is too long)
"""
import argparse
import pathlib
import re
import sys


# The number token just before a quote: digits first, then hex digits/separators (0x1f'ff, 1'000).
DIGIT_SEPARATOR = re.compile(r"(?<![\w'])\d[\w']*$")


def strip(text):
    """Blanks comments, strings and char literals, keeping newlines (so line numbers hold)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j])); i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c); i += 1; continue
            end = ')' + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append('""' + re.sub(r'[^\n]', ' ', text[i + 2:j])); i = j
        elif c == "'" and DIGIT_SEPARATOR.search(text, max(0, i - 64), i) and i + 1 < n and text[i + 1].isalnum():
            out.append(c); i += 1  # 20'006: a C++14 digit separator, not a char literal
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(c + ' ' * (min(j, n) - i - 1) + c); i = j + 1
        else:
            out.append(c); i += 1
    return ''.join(out)


HEAD = re.compile(r'\)\s*(const|noexcept|override|final|mutable|->[^{;]*|&|&&|\s)*$')
NOT_FUNC = re.compile(r'\b(namespace|class|struct|enum|union)\b[^;{()]*$')
CONTROL = re.compile(r'\b(if|for|while|switch|catch)\s*\($')


def functions(path):
    text = strip(path.read_text(encoding='utf-8', errors='replace'))
    depth, func_depth, start, name = 0, None, 0, ''
    for i, c in enumerate(text):
        if c == '{':
            if func_depth is None:
                before = text[max(0, i - 300):i]
                if HEAD.search(before) and not NOT_FUNC.search(before.split(';')[-1].split('}')[-1]):
                    head = before.rstrip()
                    # the identifier before the parameter list that the ')' closes
                    k, level = len(head) - 1, 0
                    while k >= 0:
                        if head[k] == ')': level += 1
                        elif head[k] == '(':
                            level -= 1
                            if level == 0: break
                        k -= 1
                    m = re.search(r'([\w:~<>]+)\s*$', head[:k]) if k > 0 else None
                    if m and not CONTROL.search(head[:k + 1]) and m.group(1) not in ('if', 'for', 'while', 'switch', 'catch', 'return'):
                        func_depth, start, name = depth, text.count('\n', 0, i) + 1, m.group(1)
            depth += 1
        elif c == '}':
            depth -= 1
            if func_depth is not None and depth == func_depth:
                end = text.count('\n', 0, i) + 1
                yield name, start, end - start + 1
                func_depth = None


def main():
    ap = argparse.ArgumentParser(description=DOC.splitlines()[0])
    ap.add_argument('--max', type=int, default=80)
    ap.add_argument('folders', nargs='+')
    args = ap.parse_args()
    bad = 0
    for folder in args.folders:
        for path in sorted(pathlib.Path(folder).rglob('*')):
            if path.suffix not in ('.cpp', '.h', '.cc', '.hpp'):
                continue
            for name, line, length in functions(path):
                if length > args.max:
                    print(f'{path}:{line}: {name} is {length} lines (at most {args.max})')
                    bad += 1
    if bad:
        print(f'{bad} functions longer than {args.max} lines', file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
