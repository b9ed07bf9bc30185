// The scenario's "compute" part (validated by the schema first) as a ComputeSpec, with the
// checks the schema cannot make (parties that exist, the profile file and its contents); and
// the spec back as JSON for reports. Field reference: docs/simulator.md, "Computation".
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "protocols/core/cost_profile.h"
#include "protocols/core/status.h"

namespace smpc {

// `compute` is the scenario's "compute" object (null: the defaults); a relative profile path is
// taken from `base_dir`. Errors are "/compute/...: problem, got value"; a bad profile file adds
// its name and the pointer inside it.
Result<ComputeSpec> parse_compute(const nlohmann::json& compute, int parties,
                                  const std::string& base_dir);

// A profile file ("reference" is the built-in one). Errors name the file.
Result<CostProfile> load_profile(const std::string& source, const std::string& base_dir);

// The report's "compute": model, profile name and source, speeds (and the profile's ns table).
nlohmann::ordered_json compute_json(const ComputeSpec& spec);

}  // namespace smpc
