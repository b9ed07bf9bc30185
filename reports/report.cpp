#include "reports/report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "protocols/core/cost_profile.h"
#include "reports/critical_path.h"

namespace smpc {

nlohmann::ordered_json cost_json(const RunResult& run) {
  using J = nlohmann::ordered_json;
  std::uint64_t bytes = 0, messages = 0;
  std::uint32_t rounds = 0;
  J per_party = J::array();
  std::map<std::string, LabelStats> labels, phases;
  const auto merge = [](std::map<std::string, LabelStats>& into,
                        const std::map<std::string, LabelStats>& from) {
    for (const auto& [k, s] : from) {
      auto [it, fresh] = into.try_emplace(k, s);
      if (fresh) continue;
      auto& d = it->second;
      d.traffic.bytes += s.traffic.bytes;
      d.traffic.messages += s.traffic.messages;
      d.first_round = std::min(d.first_round, s.first_round);
      d.last_round = std::max(d.last_round, s.last_round);
      d.ops += s.ops;
      d.compute_s += s.compute_s;
    }
  };
  J per_link = J::array();
  double compute_total = 0;
  for (const auto& p : run.parties) {
    const auto& m = p.meter;
    bytes += m.sent.bytes;
    messages += m.sent.messages;
    rounds = std::max(rounds, m.max_round);
    per_party.push_back({{"party", p.party},
                         {"bytes_sent", m.sent.bytes},
                         {"bytes_received", m.received.bytes},
                         {"messages_sent", m.sent.messages},
                         {"messages_received", m.received.messages},
                         {"compute_s", m.compute_s},
                         {"finish_time_s", p.finish_time_s},
                         {"ops", ops_json(m.ops)},
                         {"view_digest", m.view_digest}});
    compute_total += m.compute_s;
    merge(labels, m.by_label);
    merge(phases, m.by_phase);
    for (const auto& [to, c] : m.sent_to.nonzero())
      if (c.messages > 0)
        per_link.push_back(
            {{"from", p.party}, {"to", to}, {"bytes", c.bytes}, {"messages", c.messages}});
  }
  const auto stats = [](const std::map<std::string, LabelStats>& m, bool with_phase) {
    J out = J::object();
    for (const auto& [k, s] : m) {
      J e = J::object();
      if (with_phase) e["phase"] = s.phase;
      e["bytes"] = s.traffic.bytes;
      e["messages"] = s.traffic.messages;
      e["first_round"] = s.first_round;
      e["last_round"] = s.last_round;
      if (with_phase) e["compute_s"] = s.compute_s;
      out[k] = e;
    }
    return out;
  };
  return J{{"rounds", rounds},
           {"messages", messages},
           {"bytes_sent", bytes},
           {"simulated_time_s", run.simulated_time_s},
           {"compute_s", compute_total},
           {"per_party", per_party},
           {"per_label", stats(labels, true)},
           {"per_phase", stats(phases, false)},
           {"per_link", per_link}};
}

nlohmann::ordered_json report_json(const RunRecord& r) {
  using J = nlohmann::ordered_json;
  J parties = J::array();
  for (const auto& p : r.run.parties) {
    J e{{"party", p.party}, {"status", party_status_name(p.status)}};
    if (p.status != PartyStatus::kOutput) {
      e["reason"] = p.abort_reason;
      e["blamed"] = p.blamed;
    }
    e["finish_time_s"] = p.finish_time_s;
    // A public transcript a party kept (vote's bulletin board), for `smpc verify tally`.
    if (p.annotations.is_object() && p.annotations.contains("vote_transcript"))
      e["vote_transcript"] = J::parse(p.annotations.at("vote_transcript").dump());
    parties.push_back(e);
  }
  J j{{"scenario", r.scenario},
           {"scenario_file", r.scenario_path},
           {"seed", r.seed},
           {"protocol", r.protocol},
           {"function", r.function},
           {"parties", r.parties},
           {"claim",
            {{"model", adversary_model_name(r.claim.model)},
             {"max_corruptions", r.claim.max_corruptions},
             {"guarantee", output_guarantee_name(r.claim.guarantee)},
             {"statement", r.claim.statement}}},
           {"network", r.network},
           {"compute", r.compute},
           {"adversary", r.adversary},
           {"verdict", r.verdict_holds ? "ok" : "violation"},
           {"claim_scope", claim_scope_name(r.scope)},
           {"outcome", outcome_name(r.outcome)},
           {"explanation", r.explanation},
           {"decided_by", r.decided_by},
           {"party_results", parties},
           {"outputs", r.outputs},
           {"expected_outputs", r.expected_outputs},
           {"cost", cost_json(r.run)},
           {"wall_time_s", r.wall_time_s},
           {"reproduce", r.reproduce}};
  if (!r.no_output_cause.empty()) j["no_output_cause"] = r.no_output_cause;
  if (!r.extracted_inputs.is_null()) j["extracted_inputs"] = r.extracted_inputs;
  if (!r.substituted_inputs.is_null()) j["substituted_inputs"] = r.substituted_inputs;
  if (!r.mutant.empty()) j["mutant"] = r.mutant;
  if (!r.roles.is_null()) j["roles"] = r.roles;
  // Only traced runs have the timeline it is derived from (reports/critical_path.h).
  if (const auto path = critical_path(r.run)) j["critical_path"] = critical_path_json(*path);
  return j;
}

namespace {

// "3" or "?" (a party whose counts did not come back).
std::string count_text(const nlohmann::ordered_json& v) {
  return v.is_null() ? "?" : std::to_string(v.get<std::uint64_t>());
}

// One line per script step (hits / matched, per corrupted party), then the warnings.
// The last party to finish decides the simulated time; how much of it was its own computation
// and how much the network (transfers and waiting for peers). Only when computation was charged.
std::string compute_line(const RunRecord& r) {
  const PartyResult* last = nullptr;
  for (const auto& p : r.run.parties)
    if (last == nullptr || p.finish_time_s > last->finish_time_s) last = &p;
  if (last == nullptr || last->meter.compute_s <= 0 || last->finish_time_s <= 0) return "";
  const double c = last->meter.compute_s, t = last->finish_time_s;
  char line[256];
  std::snprintf(line, sizeof line,
                "  time: party %d finishes last at %.6f s = compute %.6f s (%.0f%%) + network "
                "and waiting %.6f s (%.0f%%)\n",
                last->party, t, c, 100 * c / t, t - c, 100 * (t - c) / t);
  return line;
}

// The measured compute model (scenarios/compute_spec.h) charges real CPU time: said in the
// summary as in the report's compute.deterministic.
std::string determinism_line(const RunRecord& r) {
  if (!r.compute.is_object() || r.compute.value("deterministic", true)) return "";
  return "  NOT DETERMINISTIC: compute model measured (each segment's real thread CPU time); a "
         "rerun with the same seed gives other times\n";
}

std::string script_lines(const RunRecord& r) {
  std::ostringstream os;
  if (r.adversary.is_object() && r.adversary.contains("script_hits")) {
    const auto& script = r.adversary["script"];
    for (const auto& step : r.adversary["script_hits"]) {
      const auto i = step["step"].get<std::size_t>();
      os << "  script step " << i << " (" << script[i]["strategy"].get<std::string>()
         << "): " << count_text(step["hits"]) << " hits / " << count_text(step["matched"])
         << " matched";
      if (step["out_of_range"].get<std::uint64_t>() > 0)
        os << ", " << count_text(step["out_of_range"]) << " out of range";
      os << " (";
      const char* sep = "";
      for (const auto& p : step["parties"]) {
        os << sep << "party " << p["party"].get<int>() << ": " << count_text(p["hits"]) << "/"
           << count_text(p["matched"]);
        sep = ", ";
      }
      os << ")\n";
    }
  }
  for (const auto& w : r.script_warnings) os << "  warning: script " << w << "\n";
  return os.str();
}

}  // namespace

std::string summary_text(const RunRecord& r) {
  const auto cost = cost_json(r.run);
  std::ostringstream os;
  os << r.scenario << ": " << r.protocol << ", " << r.parties << " parties, seed " << r.seed
     << "\n";
  if (!r.mutant.empty()) os << "  SEEDED BUG " << r.mutant << " active (protocols/core/mutants.h)\n";
  os << "  verdict " << (r.verdict_holds ? "ok" : "VIOLATION") << " (" << outcome_name(r.outcome) << "): "
     << r.explanation << "\n";
  char line[256];
  std::snprintf(line, sizeof line,
                "  cost: %u rounds, %llu messages, %llu bytes, %.6f s simulated, %.3f s wall\n",
                cost["rounds"].get<unsigned>(),
                static_cast<unsigned long long>(cost["messages"].get<std::uint64_t>()),
                static_cast<unsigned long long>(cost["bytes_sent"].get<std::uint64_t>()),
                r.run.simulated_time_s, r.wall_time_s);
  os << line << compute_line(r) << determinism_line(r);
  if (const auto path = critical_path(r.run)) os << critical_path_line(*path);
  os << script_lines(r);
  if (!r.outputs.empty() && !r.outputs[0].is_null()) os << "  party 0 output: " << r.outputs[0].dump() << "\n";
  os << "  reproduce: " << r.reproduce << "\n";
  return os.str();
}

}  // namespace smpc
