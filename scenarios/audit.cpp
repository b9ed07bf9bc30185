#include "scenarios/audit.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "adversary/adversary_spec.h"
#include "protocols/registry.h"
#include "protocols/core/field.h"
#include "scenarios/catalog.h"
#include "scenarios/functions.h"
#include "scenarios/runner.h"

namespace smpc {
namespace {

constexpr PartyId kCorrupt = 1;  // the party every audit corrupts

// The script step for one strategy, with the parameters the audit uses.
nlohmann::json step_for(StrategyKind k, const std::string& label, int parties,
                        const std::vector<std::uint64_t>& corrupt_input) {
  nlohmann::json s{{"strategy", strategy_name(k)}};
  if (!label.empty()) s["label"] = label;
  const PartyId victim = 0;
  switch (k) {
    case StrategyKind::kDelay: s["delay_s"] = 0.5; break;
    case StrategyKind::kTruncate: s["bytes"] = 3; break;
    case StrategyKind::kBitFlip: s["element"] = 0; s["bit"] = 0; break;
    case StrategyKind::kAdd: s["element"] = 0; s["delta"] = 1; break;
    case StrategyKind::kRandomize: s["element"] = 0; break;
    case StrategyKind::kEquivocate: s["to"] = {victim}; s["element"] = 0; s["delta"] = 1; break;
    case StrategyKind::kSelectiveAbort: s["to"] = {victim}; break;
    case StrategyKind::kRushing: s["window_s"] = 0.5; break;
    case StrategyKind::kInputSubstitution: s["value"] = corrupt_input; break;
    default: break;
  }
  (void)parties;
  return s;
}

std::string safe(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return s;
}

}  // namespace

Result<AuditReport> run_audit(const AuditOptions& options) {
  AuditReport report;
  bool found = false;
  for (const auto* spec : protocol_registry()) {
    const ProtocolSpec& entry = *spec;
    if (options.protocol && *options.protocol != entry.name) continue;
    found = true;
    const auto base_doc = audit_scenario_json(entry);
    auto base = parse_scenario(base_doc.dump(), "<audit " + entry.name + ">");
    if (!base.ok()) return base.status();
    // Which labels does the corrupted party send? An honest run tells.
    RunOptions ro;
    ro.program = options.program;
    auto honest = run_scenario(*base, ro);
    if (!honest.ok()) return honest.status();
    std::vector<std::string> labels;
    for (const auto& [label, stats] : honest->run.parties[kCorrupt].meter.by_label)
      labels.push_back(label);
    // Input substitution works on circuit input values (bits for Boolean circuits).
    auto fn = build_function(base->function, base->inputs, base->parties);
    if (!fn.ok()) return fn.status();
    const bool boolean = fn->circuit.domain == CircuitDomain::kBoolean;
    std::vector<std::uint64_t> corrupt_input = fn->party_inputs[kCorrupt].values;
    for (auto& x : corrupt_input) x = boolean ? x ^ 1 : (x + 1) % Fp61::kModulus;
    for (const auto& info : strategy_catalog()) {
      const bool labelled = info.kind != StrategyKind::kInputSubstitution;
      const std::vector<std::string> targets = labelled ? labels : std::vector<std::string>{""};
      for (const auto& label : targets) {
        AuditCell cell;
        cell.protocol = entry.name;
        cell.strategy = info.name;
        cell.label = label;
        nlohmann::json doc = base_doc;
        doc["name"] = "audit " + entry.name + ": " + info.name + (label.empty() ? "" : " on " + label);
        doc["adversary"] = {{"corrupt", {kCorrupt}},
                            {"model", "malicious"},
                            {"script", {step_for(info.kind, label, base->parties, corrupt_input)}}};
        const std::string file = options.repro_dir + "/" + safe(entry.name) + "-" + info.name +
                                 (label.empty() ? "" : "-" + safe(label)) + ".json";
        auto scenario = parse_scenario(doc.dump(2), file);
        if (!scenario.ok()) return scenario.status();
        for (int seed = 1; seed <= options.seeds; ++seed) {
          RunOptions run_options;
          run_options.seed = static_cast<std::uint64_t>(seed);
          run_options.program = options.program;
          auto rec = run_scenario(*scenario, run_options);
          if (!rec.ok()) return rec.status();
          ++cell.runs;
          ++cell.outcomes[rec->outcome];
          cell.within_claim = rec->explanation.rfind("outside the claim", 0) != 0;
          if (!rec->verdict_holds) {
            ++cell.violations;
            cell.reproduce.push_back(rec->reproduce);
            std::filesystem::create_directories(options.repro_dir);
            std::ofstream(file) << doc.dump(2) << "\n";
          }
        }
        report.runs += cell.runs;
        report.violations += cell.violations;
        if (options.progress)
          options.progress(entry.name + " / " + info.name + (label.empty() ? "" : " / " + label) +
                           ": " + std::to_string(cell.runs) + " runs, " +
                           std::to_string(cell.violations) + " violations");
        report.cells.push_back(std::move(cell));
      }
    }
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
  static const char* kOutcomes[] = {"correct", "abort", "wrong_output", "no_output", "disagreement"};
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
