#!/usr/bin/env python3
"""Tests of scripts/check_includes.py: it fails, naming file, line, layer, header and the
allowed layers, on includes planted against docs/architecture.md, and passes on allowed ones.

Run by ctest (architecture.checker); needs only python3.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECKER = os.path.join(ROOT, "scripts", "check_includes.py")
TABLE = os.path.join(ROOT, "docs", "architecture.md")
PLANTED = os.path.join(HERE, "fixtures", "planted")

CLI_ALLOWED = "(allowed: core, scenarios, reports, cli)"


def check(root, table=TABLE):
    return subprocess.run([sys.executable, CHECKER, "--root", root, "--table", table],
                          capture_output=True, text=True, check=False)


class PlantedFixture(unittest.TestCase):
    def test_reports_exactly_the_planted_violations(self):
        r = check(PLANTED)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertEqual(sorted(r.stdout.splitlines()), sorted([
            "adversary/bad_adversary.cpp:2: adversary may not include <z3++.h> "
            "(allowed: only verify)",
            "adversary/bad_adversary.cpp:5: adversary may not include tests/support/cli.h "
            "(allowed: core, adversary)",
            "bench/bad_bench.cpp:3: bench may not include <simgrid/s4u.hpp> "
            "(allowed: only simulator)",
            f"cli/bad_command.cpp:7: cli may not include verify/z3_circuit.h {CLI_ALLOWED}",
            f"cli/bad_command.cpp:8: cli may not include protocols/core/bristol.h {CLI_ALLOWED}",
            "protocols/core/bad_core.h:4: core may not include protocols/bgw/shamir.h "
            "(allowed: core)",
            "protocols/sum/bad_sum.cpp:4: protocols may not include simulator/sim_network.h "
            "(allowed: core, crypto, protocols)",
        ]))
        self.assertIn("7 violation(s)", r.stderr)


class PlantedInACopyOfTheTree(unittest.TestCase):
    """The real cli/ passes; one forbidden include planted in a copy of it fails."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="check_includes_")
        shutil.copytree(os.path.join(ROOT, "cli"), os.path.join(self.tmp, "cli"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_clean_copy_passes(self):
        r = check(self.tmp)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(r.stdout, "")

    def test_planted_include_fails_with_its_line(self):
        path = os.path.join(self.tmp, "cli", "run_command.cpp")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        lines.insert(1, '#include "verify/oracle.h"')
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        r = check(self.tmp)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout,
                         f"cli/run_command.cpp:2: cli may not include verify/oracle.h {CLI_ALLOWED}\n")


class BrokenTable(unittest.TestCase):
    def test_missing_table_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            table = os.path.join(tmp, "architecture.md")
            with open(table, "w", encoding="utf-8") as f:
                f.write("# Architecture\n\nno tables here\n")
            r = check(PLANTED, table)
            self.assertEqual(r.returncode, 2)
            self.assertIn("no '## Allowed dependencies' section", r.stderr)

    def test_unknown_layer_in_may_include_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            table = os.path.join(tmp, "architecture.md")
            with open(TABLE, encoding="utf-8") as f:
                text = f.read()
            with open(table, "w", encoding="utf-8") as f:
                f.write(text.replace("| core, reports |", "| core, reprots |"))
            r = check(PLANTED, table)
            self.assertEqual(r.returncode, 2)
            self.assertIn("layer 'reports' may include 'reprots', which is not a layer", r.stderr)


if __name__ == "__main__":
    unittest.main()
