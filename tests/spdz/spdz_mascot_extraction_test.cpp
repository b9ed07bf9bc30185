// SPDZ with "preprocessing": "mascot", input extraction (protocols/spdz/extract.h): a corrupted
// owner's effective input is ε + r with r from its own code's record, and only when every honest
// party's Π_COPE transcript with it is the one its code produced.
//   - A corrupted owner that substitutes its input and deviates in the online phase without
//     aborting (random circuits, n = 2..4): the extracted input is ε + the owner's r, it is the
//     substituted x, and the honest outputs are f on it; through the scenario runner the
//     verdict is decided by extraction (correct_with_substitution).
//   - Its u altered in flight so that nothing aborts (x_0 shifted, y to match): "not
//     extracted"; u shifted without y to match: the honest parties abort.
//   - A real substitution through Π_COPE (scenarios/mascot_attacks.h): every check passes, the
//     honest parties output f on x + δ while the owner's code holds the honest r; the extractor
//     refuses, and with M102 (no transcript comparison) it extracts the wrong x.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/spdz/extract.h"
#include "protocols/spdz/labels.h"
#include "protocols/spdz/spdz.h"
#include "scenarios/mascot_attacks.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/adversary_steps.h"
#include "tests/support/random_circuit.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"
#include "tests/support/scenario_run.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

using Json = nlohmann::json;
using testing::body_of;
namespace L = labels::spdz;

Spdz mascot_spdz(const Circuit& c) { return Spdz(c, 1, 0, mascot_needs(c)); }

// A corrupted owner that substitutes its input (its code runs on x') and deviates in the online
// phase without changing any content (it delays its ε): the judge counts the deviation as
// input-changing, so the verdict needs the extracted input. (Changing ε itself in flight makes
// the owner's own code abort at the input check: its hash of the ε values differs from the
// honest parties'.)
StrategyStep delay_epsilon() {
  StrategyStep s = testing::step_on(StrategyKind::kDelay, std::string(L::kInput));
  s.delay_s = 0.01;
  return s;
}

// Party p's input-phase record (extraction.h), which must exist.
std::vector<std::uint64_t> record_of(const RunResult& r, PartyId p, std::string_view kind,
                                     PartyId dealer, std::size_t count) {
  auto v = input_phase_record(r, p, kind, dealer, count, Fp61::kModulus);
  EXPECT_TRUE(v.ok()) << v.status().message();
  return v.ok() ? *v : std::vector<std::uint64_t>(count, 0);
}

ExtractedInput extract_one(const Circuit& c, const RunResult& r, PartyId owner) {
  const auto got = spdz_extractor()(ExtractionQuery{&c, &r, {owner}, {owner}});
  EXPECT_TRUE(got.ok()) << got.status().message();
  return got.ok() && got->size() == 1 ? got->front() : ExtractedInput{owner, std::nullopt, "error"};
}

// The sum of one input per party, public.
testing::CircuitCase sum_case(int n) {
  testing::CircuitCase cc;
  cc.parties = n;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  for (PartyId p = 0; p < n; ++p) {
    c.inputs.push_back({"x" + std::to_string(p), p, {static_cast<std::uint32_t>(p)}});
    cc.inputs.push_back({{static_cast<std::uint64_t>(10 * p + 3)}});
  }
  std::uint32_t acc = 0;
  c.num_wires = static_cast<std::uint32_t>(n);
  for (PartyId p = 1; p < n; ++p) {
    c.gates.push_back({GateType::kAdd, acc, static_cast<std::uint32_t>(p), c.num_wires, 0});
    acc = c.num_wires++;
  }
  c.outputs = {{"sum", {}, {acc}}};
  return cc;
}

// A corrupted owner runs on x_k + δ for its input x_k and delays its ε: the extractor returns
// ε + r with ε from every honest party and r from the owner's own record, which is that
// substituted input, and the honest outputs are f on it.
TEST(SpdzMascotExtraction, SubstitutedInputIsExtractedAsEpsilonPlusTheOwnersMask) {
  testing::check_with_budget(12, [] {
    auto cc = testing::gen_case(2, 4, /*linear_only=*/false);
    std::vector<PartyId> owners;
    for (PartyId p = 0; p < cc.parties; ++p)
      if (!cc.circuit.input_wires_of(p).empty()) owners.push_back(p);
    RC_PRE(!owners.empty());
    const PartyId o = *rc::gen::elementOf(owners);
    const std::size_t count = cc.circuit.input_wires_of(o).size();
    const std::size_t k = *rc::gen::inRange<std::size_t>(0, count);
    const std::uint64_t delta = *rc::gen::inRange<std::uint64_t>(1, Fp61::kModulus);
    const Spdz spdz = mascot_spdz(cc.circuit);
    auto substituted = cc.inputs;
    auto& x = substituted[static_cast<std::size_t>(o)].values[k];
    x = (Fp61::from_u64(x) + Fp61::from_u64(delta)).value();
    testing::CircuitCase run_on = cc;
    run_on.inputs = substituted;
    const auto r = run_local(cc.parties, {*rc::gen::inRange<std::uint64_t>(1, 1000), 60},
                             testing::with_adversary({{o, {delay_epsilon()}}}, body_of(spdz, run_on)));
    const auto expected = ideal_outputs(cc.circuit, substituted);
    RC_ASSERT(expected.ok());
    for (const auto& p : r.parties) {
      if (p.party == o) continue;
      RC_ASSERT(p.status == PartyStatus::kOutput);
      RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    }
    const ExtractedInput e = extract_one(cc.circuit, r, o);
    RC_ASSERT(e.values.has_value());
    RC_ASSERT(*e.values == substituted[static_cast<std::size_t>(o)].values);
    const PartyId honest = o == 0 ? 1 : 0;
    const auto eps = record_of(r, honest, "opened", o, count);
    const auto mask = record_of(r, o, kMascotMaskRecord, o, count);
    for (std::size_t i = 0; i < count; ++i)
      RC_ASSERT((*e.values)[i] == (Fp61::from_u64(eps[i]) + Fp61::from_u64(mask[i])).value());
  });
}

// Through the scenario runner: the verdict checks the outputs against f on the extracted input.
TEST(SpdzMascotExtraction, TheVerdictIsDecidedByExtraction) {
  ScenarioBuilder b("mascot epsilon substitution");
  b.protocol("spdz", {{"preprocessing", "mascot"}})
      .parties(3)
      .function({{"name", "sum"}})
      .inputs({Json{3}, Json{4}, Json{5}})
      .adversary({2}, AdversaryModel::kMalicious,
                 Json::array({{{"strategy", "input_substitution"}, {"party", 2}, {"value", {105}}},
                              {{"strategy", "delay"}, {"label", std::string(L::kInput)},
                               {"delay_s", 0.01}}}));
  const RunRecord rec = test::run_scenario_ok(b);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
  EXPECT_EQ(rec.decided_by, "extraction") << rec.explanation;
  EXPECT_EQ(rec.outputs.at(0)["sum"], 112);
  ASSERT_TRUE(rec.extracted_inputs.is_array()) << rec.extracted_inputs.dump();
  EXPECT_EQ(rec.extracted_inputs.dump().find("not extracted"), std::string::npos)
      << rec.extracted_inputs.dump();
  EXPECT_NE(rec.extracted_inputs.dump().find("105"), std::string::npos)
      << rec.extracted_inputs.dump();
}

// Party o's authenticated value `slot` shifted by δ in its u (every column, one MAC key), to
// `to` (every peer when empty).
std::vector<StrategyStep> shift_slot(const Circuit& c, PartyId o, std::size_t slot,
                                     std::uint64_t delta, std::optional<PartyId> to) {
  const std::size_t v = mascot_values_of(mascot_needs(c), o);
  std::vector<StrategyStep> steps;
  for (std::size_t col = 0; col < kMascotBits; ++col)
    steps.push_back(testing::add_step(std::string(L::kMascotCope), col * v + slot, delta, to));
  return steps;
}

// Its x_0 (Π_[[·]]'s check value, coefficient 1) shifted, and its y shifted to match.
std::vector<StrategyStep> shift_x0(const Circuit& c, PartyId o, std::uint64_t delta,
                                   std::optional<PartyId> to = std::nullopt) {
  auto steps = shift_slot(c, o, 0, delta, to);
  steps.push_back(testing::add_step(std::string(L::kMascotAuthCheck), 0, delta, to));
  return steps;
}

// A corrupted owner's x_0 shifted in its u and its y shifted to match, by a script (to every
// peer): each honest party's own checks would pass, but the owner's code echoes the digest of the
// y it holds (flow 11), which a script cannot recompute, so the honest parties abort at the echo
// and nothing is extracted. (A program that also rewrites its echo goes through:
// SubstitutionThroughCopeIsNotReadOffTheOwnersCode.)
TEST(SpdzMascotExtraction, YShiftedByAScriptIsBetrayedByTheOwnersOwnEcho) {
  for (int n : {2, 3}) {
    const auto cc = sum_case(n);
    const PartyId o = n - 1;
    const Spdz spdz = mascot_spdz(cc.circuit);
    const auto r = run_local(n, {7, 60}, testing::with_adversary({{o, shift_x0(cc.circuit, o, 99)}},
                                                                 body_of(spdz, cc)));
    for (const auto& p : r.parties) {
      if (p.party == o) continue;
      EXPECT_EQ(p.status, PartyStatus::kAbort) << "n = " << n;
      EXPECT_NE(p.abort_reason.find("holds other Π_[[·]] check values y"), std::string::npos)
          << "n = " << n << ": " << p.abort_reason;
    }
    const auto got = spdz_extractor()(ExtractionQuery{&cc.circuit, &r, {o}, {o}});
    EXPECT_TRUE(!got.ok() || !got->front().values) << "n = " << n;
  }
}

// x_0 or an input mask shifted in the u without the y to match: MASCOT's MAC check stops the
// honest parties, and nothing is extracted.
TEST(SpdzMascotExtraction, AlteredCopeMessagesThatAbort) {
  const auto cc = sum_case(3);
  const Spdz spdz = mascot_spdz(cc.circuit);
  const std::size_t slot = mascot_input_mask_slot(mascot_needs(cc.circuit), 0);
  const std::vector<std::vector<StrategyStep>> attacks = {
      shift_slot(cc.circuit, 2, 0, 99, std::nullopt), shift_slot(cc.circuit, 2, slot, 5, PartyId{1})};
  for (std::size_t a = 0; a < attacks.size(); ++a) {
    const auto r = run_local(3, {8, 60}, testing::with_adversary({{2, attacks[a]}}, body_of(spdz, cc)));
    for (PartyId p : {0, 1}) {
      const auto& h = r.parties[static_cast<std::size_t>(p)];
      EXPECT_EQ(h.status, PartyStatus::kAbort) << "attack " << a << ", party " << p;
      EXPECT_NE(h.abort_reason.find("MASCOT MAC check failed"), std::string::npos)
          << "attack " << a << ": " << h.abort_reason;
    }
    const auto got = spdz_extractor()(ExtractionQuery{&cc.circuit, &r, {2}, {2}});
    EXPECT_TRUE(!got.ok() || !got->front().values) << "attack " << a;
  }
}

// Party 2 runs cpp:mascot_mask_shift on its input 0 (mascot_attacks.h), toward every peer or one.
AdversarySpec mask_shift_by_party_2(const Circuit& c, std::uint64_t delta,
                                    std::optional<PartyId> toward = std::nullopt) {
  AdversarySpec adv;
  adv.corrupt = {2};
  adv.model = AdversaryModel::kMalicious;
  adv.program = ProgramSpec{"cpp:mascot_mask_shift", Json::object(),
                            mascot_mask_shift_program(c, 1, 0, delta, toward)};
  return adv;
}

// A corrupted owner substitutes x + δ for its input through Π_COPE alone (its ε and its code's
// r are honest; mascot_attacks.h). Every check passes and the honest parties output f on x + δ.
// The extractor sees the altered u and refuses; M102 extracts x = ε + r, which is not the input
// the run computed on.
TEST(SpdzMascotExtraction, SubstitutionThroughCopeIsNotReadOffTheOwnersCode) {
  const auto cc = sum_case(3);
  const Spdz spdz = mascot_spdz(cc.circuit);
  constexpr std::uint64_t kDelta = 1000;
  const auto r = run_local(3, {9, 60}, testing::with_adversary(mask_shift_by_party_2(cc.circuit, kDelta),
                                                               body_of(spdz, cc)));
  const std::uint64_t truth = 3 + 13 + 23;
  for (PartyId p : {0, 1}) {
    const auto& h = r.parties[static_cast<std::size_t>(p)];
    ASSERT_EQ(h.status, PartyStatus::kOutput) << h.abort_reason;
    EXPECT_EQ(h.outputs, std::vector<std::uint64_t>{truth + kDelta});
  }
  EXPECT_EQ(record_of(r, 0, "opened", 2, 1)[0],
            (Fp61::from_u64(23) - Fp61::from_u64(record_of(r, 2, kMascotMaskRecord, 2, 1)[0])).value());
  const ExtractedInput e = extract_one(cc.circuit, r, 2);
  EXPECT_FALSE(e.values.has_value());
  EXPECT_NE(e.note.find("were altered in flight"), std::string::npos) << e.note;
  if (!kMutantsCompiled) return;
  ScopedMutant m(Mutant::kM102);
  const ExtractedInput wrong = extract_one(cc.circuit, r, 2);
  ASSERT_TRUE(wrong.values.has_value());
  EXPECT_EQ(*wrong.values, std::vector<std::uint64_t>{23});  // the run computed on 1023
}

// The same shifts toward party 0 only: party 0 holds a shifted y for party 2, party 1 the honest
// one. Before the echo of the y values (mascot.cpp, flow 11) each honest party's checks passed on
// its own view, and the mask shift split the outputs (party 0: 39 + δ, party 1: 39, no abort).
// Now both honest parties abort at the echo; with M104 (echo not compared) the split is back.
TEST(SpdzMascotExtraction, ShiftsTowardOneHonestPartyAbortAtTheEcho) {
  const auto cc = sum_case(3);
  const Spdz spdz = mascot_spdz(cc.circuit);
  constexpr std::uint64_t kDelta = 1000;
  const AdversarySpec adv = mask_shift_by_party_2(cc.circuit, kDelta, PartyId{0});
  auto mask_shift = [&] {
    return run_local(3, {9, 60}, testing::with_adversary(adv, body_of(spdz, cc)));
  };
  auto x0_shift = [&] {
    return run_local(3, {7, 60}, testing::with_adversary({{2, shift_x0(cc.circuit, 2, 99, PartyId{0})}},
                                                         body_of(spdz, cc)));
  };
  for (const auto& r : {mask_shift(), x0_shift()})
    for (PartyId p : {0, 1}) {
      const auto& h = r.parties[static_cast<std::size_t>(p)];
      EXPECT_EQ(h.status, PartyStatus::kAbort) << "party " << p;
      EXPECT_NE(h.abort_reason.find("holds other Π_[[·]] check values y"), std::string::npos)
          << h.abort_reason;
    }
  if (!kMutantsCompiled) return;
  ScopedMutant m(Mutant::kM104);
  const auto r = mask_shift();
  const std::uint64_t truth = 3 + 13 + 23;
  ASSERT_EQ(r.parties[0].status, PartyStatus::kOutput) << r.parties[0].abort_reason;
  ASSERT_EQ(r.parties[1].status, PartyStatus::kOutput) << r.parties[1].abort_reason;
  EXPECT_EQ(r.parties[0].outputs, std::vector<std::uint64_t>{truth + kDelta});
  EXPECT_EQ(r.parties[1].outputs, std::vector<std::uint64_t>{truth});
}

// Honest runs: every party's transcript with each peer is the one the peer recorded, so an
// owner corrupted passively (no change at all) is extracted as its true input.
TEST(SpdzMascotExtraction, HonestTranscriptsAgree) {
  for (int n : {2, 4}) {
    const auto cc = sum_case(n);
    const Spdz spdz = mascot_spdz(cc.circuit);
    const auto r = run_local(n, {3, 60}, body_of(spdz, cc));
    for (PartyId a = 0; a < n; ++a)
      for (PartyId b = 0; b < n; ++b) {
        if (a == b) continue;
        const auto mine = input_phase_record(r, a, kMascotAsARecord, b, kMascotTranscriptWords,
                                             std::uint64_t{1} << 32);
        const auto theirs = input_phase_record(r, b, kMascotAsBRecord, a, kMascotTranscriptWords,
                                               std::uint64_t{1} << 32);
        ASSERT_TRUE(mine.ok() && theirs.ok());
        EXPECT_EQ(*mine, *theirs) << a << " -> " << b;
      }
    for (PartyId o = 0; o < n; ++o) {
      const ExtractedInput e = extract_one(cc.circuit, r, o);
      ASSERT_TRUE(e.values.has_value()) << e.note;
      EXPECT_EQ(*e.values, cc.inputs[static_cast<std::size_t>(o)].values);
    }
  }
}

}  // namespace
}  // namespace smpc
