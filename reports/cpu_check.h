// The compute model against reality (issue 16, "Must show"): per party of a LocalNetwork run,
// its counted operations × a cost profile next to its thread's measured CPU time
// (PartyResult::cpu_time_s). For `smpc run --local --cpu-table` and scripts/validate_compute.sh;
// never part of a report (measured times are not deterministic).
#pragma once

#include <string>
#include <vector>

#include "protocols/core/cost_profile.h"
#include "protocols/core/run_result.h"

namespace smpc {

struct CpuCheckRow {
  PartyId party = 0;
  double modelled_s = 0;  // Σ count(op) · ns(op), at speed 1
  double measured_s = 0;  // thread CPU time (-1: not measured)
  Op top_op = Op::kAesBlock;  // the operation that contributes most to modelled_s
  double top_share = 0;       // its share of modelled_s
};

std::vector<CpuCheckRow> cpu_check(const RunResult& run, const CostProfile& profile);

// A fixed-width table, one line per party and a total: party, modelled ms, measured ms,
// modelled / measured, the top operation and its share.
std::string cpu_check_text(const std::vector<CpuCheckRow>& rows, const std::string& title);

}  // namespace smpc
