// psi_dh (protocols/psi/psi.h) and the function set_intersection (scenarios/set_function.h).
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/psi/psi.h"
#include "protocols/psi/spec.h"
#include "reports/report.h"
#include "scenarios/functions.h"
#include "scenarios/psi_checks.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"

namespace smpc {
namespace {

using Set = std::vector<std::uint64_t>;

// Distinct elements: mostly small (so the sets meet), sometimes any 64-bit value.
rc::Gen<Set> gen_set(std::size_t max_size) {
  return rc::gen::map(
      rc::gen::container<Set>(rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(0, 48),
                                             rc::gen::arbitrary<std::uint64_t>())),
      [max_size](const Set& drawn) {
        Set s;  // the distinct values in drawn order, at most max_size
        for (auto v : drawn)
          if (s.size() < max_size && std::find(s.begin(), s.end(), v) == s.end()) s.push_back(v);
        if (s.empty()) s.push_back(7);
        return s;
      });
}

// What each party must output: its membership bits in its input order, or the count to party 0.
std::vector<std::vector<std::uint64_t>> plain(const Set& x, const Set& y, PsiOutput mode) {
  const std::set<std::uint64_t> sx(x.begin(), x.end()), sy(y.begin(), y.end());
  std::vector<std::uint64_t> in_y, in_x;
  for (auto v : x) in_y.push_back(sy.count(v));
  for (auto v : y) in_x.push_back(sx.count(v));
  if (mode == PsiOutput::kCardinality) {
    std::vector<std::uint64_t> count;
    const auto c = static_cast<std::uint64_t>(std::count(in_y.begin(), in_y.end(), 1u));
    for (std::size_t t = 0; t < psi_count_bits(x.size()); ++t) count.push_back((c >> t) & 1);
    return {count, {}};
  }
  return {in_y, mode == PsiOutput::kBoth ? in_x : std::vector<std::uint64_t>{}};
}

RunResult run_psi(const Set& x, const Set& y, PsiOutput mode, std::uint64_t seed) {
  const DhPsi psi({x.size(), y.size(), mode});
  const std::vector<PartyInput> in = {{psi_element_bits(x)}, {psi_element_bits(y)}};
  return run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    return psi.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
  });
}

const PsiOutput kModes[] = {PsiOutput::kReceiver, PsiOutput::kBoth, PsiOutput::kCardinality};

TEST(PsiDh, OutputsAndBytesEqualThePlainSetOperationAndTheFormula) {
  testing::check_with_budget(60, [] {
    const Set x = *gen_set(40), y = *gen_set(40);
    const PsiOutput mode = *rc::gen::elementOf(std::vector<PsiOutput>(std::begin(kModes), std::end(kModes)));
    RC_TAG(psi_output_name(mode));
    const RunResult r = run_psi(x, y, mode, *rc::gen::arbitrary<std::uint64_t>());
    const auto want = plain(x, y, mode);
    for (int p = 0; p < 2; ++p) {
      RC_ASSERT(r.parties[static_cast<std::size_t>(p)].status == PartyStatus::kOutput);
      RC_ASSERT(r.parties[static_cast<std::size_t>(p)].outputs == want[static_cast<std::size_t>(p)]);
    }
    const ExactCost cost = psi_dh_cost({x.size(), y.size(), mode});
    RC_ASSERT(testing::bytes_by_label(r) == cost.bytes);
    RC_ASSERT(testing::max_round(r) == cost.rounds);
  });
}

// The formula, written out once: 32 bytes per point and pass, 6 header bytes per message.
TEST(PsiDh, CostFormulaByHand) {
  const auto c = psi_dh_cost({1000, 300, PsiOutput::kBoth});
  EXPECT_EQ(c.bytes.at("psi.blinded"), (6 + 32 * 1000) + (6 + 32 * 300));
  EXPECT_EQ(c.bytes.at("psi.reblinded"), (6 + 32 * 1000) + (6 + 32 * 300));
  EXPECT_EQ(psi_dh_cost({1000, 300, PsiOutput::kCardinality}).bytes.at("psi.reblinded"), 6 + 32 * 1000);
  EXPECT_EQ(c.rounds, 2u);
}

// The ideal circuit every verdict judges against is itself the set operation.
TEST(PsiIdeal, CircuitEqualsThePlainSetOperation) {
  testing::check_with_budget(40, [] {
    const Set x = *gen_set(12), y = *gen_set(12);
    const PsiOutput mode = *rc::gen::elementOf(std::vector<PsiOutput>(std::begin(kModes), std::end(kModes)));
    const Circuit c = psi_circuit({x.size(), y.size(), mode});
    RC_ASSERT(c.validate(2).ok());
    const auto out = evaluate(c, {psi_element_bits(x), psi_element_bits(y)});
    RC_ASSERT(out.ok());
    const auto want = plain(x, y, mode);
    std::vector<std::uint64_t> all = want[0];
    all.insert(all.end(), want[1].begin(), want[1].end());
    RC_ASSERT(*out == all);
    RC_ASSERT(psi_shape(c) == std::optional<PsiShape>(PsiShape{x.size(), y.size(), mode}));
  });
}

// A substituted input may repeat an element: it counts once, in the protocol as in the ideal
// circuit (the repeat is sent as a random point, so no repeated point reaches the other party).
TEST(PsiDh, RepeatedOwnElementCountsOnceAsInTheIdealCircuit) {
  const Set x = {5, 5, 9, 5}, y = {5, 1};
  for (PsiOutput mode : kModes) {
    const RunResult r = run_psi(x, y, mode, 3);
    const auto ideal = evaluate(psi_circuit({x.size(), y.size(), mode}),
                                {psi_element_bits(x), psi_element_bits(y)});
    ASSERT_TRUE(ideal.ok());
    std::vector<std::uint64_t> got = r.parties[0].outputs;
    got.insert(got.end(), r.parties[1].outputs.begin(), r.parties[1].outputs.end());
    EXPECT_EQ(got, *ideal) << psi_output_name(mode);
  }
  EXPECT_EQ(run_psi(x, y, PsiOutput::kCardinality, 3).parties[0].outputs,
            (std::vector<std::uint64_t>{1, 0, 0}));  // |{5, 9} ∩ {5, 1}| = 1, in 3 bits
}

TEST(PsiDh, MakeRejectsOtherFunctions) {
  Circuit other = psi_circuit({2, 2, PsiOutput::kReceiver});
  other.gates[5].type = GateType::kAnd;
  const auto made = psi_dh_spec().make(nlohmann::json::object(), other, 2);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.status().message().find("/function: psi_dh evaluates only the function "
                                         "set_intersection"), std::string::npos);
}

// Untrusted points: an invalid encoding or the identity in psi.blinded is an abort blaming the
// sender, never a crash or a silent non-match.
TEST(PsiDh, InvalidOrIdentityPointsAbortBlamingTheSender) {
  const DhPsi psi({2, 2, PsiOutput::kReceiver});
  const PartyInput x{psi_element_bits(Set{1, 2})};
  for (const std::uint8_t fill : {std::uint8_t{0xff}, std::uint8_t{0x00}}) {
    PointBytes bad;
    bad.fill(fill);
    // A valid second point, so that the first is rejected for itself, not as a repetition.
    const PointBytes good = RistrettoPoint::hash_sha512("test", Bytes{1}).bytes();
    const RunResult r = run_local(2, {1, 10}, [&](PartyContext& ctx) {
      if (ctx.net.self() == 0) return psi.run(ctx, x);
      ctx.net.send(0, "psi.blinded", Message().add_points(std::vector<PointBytes>{bad, good}));
      ctx.net.recv(0);
      return PartyOutput{};
    });
    EXPECT_EQ(r.parties[0].status, PartyStatus::kAbort) << int(fill);
    EXPECT_EQ(r.parties[0].blamed, std::vector<PartyId>{1}) << int(fill);
    EXPECT_NE(r.parties[0].abort_reason.find("point 0 from party 1 is not a ristretto255 encoding"),
              std::string::npos) << r.parties[0].abort_reason;
  }
}

std::string example(const std::string& name) {
  return std::string(SMPC_SOURCE_DIR) + "/scenarios/examples/" + name;
}

Result<RunRecord> run_file(const std::string& path, Mutant mutant = Mutant::kNone) {
  SMPC_ASSIGN_OR_RETURN(const Scenario s, load_scenario_file(path));
  RunOptions o;
  o.mutant = mutant;
  return run_scenario(s, o);
}

TEST(PsiScenario, SameSeedGivesAByteIdenticalReport) {
  for (const char* f : {"psi_contacts.json", "psi_cardinality.json"}) {
    auto a = run_file(example(f)), b = run_file(example(f));
    ASSERT_TRUE(a.ok() && b.ok()) << f;
    auto ja = report_json(*a), jb = report_json(*b);
    ja.erase("wall_time_s");
    jb.erase("wall_time_s");
    EXPECT_EQ(ja.dump(), jb.dump()) << f;
    EXPECT_EQ(a->outcome, Outcome::kCorrect) << f;
  }
  const auto contacts = run_file(example("psi_contacts.json"));
  EXPECT_EQ(report_json(*contacts)["outputs"][0]["intersection"],
            nlohmann::json({"bob@example.org", "dave@example.org"}));
}

// The duplicate-point attack: party 0 aborts blaming party 1 (outside the semi-honest claim);
// under M48 it accepts the repeated point and outputs.
TEST(PsiScenario, DuplicatePointAbortsAndM48AcceptsIt) {
  const auto r = run_file(example("psi_duplicate_point.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outcome, Outcome::kAbort);
  EXPECT_EQ(r->scope, ClaimScope::kOutsideModel);
  EXPECT_EQ(r->run.parties[0].status, PartyStatus::kAbort);
  EXPECT_EQ(r->run.parties[0].blamed, std::vector<PartyId>{1});
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto m = run_file(example("psi_duplicate_point.json"), Mutant::kM48);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->run.parties[0].status, PartyStatus::kOutput);
}

// A curious cardinality receiver names the shared element only by luck (1/8), unless M47
// returns the points unshuffled.
TEST(PsiDh, CardinalityReceiverCannotTellWhichElementMatched) {
  const auto leak = psi_cardinality_order_leak(20);
  ASSERT_TRUE(leak.ok()) << leak.status().message();
  EXPECT_GE(leak->p_value, 1e-3) << leak->guessed;
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m(Mutant::kM47);
  const auto mutated = psi_cardinality_order_leak(20);
  ASSERT_TRUE(mutated.ok());
  EXPECT_EQ(mutated->guessed, 20);
  EXPECT_LT(mutated->p_value, 1e-3);
}

// ---- set_intersection's inputs ----

std::string build_error(const nlohmann::json& function, const std::vector<nlohmann::json>& in,
                        const std::string& dir = ".") {
  const auto f = build_function(function, in, 2, dir);
  return f.ok() ? "" : f.status().message();
}

TEST(SetIntersection, InputErrorsNameTheirPlace) {
  const nlohmann::json ints = {{"name", "set_intersection"}};
  const nlohmann::json strs = {{"name", "set_intersection"}, {"elements", "strings"}};
  EXPECT_EQ(build_error(ints, {{1, 2}, {2, 3}}), "");
  EXPECT_EQ(build_error(ints, {{1, "a"}, {2}}).rfind("/inputs/0/1: expected an unsigned 64-bit", 0), 0u);
  EXPECT_EQ(build_error(strs, {{"a", 3}, {"b"}}).rfind("/inputs/0/1: expected a non-empty string", 0), 0u);
  EXPECT_EQ(build_error(ints, {{1, 2, 1}, {2}}).rfind("/inputs/0: element 1 appears twice", 0), 0u);
  EXPECT_EQ(build_error(ints, {nlohmann::json::array(), {2}}), "/inputs/0: a set needs at least one element");
  EXPECT_EQ(build_error({{"name", "set_intersection"}, {"output", "all"}}, {{1}, {2}})
                .rfind("/function/output: must be receiver, both or cardinality", 0), 0u);
  Set big(100);
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = i;
  EXPECT_EQ(build_error(ints, {big, big}).rfind("/inputs: sets of 100 and 100 elements", 0), 0u);
}

TEST(SetIntersection, FilesGiveOneElementPerLineAndBadLinesByNumber) {
  const auto dir = std::filesystem::temp_directory_path() / "smpc-psi-sets";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "good.txt") << "12\n\n34\r\n";
  std::ofstream(dir / "bad.txt") << "12\n3x4\n";
  const nlohmann::json ints = {{"name", "set_intersection"}};
  const auto f = build_function(ints, {{{{"file", "good.txt"}}}, {12}}, 2, dir.string());
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(psi_elements_of_bits(f->party_inputs[0].values), (Set{12, 34}));
  EXPECT_EQ(build_error(ints, {{{{"file", "bad.txt"}}}, {12}}, dir.string()),
            (dir / "bad.txt").string() + ":2: not an unsigned 64-bit decimal integer, got \"3x4\"");
  EXPECT_EQ(build_error(ints, {{{{"file", "none.txt"}}}, {12}}, dir.string()),
            "/inputs/0/file: cannot read " + (dir / "none.txt").string());
  EXPECT_EQ(build_error(ints, {{{{"file", "good.txt"}, {"x", 1}}}, {12}}, dir.string()),
            "/inputs/0/x: a set input takes only \"file\"");
  // Not a regular file (it grew one endless line, 4 GB before an allocation failed), and more
  // elements than any judged set has: said before reading on.
  EXPECT_EQ(build_error(ints, {{{{"file", "/dev/zero"}}}, {12}}, dir.string()),
            "/inputs/0/file: /dev/zero is not a regular file");
  {
    std::ofstream many(dir / "many.txt");
    for (int i = 0; i <= 4096; ++i) many << i << "\n";
  }
  EXPECT_EQ(build_error(ints, {{{{"file", "many.txt"}}}, {12}}, dir.string())
                .rfind("/inputs/0/file: " + (dir / "many.txt").string() + " has more than 4096 elements", 0),
            0u);
}

}  // namespace
}  // namespace smpc
