// `smpc calibrate`: measures the cost of every counted operation (protocols/core/ops.h) on this
// machine with the primitives' own code, and writes a cost profile (cost_profile.h).
//
// Each operation has a kernel that calls the real primitive (batched where protocols batch);
// the counts the kernel produced say what it did, so an operation whose kernel also does other
// counted work (hash-to-group hashes with BLAKE2b) is charged only the remainder after the
// operations calibrated before it. The median per-operation time over several trials is kept
// (an operation's typical cost in a run, which meets the same machine noise as the trials).
#pragma once

#include <cstdint>
#include <string>

#include "protocols/core/cost_profile.h"
#include "scenarios/driver_output.h"

namespace smpc {

// Runs the kernel of `op` `reps` times; returns a value depending on every result (so that no
// work is optimised away). Also used by bench/compute_bench.cpp.
std::uint64_t run_op_kernel(Op op, std::uint64_t reps);

struct CalibrateOptions {
  double seconds_per_trial = 0.02;  // each operation's trials run at least this long
  int trials = 5;
  std::string machine;              // free text for the profile (default: the CPU model)
};

CostProfile calibrate_profile(const CalibrateOptions& options);

struct CalibrateRequest {
  CalibrateOptions options;
  std::string output;  // profile JSON file; empty: only the table
  bool json = false;   // print the profile JSON instead of the table
};
DriverOutput run_calibrate(const CalibrateRequest& request);

}  // namespace smpc
