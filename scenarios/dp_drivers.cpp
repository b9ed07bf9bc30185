#include "scenarios/dp_drivers.h"

#include <cmath>
#include <string_view>

#include "protocols/core/field.h"
#include "protocols/core/json_text.h"
#include "scenarios/dp_function.h"
#include "scenarios/functions.h"
#include "scenarios/runner.h"

namespace smpc {
namespace {

constexpr std::string_view kVerdictFailed = "the verdict failed: ";

std::int64_t fx_signed(std::uint64_t v) {
  return v > Fp61::kModulus / 2 ? -static_cast<std::int64_t>(Fp61::kModulus - v) : static_cast<std::int64_t>(v);
}

std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

Result<DpSetting> setting_of(const Scenario& s, const DpCheckOptions& o) {
  const std::string name = s.function.value("name", "");
  if (name != "dp_sum" && name != "dp_mean")
    return Error(s.path + ": /function/name: the empirical DP check needs dp_sum or dp_mean, got \"" + name + "\"");
  if (o.party < 0 || o.party >= s.parties || static_cast<std::size_t>(o.party) >= s.inputs.size())
    return Error("--party " + std::to_string(o.party) + ": no such party");
  if (o.runs < 40 || o.runs > 1000000) return Error("--runs: from 40 to 1000000, got " + std::to_string(o.runs));
  SMPC_ASSIGN_OR_RETURN(const Function f, build_function(s.function, s.inputs, s.parties, dir_of(s.path)));
  return dp_setting_of(f);
}

// The noisy sum of one run on `s` with `seed`; an error when the verdict does not hold.
Result<std::int64_t> one_run(const Scenario& s, std::uint64_t seed, const DpCheckOptions& o) {
  RunOptions ro;
  ro.seed = seed;
  ro.backend = o.local ? Backend::kLocal : Backend::kSimulated;
  ro.mutant = o.mutant;
  ro.program = o.program;
  SMPC_ASSIGN_OR_RETURN(const RunRecord rec, run_scenario(s, ro));
  if (!rec.verdict_holds) return Error(std::string(kVerdictFailed) + "seed " + std::to_string(seed) + ": " + rec.explanation);
  for (const auto& p : rec.run.parties)
    if (p.outputs.size() == 1) return fx_signed(p.outputs[0]);
  return Error("seed " + std::to_string(seed) + ": no party output the noisy sum");
}

Result<std::vector<std::int64_t>> sample(const Scenario& s, std::uint64_t first, const DpCheckOptions& o,
                                         std::size_t& runs_done) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < o.runs; ++i) {
    ++runs_done;
    SMPC_ASSIGN_OR_RETURN(auto y, one_run(s, first + i, o));
    out.push_back(y);
  }
  return out;
}

nlohmann::ordered_json dp_report_json(const DpCheckReport& r, const DpCheckOptions& o) {
  const auto& a = r.audit;
  nlohmann::ordered_json j;
  j["epsilon"] = r.epsilon;
  j["delta"] = r.delta;
  j["sensitivity"] = r.sensitivity;
  j["coins"] = r.coins;
  j["runs_per_neighbour"] = o.runs;
  j["method"] = "Jagielski-Ullman-Oprea (NeurIPS 2020) threshold audit; threshold chosen on the first half, Clopper-Pearson on the second";
  j["threshold"] = a.threshold;
  j["hits_d"] = a.hits;
  j["runs_d"] = a.runs;
  j["hits_d_prime"] = a.hits_neighbour;
  j["runs_d_prime"] = a.runs_neighbour;
  j["epsilon_estimate"] = a.eps_hat;
  j["epsilon_interval"] = {a.eps_lo, std::isinf(a.eps_hi) ? nlohmann::ordered_json("inf") : nlohmann::ordered_json(a.eps_hi)};
  j["confidence"] = 1 - o.alpha;
  j["before_noise"] = "the exact sum differs by the sensitivity between D and D': it tells them apart in every run (epsilon = infinity)";
  j["consistent"] = !a.alarm;
  return j;
}

}  // namespace

Result<DpCheckReport> empirical_dp_check(const Scenario& s, const DpCheckOptions& o) {
  SMPC_ASSIGN_OR_RETURN(const DpSetting st, setting_of(s, o));
  DpCheckReport r;
  r.epsilon = st.epsilon;
  r.delta = st.delta;
  r.sensitivity = st.upper - st.lower;
  r.coins = st.coins;
  Scenario d = s, dn = s;
  d.inputs[static_cast<std::size_t>(o.party)][0] = st.lower;
  dn.inputs[static_cast<std::size_t>(o.party)][0] = st.upper;
  auto on_d = sample(d, o.seed, o, r.runs_done);
  auto on_n = on_d.ok() ? sample(dn, o.seed + o.runs, o, r.runs_done) : on_d;
  for (const auto* got : {&on_d, &on_n}) {
    if (got->ok()) continue;
    if (!got->status().message().starts_with(kVerdictFailed)) return got->status();
    r.verdict_failure = got->status().message();
    r.json = {{"verdict_failure", r.verdict_failure}, {"consistent", false}};
    r.text = "dp check of " + s.path + " stopped: " + r.verdict_failure + "\n";
    return r;
  }
  r.audit = audit_dp(*on_d, *on_n, st.epsilon, st.delta, o.alpha);
  r.json = dp_report_json(r, o);
  // The shortest text that reads back as the same double (to_string printed 1e-12 as
  // 0.000000, as if the guarantee were pure epsilon-DP).
  r.text = "dp check of " + s.path + ": (epsilon = " + exact_number_text(st.epsilon) + ", delta = " +
           exact_number_text(st.delta) + "), sensitivity " + std::to_string(r.sensitivity) + ", " +
           std::to_string(st.coins) + " coins, " + std::to_string(o.runs) + " runs per neighbour\n" +
           "  before noise: the exact sum tells D from D' in every run (epsilon = infinity)\n" +
           "  after noise:  " + r.audit.summary + "\n" + (r.audit.alarm ? "ALARM\n" : "consistent\n");
  return r;
}

DriverOutput run_verify_dp(const DpRequest& request) {
  auto s = load_scenario_file(request.scenario);
  if (!s.ok()) return driver_bad_input(s.status().message());
  auto r = empirical_dp_check(*s, request.options);
  if (!r.ok()) return driver_bad_input(r.status().message());
  const int code = r->audit.alarm || !r->verdict_failure.empty() ? kDriverFailed : kDriverOk;
  return {code, request.json ? r->json.dump(2) + "\n" : r->text, ""};
}

}  // namespace smpc
