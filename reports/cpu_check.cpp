#include "reports/cpu_check.h"

#include <cstdio>

namespace smpc {

std::vector<CpuCheckRow> cpu_check(const RunResult& run, const CostProfile& profile) {
  std::vector<CpuCheckRow> rows;
  for (const auto& p : run.parties) {
    CpuCheckRow row;
    row.party = p.party;
    row.measured_s = p.cpu_time_s;
    double top = 0;
    for (std::size_t i = 0; i < kOpCount; ++i) {
      const double s = static_cast<double>(p.meter.ops.n[i]) * profile.ns[i] * 1e-9;
      row.modelled_s += s;
      if (s > top) {
        top = s;
        row.top_op = static_cast<Op>(i);
      }
    }
    row.top_share = row.modelled_s > 0 ? top / row.modelled_s : 0;
    rows.push_back(row);
  }
  return rows;
}

namespace {

std::string line(const char* who, double modelled, double measured, const std::string& top) {
  char buf[160];
  const double ratio = measured > 0 ? modelled / measured : 0;
  std::snprintf(buf, sizeof buf, "%-7s %12.3f %12.3f %8.2f   %s\n", who, modelled * 1e3,
                measured * 1e3, ratio, top.c_str());
  return buf;
}

}  // namespace

std::string cpu_check_text(const std::vector<CpuCheckRow>& rows, const std::string& title) {
  std::string out = title + "\n";
  out += "party   modelled_ms  measured_ms    ratio   top operation (share of modelled)\n";
  double modelled = 0, measured = 0;
  for (const auto& r : rows) {
    char top[64] = "-";
    if (r.modelled_s > 0)
      std::snprintf(top, sizeof top, "%s (%.0f%%)", std::string(op_name(r.top_op)).c_str(),
                    100 * r.top_share);
    out += line(std::to_string(r.party).c_str(), r.modelled_s, r.measured_s, top);
    modelled += r.modelled_s;
    measured += r.measured_s;
  }
  out += line("all", modelled, measured, "");
  return out;
}

}  // namespace smpc
