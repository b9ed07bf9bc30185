// Malformed circuit files: every one gives a clear "FILE:LINE: problem" error and no crash.
// The files are generated here (strings written to a temp dir); no shared data is copied.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "protocols/core/bristol.h"
#include "tests/circuits/test_util.h"

namespace smpc {
namespace {

struct Malformed {
  const char* name;
  BristolFormat format;
  std::string text;
  int line;              // expected line in the message
  const char* contains;  // expected phrase
};

// A valid two-input AND circuit is "1 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n"; each case breaks it.
std::vector<Malformed> malformed_cases() {
  const auto F = BristolFormat::kFashion;
  const auto L = BristolFormat::kLegacy;
  return {
      {"out_of_range_input_wire", F, "1 3\n2 1 1\n1 1\n2 1 0 7 2 AND\n", 4,
       "input wire 7 is out of range (the circuit has 3 wires) (got '7')"},
      {"out_of_range_output_wire", F, "1 3\n2 1 1\n1 1\n2 1 0 1 9 AND\n", 4,
       "output wire 9 is out of range"},
      {"wire_written_twice", F, "2 4\n2 1 1\n1 1\n2 1 0 1 2 AND\n2 1 0 1 2 XOR\n", 5,
       "wire 2 is written twice"},
      {"gate_writes_an_input", F, "1 3\n2 1 1\n1 1\n2 1 0 1 1 AND\n", 4,
       "writes wire 1, which is a circuit input"},
      {"use_before_definition", F, "2 4\n2 1 1\n1 1\n2 1 0 2 3 AND\n2 1 0 1 2 XOR\n", 4,
       "reads wire 2 before it is written"},
      {"wrong_arity", F, "1 3\n2 1 1\n1 1\n1 1 0 2 XOR\n", 4,
       "a XOR gate needs 2 input(s) and 1 output, got 1 and 1"},
      {"wrong_token_count", F, "1 3\n2 1 1\n1 1\n2 1 0 1 XOR\n", 4,
       "so the line needs 6 tokens, found 5"},
      {"unknown_gate", F, "1 3\n2 1 1\n1 1\n2 1 0 1 2 NAND\n", 4, "unknown gate type"},
      {"truncated_header_count", F, "9 5\n2 1 1\n1 1\n2 1 0 1 2 AND\n", 1,
       "declares 9 gates but only 4 lines follow (truncated file?)"},
      {"truncated_gates", F, "3 5\n2 1 1\n1 1\n2 1 0 1 2 AND\n\n\n\n", 7,
       "the file ends after 1 of the 3 gates"},
      {"truncated_in_header", F, "1 3\n2 1 1\n", 2, "ends before the output line"},
      {"empty_file", F, "", 1, "the file is empty"},
      {"negative_count", F, "-1 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n", 1,
       "gate count is negative (got '-1')"},
      {"absurd_gate_count", F, "4000000000 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n", 1,
       "declares 4000000000 gates but only"},
      {"overflowing_gate_count", F, "99999999999999999999999 3\n2 1 1\n1 1\n", 1,
       "gate count is too large"},
      {"absurd_wire_count", F, "1 4000000000\n2 1 1\n1 1\n2 1 0 1 2 AND\n", 1,
       "declares 4000000000 wires, more than a file of"},
      {"absurd_input_width", F, "1 3\n2 4000000000 1\n1 1\n2 1 0 1 2 AND\n", 3,
       "the inputs need 4000000001 wires but the circuit has only 3"},
      {"absurd_gate_arity", F, "1 3\n2 1 1\n1 1\n4294967294 1 0 1 2 AND\n", 4,
       "declares 4294967294 input(s)"},
      {"non_numeric_width", F, "1 3\n2 1 x\n1 1\n2 1 0 1 2 AND\n", 2,
       "width of input value 2 is not a non-negative integer (got 'x')"},
      {"non_numeric_wire", F, "1 3\n2 1 1\n1 1\n2 1 0 1e0 2 AND\n", 4,
       "input wire is not a non-negative integer (got '1e0')"},
      {"binary_garbage", F, std::string("\x01\x02\xff 3\n", 6), 1, "(got '\\x01\\x02\\xff')"},
      {"inputs_overlap_outputs", F, "1 3\n2 2 1\n1 2\n2 1 0 1 2 AND\n", 3,
       "inputs (3 wires) and outputs (2 wires) overlap"},
      {"input_count_mismatch", F, "1 3\n3 1 1\n1 1\n2 1 0 1 2 AND\n", 2,
       "declares 3 values but lists 2 widths"},
      {"header_token_count", F, "1 3 5\n2 1 1\n1 1\n2 1 0 1 2 AND\n", 1,
       "the first line must be 'ngates nwires'"},
      {"extra_gate", F, "1 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n2 1 0 1 2 AND\n", 5,
       "unexpected content after the last of the 1 gates"},
      {"wire_never_written", F, "1 4\n2 1 1\n1 1\n2 1 0 1 3 AND\n", 1, "wire 2 is never written"},
      {"eq_constant", F, "1 3\n2 1 1\n1 1\n1 1 2 2 EQ\n", 4, "the EQ constant must be 0 or 1"},
      {"mand_arity", F, "1 4\n2 1 1\n1 1\n3 1 0 1 0 3 MAND\n", 4,
       "a MAND gate needs 2k inputs and k >= 1 outputs"},
      {"legacy_header", L, "1 3\n1 1\n2 1 0 1 2 AND\n", 2, "must be 'n1 n2 n3'"},
      {"legacy_overlap", L, "1 3\n1 1 2\n2 1 0 1 2 AND\n", 2, "overlap"},
  };
}

TEST(BristolMalformed, EveryCaseGivesFileLineAndProblem) {
  test::TempDir tmp;
  const auto cases = malformed_cases();
  ASSERT_GE(cases.size(), 15u);
  for (const Malformed& m : cases) {
    SCOPED_TRACE(m.name);
    const std::string path = tmp.write(std::string(m.name) + ".txt", m.text);
    auto r = load_bristol(path, m.format);
    ASSERT_FALSE(r.ok());
    const std::string msg = r.status().message();
    const std::string prefix = path + ":" + std::to_string(m.line) + ": ";
    EXPECT_EQ(msg.rfind(prefix, 0), 0u) << msg;
    EXPECT_NE(msg.find(m.contains), std::string::npos) << msg;
  }
}

TEST(BristolMalformed, EveryPrefixOfAValidFileFailsCleanlyOrParses) {
  // Truncation at every byte of a small valid circuit never crashes; the full text parses.
  const std::string text = "3 6\n2 2 1\n1 1\n\n2 1 0 2 3 AND\n1 1 1 4 INV\n2 1 3 4 5 XOR\n";
  for (std::size_t n = 0; n < text.size(); ++n) {
    auto r = parse_bristol(std::string_view(text).substr(0, n), BristolFormat::kFashion, "t");
    EXPECT_FALSE(r.ok() && n + 1 < text.size()) << "prefix of " << n << " bytes parsed";
    if (!r.ok()) {
      EXPECT_EQ(r.status().message().rfind("t:", 0), 0u);
    }
  }
  EXPECT_TRUE(parse_bristol(text, BristolFormat::kFashion, "t").ok());
}

TEST(BristolMalformed, EverySingleByteCorruptionIsHandled) {
  // Replace each byte by a few interesting ones: parse either succeeds with a valid circuit or
  // fails with a located message; never crashes (ASan/UBSan builds check the "never").
  const std::string text = "3 6\n2 2 1\n1 1\n\n2 1 0 2 3 AND\n1 1 1 4 INV\n2 1 3 4 5 XOR\n";
  const char repl[] = {'9', '0', ' ', '\n', '-', 'X', '\0', '\x7f'};
  for (std::size_t i = 0; i < text.size(); ++i)
    for (char ch : repl) {
      std::string t = text;
      t[i] = ch;
      for (auto f : {BristolFormat::kFashion, BristolFormat::kLegacy}) {
        auto r = parse_bristol(t, f, "c.txt");
        if (r.ok()) {
          EXPECT_TRUE(r->validate(1 << 20).ok()) << r->validate(1 << 20).message();
        } else {
          EXPECT_EQ(r.status().message().rfind("c.txt:", 0), 0u) << r.status().message();
        }
      }
    }
}

}  // namespace
}  // namespace smpc
