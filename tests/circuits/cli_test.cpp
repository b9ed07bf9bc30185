// `smpc circuit info|eval|dot|export` end to end: every known-answer vector through the CLI,
// JSON keys, and exit code 2 with a located message for malformed files and bad values.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/circuits/test_util.h"

namespace smpc {
namespace {

struct CliRun {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return q + "'";
}

CliRun smpc(const std::vector<std::string>& args) {
  test::TempDir tmp;
  const std::string err_path = (tmp.path() / "stderr").string();
  std::string cmd = shell_quote(SMPC_CLI_PATH);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " 2>" + shell_quote(err_path);
  CliRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream e(err_path);
  r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
  return r;
}

#define SMPC_REQUIRE_CLI()                     \
  if (!std::filesystem::exists(SMPC_CLI_PATH)) \
  GTEST_SKIP() << "the smpc executable is not built (" SMPC_CLI_PATH "); build target smpc"

TEST(CircuitCli, EveryVectorThroughEval) {
  SMPC_REQUIRE_CLI();
  SMPC_REQUIRE_SHARED(dir);
  std::ifstream f(dir / "VECTORS.json");
  const auto v = nlohmann::json::parse(f);
  int runs = 0;
  for (const auto& entry : v.at("circuits")) {
    const std::string file = (dir / entry.at("file").get<std::string>()).string();
    const std::string format =
        entry.at("format").get<std::string>() == "bristol_legacy" ? "legacy" : "fashion";
    // Each circuit uses one encoding for all its values.
    const std::string encoding = entry.at("inputs")[0].at("encoding");
    for (const auto& vec : entry.at("vectors")) {
      SCOPED_TRACE(file + ": " + vec.at("name").get<std::string>());
      std::vector<std::string> args = {"circuit", "eval",       file,    "--format",
                                       format,    "--encoding", encoding};
      for (const auto& in : vec.at("inputs")) {
        args.push_back("--input");
        args.push_back(in.get<std::string>());
      }
      const CliRun r = smpc(args);
      ASSERT_EQ(r.code, 0) << r.err;
      std::string want;
      for (const auto& out : vec.at("outputs")) want += out.get<std::string>() + "\n";
      EXPECT_EQ(r.out, want);
      ++runs;
    }
  }
  EXPECT_EQ(runs, 57);
}

TEST(CircuitCli, InfoJsonKeys) {
  SMPC_REQUIRE_CLI();
  SMPC_REQUIRE_SHARED(dir);
  const CliRun r = smpc({"circuit", "info", (dir / "aes_128.txt").string(), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("gates"), 36663);
  EXPECT_EQ(j.at("wires"), 36919);
  EXPECT_EQ(j.at("and"), 6400);
  EXPECT_EQ(j.at("xor"), 28176);
  EXPECT_EQ(j.at("inv"), 2087);
  EXPECT_EQ(j.at("and_depth"), 60);
  EXPECT_EQ(j.at("inputs"), nlohmann::json::array({128, 128}));
  EXPECT_EQ(j.at("outputs"), nlohmann::json::array({128}));
  const CliRun legacy =
      smpc({"circuit", "info", (dir / "legacy/adder_32bit.txt").string(), "--format", "legacy"});
  ASSERT_EQ(legacy.code, 0) << legacy.err;
  EXPECT_NE(legacy.out.find("AND depth  63"), std::string::npos) << legacy.out;
}

TEST(CircuitCli, DotAndExport) {
  SMPC_REQUIRE_CLI();
  test::TempDir tmp;
  const std::string file = tmp.write("and.txt", "1 3\n2 1 1\n1 1\n\n2 1 0 1 2 AND\n");
  const CliRun dot = smpc({"circuit", "dot", file});
  ASSERT_EQ(dot.code, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph G {", 0), 0u);
  EXPECT_NE(dot.out.find("AND"), std::string::npos);
  const CliRun exported = smpc({"circuit", "export", file});
  ASSERT_EQ(exported.code, 0) << exported.err;
  EXPECT_EQ(exported.out, "1 3\n2 1 1\n1 1\n\n2 1 0 1 2 AND\n");
  const std::string legacy = tmp.write("l.txt", "1 3\n1 1 1\n2 1 0 1 2 XOR\n");
  const CliRun conv = smpc({"circuit", "export", legacy, "--format", "legacy"});
  ASSERT_EQ(conv.code, 0) << conv.err;
  EXPECT_EQ(conv.out, "1 3\n2 1 1\n1 1\n\n2 1 0 1 2 XOR\n");
  const CliRun eval = smpc({"circuit", "eval", file, "--input", "1", "--input", "0x1"});
  ASSERT_EQ(eval.code, 0) << eval.err;
  EXPECT_EQ(eval.out, "0x1\n");
}

TEST(CircuitCli, BadInputExitsWithTwoAndLocatedMessage) {
  SMPC_REQUIRE_CLI();
  test::TempDir tmp;
  const std::string good = tmp.write("and.txt", "1 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n");
  const std::string bad = tmp.write("bad.txt", "1 3\n2 1 1\n1 1\n2 1 0 7 2 AND\n");
  struct Case {
    std::vector<std::string> args;
    std::string phrase;
  };
  const std::vector<Case> cases = {
      {{"circuit", "info", bad}, bad + ":4: gate 0: input wire 7 is out of range"},
      {{"circuit", "eval", bad, "--input", "0x0", "--input", "0x0"}, bad + ":4:"},
      {{"circuit", "dot", bad}, bad + ":4:"},
      {{"circuit", "export", bad}, bad + ":4:"},
      {{"circuit", "info", good, "--format", "xml"}, "unknown circuit format 'xml'"},
      {{"circuit", "info", tmp.path().string() + "/missing.txt"}, "missing.txt: cannot open"},
      {{"circuit", "eval", good, "--input", "0x0"}, "the circuit has 2 input value(s), got 1"},
      {{"circuit", "eval", good, "--input", "0x2", "--input", "0x0"}, "does not fit in 1 bits"},
      {{"circuit", "eval", good, "--encoding", "utf8", "--input", "0", "--input", "0"},
       "unknown encoding 'utf8'"},
      {{"circuit", "eval", good, "--encoding", "bytes_msb0", "--input", "00", "--input", "00"},
       "needs a width that is a multiple of 8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args[1] + " " + c.args[2]);
    const CliRun r = smpc(c.args);
    EXPECT_EQ(r.code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find(c.phrase), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

}  // namespace
}  // namespace smpc
