// Scenarios built in C++: what the audit, the mutant audit, privacy sampling and tests use
// instead of writing JSON and parsing it back. The result is the same typed Scenario a file
// gives; resolve() (pipeline.h) checks its meaning, so a built scenario gets the same errors.
//
//   const Scenario s = ScenarioBuilder("audit bgw")
//                          .protocol("bgw", {{"threshold", 2}})
//                          .parties(5)
//                          .function({{"name", "product"}})
//                          .inputs({2, 3, 4, 5, 6})
//                          .lan(10, 100)
//                          .deadline(5)
//                          .build();   // Result<Scenario>
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adversary/adversary_spec.h"
#include "scenarios/scenario.h"

namespace smpc {

class ScenarioBuilder {
 public:
  explicit ScenarioBuilder(std::string name);
  // Starts from an existing scenario (e.g. one loaded from a file) to vary it.
  explicit ScenarioBuilder(Scenario base);

  // Where the scenario "lives": the reproduce line and relative circuit files use it. Built
  // scenarios that are written out on an alarm name the file they will be written to.
  ScenarioBuilder& path(std::string path);
  ScenarioBuilder& name(std::string name);
  ScenarioBuilder& seed(std::uint64_t seed);
  ScenarioBuilder& parties(int n);
  // The protocol and its parameters (the scenario's "protocol" object without "name").
  ScenarioBuilder& protocol(const std::string& name,
                            nlohmann::json params = nlohmann::json::object());
  ScenarioBuilder& function(nlohmann::json function);
  // One entry per party: a value or a list of values, as in a scenario file.
  ScenarioBuilder& inputs(const std::vector<nlohmann::json>& per_party);
  ScenarioBuilder& network(NetworkSpec network);
  // Full mesh, every link with this one-way latency and bandwidth.
  ScenarioBuilder& lan(double latency_ms, double bandwidth_mbps);
  ScenarioBuilder& deadline(double seconds);
  ScenarioBuilder& adversary(AdversarySpec adversary);
  // Corrupts `corrupt` in `model`, running `script`: script steps in the scenario file's form
  // ({"strategy": "add", "label": ..., "delta": 1}), checked by the strategy list's parser.
  ScenarioBuilder& adversary(std::vector<PartyId> corrupt, AdversaryModel model,
                             const nlohmann::json& script = nlohmann::json::array());
  ScenarioBuilder& no_adversary();
  // Servers and clients (scenario.h Roles; docs/applications.md).
  ScenarioBuilder& roles(Roles roles);
  // The "compute" object as a scenario file gives it (docs/simulator.md, Computation).
  ScenarioBuilder& compute(nlohmann::json compute);

  // The scenario, or the first error a setter met (an adversary script that does not parse).
  // Meaning (protocol parameters, inputs against the function) is checked by resolve().
  Result<Scenario> build() const;

 private:
  Scenario s_;
  Status status_;
};

// The scenario file equivalent to `s` (for reproduce files written by the audits). Loading it
// gives back `s`.
nlohmann::json scenario_document(const Scenario& s);

}  // namespace smpc
