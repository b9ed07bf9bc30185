// A scenario: one JSON file describing a run (protocol, function, inputs, network, seed),
// validated against scenarios/schema.json and then checked for meaning (thresholds, input
// counts, parties named in links). Every error names the file, the JSON pointer and the
// problem: "sum.json: /network/latency_ms: must be >= 0, got -5".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adversary/adversary_spec.h"
#include "protocols/core/status.h"
#include "simulator/sim_network.h"

namespace smpc {

// Roles (docs/applications.md): parties 0..servers-1 are the computing servers, parties
// servers..parties-1 are clients that only Shamir-share their inputs to the servers and/or
// receive outputs. Absent: every party computes (the all-parties mode).
struct Roles {
  int servers = 0;
  // Who learns the outputs the function gives "every party" (default: the servers).
  std::vector<PartyId> output_receivers;
};

struct Scenario {
  std::string path;  // where it was loaded from ("<string>" for in-memory text)
  std::string name;
  std::uint64_t seed = 1;
  int parties = 0;
  std::string protocol;
  nlohmann::json protocol_params;  // the whole "protocol" object
  nlohmann::json function;         // the whole "function" object
  std::vector<nlohmann::json> inputs;  // per party: a JSON array of values (as given)
  NetworkSpec network;
  nlohmann::json compute;  // the "compute" object as given (null: defaults); resolve reads it
  double deadline_s = 600;
  std::optional<AdversarySpec> adversary;
  std::optional<Roles> roles;
  nlohmann::json document;  // the validated file
};

// The schema text (embedded at build time from scenarios/schema.json).
const char* scenario_schema_text();

// Reads, parses, validates. The error message is one line, prefixed with the path.
Result<Scenario> load_scenario_file(const std::string& path);
Result<Scenario> parse_scenario(const std::string& text, const std::string& path_for_errors);
// A parsed document: validated and interpreted like a file (`smpc sweep` builds them).
Result<Scenario> scenario_from_json(nlohmann::json doc, const std::string& path_for_errors);
// The schema half of the check alone: "path: /pointer: problem" (values are left as they were).
Status check_scenario_schema(nlohmann::json& doc, const std::string& path_for_errors);

// One entry of "inputs" per party (checked when loading, and again by resolve for scenarios
// built in C++).
Status check_input_count(std::size_t entries, int parties);
// The meaning of "roles" (checked when loading, and again by resolve for built scenarios).
Status check_roles(int servers, const std::vector<PartyId>& receivers, int parties);

}  // namespace smpc
