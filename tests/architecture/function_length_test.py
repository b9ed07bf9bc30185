#!/usr/bin/env python3
"""The function-length checker flags a planted 81-line function and passes an 80-line one,
a class, a namespace and a long initializer list; comments, strings, char literals and digit separators do not confuse it."""
import pathlib
import subprocess
import sys
import tempfile

CHECKER = pathlib.Path(__file__).resolve().parents[2] / 'scripts' / 'check_function_length.py'


def function(name, lines):
    # A digit separator (C++14) is not a char literal; a real char literal holding a brace is.
    body = "  x += 20'006 + '{';\n"
    body += ''.join(f'  x += {i};  // {{ not a brace\n' for i in range(lines - 5))
    return f'int {name}(int x) {{\n  const char* s = "}}{{";\n{body}  return x;\n}}\n'


def main():
    with tempfile.TemporaryDirectory() as d:
        src = pathlib.Path(d) / 'planted'
        src.mkdir()
        (src / 'a.cpp').write_text(
            'namespace n {\nstruct S {\n  int f() const { return 1; }\n};\n' +
            'const int kTable[] = {\n' + '  1,\n' * 100 + '};\n' +
            function('short_enough', 80) + function('too_long', 81) + '}  // namespace n\n')
        r = subprocess.run([sys.executable, str(CHECKER), str(src)], capture_output=True, text=True)
        assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
        lines = r.stdout.strip().splitlines()
        assert len(lines) == 1 and 'too_long is 81 lines (at most 80)' in lines[0], r.stdout
        (src / 'a.cpp').write_text(function('short_enough', 80))
        r = subprocess.run([sys.executable, str(CHECKER), str(src)], capture_output=True, text=True)
        assert r.returncode == 0 and not r.stdout, (r.returncode, r.stdout)
    print('function length checker: planted 81-line function caught, 80 lines passed')


if __name__ == '__main__':
    main()
