// Computation as simulated time: a cost profile (nanoseconds per counted operation, ops.h) and
// the compute model a run uses (docs/simulator.md, "Computation").
//
// In the "ops" model a party's operations since its last network call become
// Σ count(op) · ns(op) / speed nanoseconds, which the simulator adds to that party's clock
// before its next send, receive or sleep (and before it finishes). Deterministic: counts depend
// only on the run, the profile is data.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/ops.h"
#include "protocols/core/status.h"
#include "protocols/core/types.h"

namespace smpc {

struct CostProfile {
  std::string name;     // "reference" for the built-in one, else what the file says
  std::string machine;  // where it was measured (free text)
  std::array<double, kOpCount> ns{};  // per operation; every entry > 0 and finite
  bool operator==(const CostProfile&) const = default;
};

// The profile that ships with the testbed (measured with `smpc calibrate`; the machine and its
// load are in docs/simulator.md).
const CostProfile& builtin_profile();

// {"name": …, "machine": …, "ops": {"aes_block": 1.3, …}}: every operation of ops.h, each a
// number > 0 (ns). Errors are "/ops/aes_block: problem, got value" (the caller adds the file).
Result<CostProfile> profile_from_json(const nlohmann::json& j);
nlohmann::ordered_json profile_json(const CostProfile& p);

// Counts as {"aes_block": 12, …}, non-zero entries only, in ops.h order; and back (unknown
// names are refused: the counts come from our own child process, never from a user).
nlohmann::ordered_json ops_json(const OpCounts& ops);
Result<OpCounts> ops_from_json(const nlohmann::json& j);

enum class ComputeModel {
  kNone,  // network time only: computation is free
  kOps,   // counted operations × profile, scaled by speed
  // Each segment's real CPU time (party_cpu_seconds between the party's network calls), scaled
  // by speed: not deterministic (the report says so).
  kMeasured,
};
const char* compute_model_name(ComputeModel m);
std::optional<ComputeModel> compute_model_from_name(std::string_view name);

// A slow party (docs/simulator.md, "Slow parties"): from_s <= t < until_s its CPU runs at
// `speed` (relative to the profile's machine, multiplied by ComputeSpec::speed) instead of its
// usual speed.
struct SpeedWindow {
  double from_s = 0;
  double until_s = 0;  // +inf: to the end of the run
  double speed = 1;
  bool operator==(const SpeedWindow&) const = default;
};

struct ComputeSpec {
  ComputeModel model = ComputeModel::kNone;
  std::string profile_source = "reference";  // a built-in name or the file it came from
  CostProfile profile = builtin_profile();
  double speed = 1;                  // every party's CPU relative to the profile's machine
  std::vector<double> party_speed;   // by party (empty: all 1); multiplies `speed`
  std::vector<std::vector<SpeedWindow>> party_windows;  // by party (may be empty): sorted, disjoint

  // Simulated seconds for `ops` done by party p at its usual speed (0 in the "none" model).
  double seconds(const OpCounts& ops, PartyId p) const;
  // The same work started at simulated time start_s, through p's speed windows: the CPU does
  // speed × dt of the profile machine's work in dt, whatever the speed is at that moment.
  double duration(const OpCounts& ops, PartyId p, double start_s) const;
  // The same for work given in seconds of the profile's machine (the measured model: this
  // machine's CPU seconds).
  double duration_of_work(double profile_seconds, PartyId p, double start_s) const;
  bool deterministic() const { return model != ComputeModel::kMeasured; }
};

}  // namespace smpc
