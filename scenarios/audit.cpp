#include "scenarios/audit.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "adversary/strategies.h"
#include "protocols/registry.h"
#include "protocols/core/field.h"
#include "scenarios/catalog.h"
#include "scenarios/functions.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"

namespace smpc {
namespace {

constexpr PartyId kCorrupt = 1;  // the party every audit corrupts
constexpr PartyId kVictim = 0;   // the honest party equivocation and selective abort single out

std::string safe(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return s;
}

}  // namespace

namespace {

// What the audit needs from one honest run of the base scenario: the labels the corrupted party
// sends (every labelled strategy is tried on each) and an input for it to substitute (its own,
// changed: bits flipped for Boolean circuits, + 1 in the field).
struct AuditTargets {
  std::vector<std::string> labels;
  std::vector<std::uint64_t> substitute_input;
};

Result<AuditTargets> audit_targets(const Scenario& base, const AuditOptions& options) {
  RunOptions ro;
  ro.program = options.program;
  SMPC_ASSIGN_OR_RETURN(const RunPlan plan, resolve(base, ro));
  SMPC_ASSIGN_OR_RETURN(const Execution honest, execute(plan));
  AuditTargets t;
  for (const auto& [label, stats] : honest.run.parties[kCorrupt].meter.by_label)
    t.labels.push_back(label);
  const bool boolean = plan.function.circuit.domain == CircuitDomain::kBoolean;
  t.substitute_input = plan.function.party_inputs[kCorrupt].values;
  for (auto& x : t.substitute_input) x = boolean ? x ^ 1 : (x + 1) % Fp61::kModulus;
  return t;
}

// One (strategy, label) cell: the base scenario with party kCorrupt running the strategy,
// over seeds 1..options.seeds; a violating run's scenario is written to the repro folder.
Result<AuditCell> audit_cell(const ProtocolSpec& entry, const Scenario& base,
                             const Strategy& strategy, const std::string& label,
                             const AuditTargets& targets, const AuditOptions& options) {
  AuditCell cell;
  cell.protocol = entry.name;
  cell.strategy = strategy.name;
  cell.label = label;
  const std::string file = options.repro_dir + "/" + safe(entry.name) + "-" + strategy.name +
                           (label.empty() ? "" : "-" + safe(label)) + ".json";
  const nlohmann::json step =
      audit_step(strategy, AuditTarget{label, kVictim, targets.substitute_input});
  SMPC_ASSIGN_OR_RETURN(
      const Scenario scenario,
      ScenarioBuilder(base)
          .name("audit " + entry.name + ": " + strategy.name +
                (label.empty() ? "" : " on " + label))
          .path(file)
          .adversary({kCorrupt}, AdversaryModel::kMalicious, nlohmann::json::array({step}))
          .build());
  for (int seed = 1; seed <= options.seeds; ++seed) {
    RunOptions run_options;
    run_options.seed = static_cast<std::uint64_t>(seed);
    run_options.program = options.program;
    SMPC_ASSIGN_OR_RETURN(const RunRecord rec, run_scenario(scenario, run_options));
    ++cell.runs;
    ++cell.outcomes[outcome_name(rec.outcome)];
    cell.within_claim = rec.scope == ClaimScope::kWithin;
    if (rec.verdict_holds) continue;
    ++cell.violations;
    cell.reproduce.push_back(rec.reproduce);
    std::filesystem::create_directories(options.repro_dir);
    std::ofstream(file) << scenario.document.dump(2) << "\n";
  }
  return cell;
}

std::string cell_progress(const AuditCell& cell) {
  return cell.protocol + " / " + cell.strategy + (cell.label.empty() ? "" : " / " + cell.label) +
         ": " + std::to_string(cell.runs) + " runs, " + std::to_string(cell.violations) +
         " violations";
}

Status audit_protocol(const ProtocolSpec& entry, const AuditOptions& options,
                      AuditReport& report) {
  // The protocol's audit scenario, honest: the base every attack varies.
  SMPC_ASSIGN_OR_RETURN(const Scenario base, audit_scenario(entry));
  SMPC_ASSIGN_OR_RETURN(const AuditTargets targets, audit_targets(base, options));
  for (const Strategy& strategy : strategies()) {
    const auto& labels = strategy.selects_messages ? targets.labels : std::vector<std::string>{""};
    for (const auto& label : labels) {
      SMPC_ASSIGN_OR_RETURN(AuditCell cell,
                            audit_cell(entry, base, strategy, label, targets, options));
      report.runs += cell.runs;
      report.violations += cell.violations;
      if (options.progress) options.progress(cell_progress(cell));
      report.cells.push_back(std::move(cell));
    }
  }
  return OkStatus();
}

}  // namespace

Result<AuditReport> run_audit(const AuditOptions& options) {
  AuditReport report;
  bool found = false;
  for (const auto* spec : protocol_registry()) {
    const ProtocolSpec& entry = *spec;
    if (options.protocol && *options.protocol != entry.name) continue;
    found = true;
    SMPC_RETURN_IF_ERROR(audit_protocol(entry, options, report));
  }
  if (!found) {
    return Error("--protocol: unknown protocol \"" + *options.protocol + "\" (known: " +
                 protocol_names() + ")");
  }
  return report;
}

nlohmann::ordered_json audit_json(const AuditReport& report) {
  nlohmann::ordered_json cells = nlohmann::ordered_json::array();
  for (const auto& c : report.cells) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (const auto& [k, v] : c.outcomes) o[k] = v;
    cells.push_back({{"protocol", c.protocol},
                     {"strategy", c.strategy},
                     {"label", c.label},
                     {"within_claim", c.within_claim},
                     {"runs", c.runs},
                     {"outcomes", o},
                     {"violations", c.violations},
                     {"reproduce", c.reproduce}});
  }
  return {{"runs", report.runs}, {"violations", report.violations}, {"cells", cells}};
}

std::string audit_table(const AuditReport& report) {
  // Merge labels: one row per (protocol, strategy).
  struct Row {
    int runs = 0, violations = 0;
    std::map<std::string, int> outcomes;
    bool within = false;
  };
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, Row> rows;
  for (const auto& c : report.cells) {
    const auto key = std::make_pair(c.protocol, c.strategy);
    if (!rows.count(key)) order.push_back(key);
    auto& r = rows[key];
    r.runs += c.runs;
    r.violations += c.violations;
    r.within = r.within || c.within_claim;
    for (const auto& [k, v] : c.outcomes) r.outcomes[k] += v;
  }
  static const char* kOutcomes[] = {"correct", "abort", "wrong_output", "no_output", "disagreement",
                                     "correct_with_substitution"};
  std::string out = "| protocol | strategy | claim applies | runs |";
  for (const char* o : kOutcomes) out += std::string(" ") + o + " |";
  out += " verdict |\n|---|---|---|---:|";
  for (std::size_t i = 0; i < std::size(kOutcomes); ++i) out += "---:|";
  out += "---|\n";
  for (const auto& key : order) {
    const auto& r = rows[key];
    out += "| " + key.first + " | " + key.second + " | " + (r.within ? "yes" : "no") + " | " +
           std::to_string(r.runs) + " |";
    for (const char* o : kOutcomes) {
      auto it = r.outcomes.find(o);
      out += " " + std::to_string(it == r.outcomes.end() ? 0 : it->second) + " |";
    }
    out += r.violations ? " **" + std::to_string(r.violations) + " violations** |\n" : " ok |\n";
  }
  return out;
}

}  // namespace smpc
