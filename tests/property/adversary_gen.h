// RapidCheck generator of scenario "adversary" objects (docs/adversaries.md). The strategies,
// their weights, their parameters and the parameters' ranges come from the strategy list
// (adversary/strategies.h): a strategy added there is generated without touching this file,
// and emitted_strategies() lets the coverage alarm (tests/adversary/strategy_coverage_test.cpp)
// check that every entry gets runs.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adversary/strategies.h"

namespace smpc::property {

// What the generator needs to know about the scenario it attacks.
struct AttackedScenario {
  int parties = 0;
  const std::vector<std::vector<std::uint64_t>>* wire_inputs = nullptr;  // per party
  bool boolean = false;
};

// How many steps of each strategy the generator has emitted in this process.
inline std::map<std::string, int>& emitted_strategies() {
  static std::map<std::string, int> counts;
  return counts;
}

// The list's entries that `emitted` never names: what the coverage alarm reports.
inline std::vector<std::string> uncovered(const std::vector<std::string>& list,
                                          const std::map<std::string, int>& emitted) {
  std::vector<std::string> out;
  for (const auto& name : list)
    if (!emitted.count(name)) out.push_back(name);
  return out;
}

// A value of parameter p within its declared range (narrowed to its property_range): the
// element index is "all" one time in eight, an input substitution has one value per input of
// the substituting party, in the circuit's domain.
inline nlohmann::json gen_param(const StepParam& p, const AttackedScenario& a, PartyId who) {
  const auto [lo, hi] = p.property_range;
  if (p.party_inputs) {
    nlohmann::json value = nlohmann::json::array();
    for (std::size_t k = 0; k < (*a.wire_inputs)[static_cast<std::size_t>(who)].size(); ++k)
      value.push_back(*rc::gen::inRange<std::uint64_t>(static_cast<std::uint64_t>(lo),
                                                       a.boolean ? 2 : static_cast<std::uint64_t>(hi) + 1));
    return value;
  }
  if (p.accepts_all && *rc::gen::inRange(0, 8) == 0) return "all";
  if (p.spec.type == ParamType::kNumber)  // millisecond steps
    return *rc::gen::inRange(static_cast<int>(lo * 1000), static_cast<int>(hi * 1000) + 1) / 1000.0;
  // Small values are the interesting ones for indices (the first elements are the common ones).
  if (p.accepts_all && *rc::gen::arbitrary<bool>()) return *rc::gen::inRange(0, 4);
  return *rc::gen::inRange<std::uint64_t>(static_cast<std::uint64_t>(lo),
                                          static_cast<std::uint64_t>(hi) + 1);
}

// One step of strategy s by corrupted party `who`: message selectors (party half the time, a
// label exact or as a prefix, sometimes a round or recipients) and every parameter.
inline nlohmann::json gen_step(const Strategy& s, const AttackedScenario& a, PartyId who,
                               const std::vector<std::string>& labels) {
  ++emitted_strategies()[s.name];
  nlohmann::json step = {{"strategy", s.name}};
  if (!s.selects_messages) {
    step["party"] = who;
  } else {
    if (*rc::gen::arbitrary<bool>()) step["party"] = who;
    const int label_kind = *rc::gen::element(0, 1, 1, 1, 1, 1, 2);  // none, exact, prefix
    if (label_kind == 1 && !labels.empty()) step["label"] = *rc::gen::elementOf(labels);
    if (label_kind == 2 && !labels.empty()) {
      const std::string l = *rc::gen::elementOf(labels);
      step["label"] = l.substr(0, l.find('.') + 1) + "*";
    }
    if (*rc::gen::inRange(0, 5) == 0) step["round"] = *rc::gen::inRange(1, 7);
    if (s.needs_to || *rc::gen::inRange(0, 5) == 0) {
      std::vector<PartyId> to;
      for (PartyId p = 0; p < a.parties; ++p)
        if (p != who && *rc::gen::arbitrary<bool>()) to.push_back(p);
      if (to.empty()) to.push_back(who == 0 ? 1 : 0);
      step["to"] = to;
    }
  }
  for (const auto& name : s.params) step[name] = gen_param(step_param(name), a, who);
  return step;
}

// A corruption set within or beyond any claim's bound (at least one party stays honest): half
// the time small (≤ (n-1)/3), a third of the time only input-less parties when there are some
// (then no input choice can explain a changed output, and every wrong output is an attack).
inline std::vector<PartyId> gen_corrupt(const AttackedScenario& a) {
  const int n = a.parties;
  std::vector<PartyId> order(static_cast<std::size_t>(n));
  for (int p = 0; p < n; ++p) order[static_cast<std::size_t>(p)] = p;
  const int count = *rc::gen::arbitrary<bool>() ? *rc::gen::inRange(1, std::max(1, (n - 1) / 3) + 1)
                                                : *rc::gen::inRange(1, n);
  std::vector<PartyId> corrupt;
  for (int k = 0; k < count; ++k) {
    const auto i = static_cast<std::size_t>(*rc::gen::inRange(k, n));
    std::swap(order[static_cast<std::size_t>(k)], order[i]);
    corrupt.push_back(order[static_cast<std::size_t>(k)]);
  }
  std::vector<PartyId> inputless;
  for (PartyId p = 0; p < n; ++p)
    if ((*a.wire_inputs)[static_cast<std::size_t>(p)].empty()) inputless.push_back(p);
  if (!inputless.empty() && static_cast<int>(inputless.size()) < n && *rc::gen::inRange(0, 3) == 0) {
    corrupt.clear();
    for (PartyId p : inputless)
      if (corrupt.empty() || *rc::gen::arbitrary<bool>()) corrupt.push_back(p);
  }
  std::sort(corrupt.begin(), corrupt.end());
  return corrupt;
}

// An "adversary" object: semi-honest a quarter of the time, else a malicious script. One
// script in eight is a single step of a strategy that selects no messages (an input choice:
// within a semi-honest claim); the others mix 1-3 steps, mostly one, each strategy drawn with
// its property_weight. `labels` are message labels the protocol sends.
inline nlohmann::json gen_adversary(const AttackedScenario& a, const std::vector<std::string>& labels) {
  const auto corrupt = gen_corrupt(a);
  nlohmann::json adv = {{"corrupt", corrupt}};
  if (*rc::gen::inRange(0, 4) == 0) {
    adv["model"] = "semi-honest";
    return adv;
  }
  adv["model"] = "malicious";
  std::vector<const Strategy*> weighted, inputs_only;
  for (const auto& s : strategies()) {
    for (int w = 0; w < s.property_weight; ++w) weighted.push_back(&s);
    if (!s.selects_messages) inputs_only.push_back(&s);
  }
  nlohmann::json script = nlohmann::json::array();
  if (!inputs_only.empty() && *rc::gen::inRange(0, 8) == 0) {
    script.push_back(gen_step(**rc::gen::elementOf(inputs_only), a, *rc::gen::elementOf(corrupt), labels));
  } else {
    const int steps = *rc::gen::element(1, 1, 1, 2, 2, 3);
    for (int k = 0; k < steps; ++k)
      script.push_back(gen_step(**rc::gen::elementOf(weighted), a, *rc::gen::elementOf(corrupt), labels));
  }
  adv["script"] = script;
  return adv;
}

// For the scenario generator's GeneratedScenario (tests/property/scenario_gen.h).
template <typename Scenario>
nlohmann::json gen_adversary(const Scenario& g, const std::vector<std::string>& labels) {
  return gen_adversary(AttackedScenario{g.parties, &g.wire_inputs, g.boolean}, labels);
}

}  // namespace smpc::property
