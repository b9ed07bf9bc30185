// The "network" and "faults" parts of a scenario file (validated by the schema first) as a
// NetworkSpec, with the checks the schema cannot make (parties and regions that exist, square
// matrices, cuts that name each party once); and the spec back as JSON for reports and for
// scenario documents built in C++. Field reference: docs/scenarios.md and docs/simulator.md.
#pragma once

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"
#include "simulator/sim_network.h"

namespace smpc {

// `doc` is the whole validated scenario; errors are "/network/...: problem, got value". Trace
// files are read relative to `base_dir` (the scenario file's folder).
Status parse_network(const nlohmann::json& doc, int parties, NetworkSpec& out,
                     const std::string& base_dir = ".");

// The spec in the units of the scenario file (resolved defaults); loads back as the same spec.
nlohmann::ordered_json network_json(const NetworkSpec& spec, int parties);
// The faults as scenario JSON ("faults" array); empty array when none.
nlohmann::ordered_json faults_json(const std::vector<Fault>& faults);
// For reports: each fault with "fired" (it happened before end_s, when the run's last party
// finished), "fault" (in words, with its times) and "hit" (the parties it took out).
nlohmann::ordered_json faults_report_json(const std::vector<Fault>& faults, int parties,
                                          double end_s);

}  // namespace smpc
