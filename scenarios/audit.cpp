#include "scenarios/audit.h"

#include <algorithm>
#include <bit>
#include <filesystem>
#include <fstream>
#include <set>

#include "adversary/strategies.h"
#include "protocols/core/field.h"
#include "protocols/core/rng.h"
#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include "scenarios/functions.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"

namespace smpc {
namespace {

std::string safe(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return s;
}

// What the audit needs from one honest run of a scenario: the labels each party sends (a
// labelled strategy is tried on every label its corrupted set sends), an input for each party to
// substitute (its own, changed: bits flipped for Boolean circuits, + 1 in the field; empty for a
// party without input) and the claim's corruption bound.
struct ScenarioTargets {
  std::vector<std::set<std::string>> labels;
  std::vector<std::vector<std::uint64_t>> substitute_input;
  int parties = 0;
  int bound = 0;
};

Result<ScenarioTargets> scenario_targets(const Scenario& base, const AuditOptions& options) {
  RunOptions ro;
  ro.program = options.program;
  SMPC_ASSIGN_OR_RETURN(const RunPlan plan, resolve(base, ro));
  SMPC_ASSIGN_OR_RETURN(const Execution honest, execute(plan));
  ScenarioTargets t;
  t.parties = plan.parties;
  t.bound = plan.protocol->claim(plan.parties).max_corruptions;
  const bool boolean = plan.function.circuit.domain == CircuitDomain::kBoolean;
  for (PartyId p = 0; p < plan.parties; ++p) {
    const auto i = static_cast<std::size_t>(p);
    std::set<std::string> labels;
    for (const auto& [label, stats] : honest.run.parties[i].meter.by_label) labels.insert(label);
    t.labels.push_back(std::move(labels));
    auto input = plan.function.party_inputs[i].values;
    for (auto& x : input) x = boolean ? x ^ 1 : (x + 1) % Fp61::kModulus;
    t.substitute_input.push_back(std::move(input));
  }
  return t;
}

// Every set of 1..bound + 1 parties that leaves an honest party, smallest first.
std::vector<CorruptedSet> every_set(int parties, int bound) {
  std::vector<CorruptedSet> sets;
  for (int size = 1; size <= std::min(bound + 1, parties - 1); ++size)
    for (std::uint32_t mask = 1; mask < (1u << parties); ++mask) {
      if (std::popcount(mask) != size) continue;
      CorruptedSet s{{}, size > bound};
      for (PartyId p = 0; p < parties; ++p)
        if (mask >> p & 1) s.parties.push_back(p);
      sets.push_back(std::move(s));
    }
  return sets;
}

// `count` of `pool`, drawn without replacement by a partial Fisher-Yates shuffle.
std::vector<CorruptedSet> draw(Rng& rng, std::vector<CorruptedSet> pool, int count) {
  const std::size_t k = std::min(pool.size(), static_cast<std::size_t>(std::max(count, 0)));
  for (std::size_t i = 0; i < k; ++i)
    std::swap(pool[i], pool[i + rng.uniform_below(pool.size() - i)]);
  pool.resize(k);
  return pool;
}

// One corrupted set's attack surface: the labels its members send, the honest party that
// equivocation and selective abort single out, and one input substitution per member that has
// an input (a step with `party`, since each substitutes its own changed input).
struct SetTargets {
  std::vector<std::string> labels;
  PartyId victim = 0;
  nlohmann::json substitution = nlohmann::json::array();
};

SetTargets set_targets(const ScenarioTargets& t, const CorruptedSet& set) {
  SetTargets s;
  std::set<std::string> labels;
  for (PartyId p : set.parties) {
    const auto i = static_cast<std::size_t>(p);
    labels.insert(t.labels[i].begin(), t.labels[i].end());
    if (t.substitute_input[i].empty()) continue;
    nlohmann::json step = audit_step(builtin_strategy(StrategyKind::kInputSubstitution),
                                     AuditTarget{"", 0, t.substitute_input[i]});
    step["party"] = p;
    s.substitution.push_back(std::move(step));
  }
  s.labels.assign(labels.begin(), labels.end());
  while (std::find(set.parties.begin(), set.parties.end(), s.victim) != set.parties.end())
    ++s.victim;
  return s;
}

// Where one attack stands in the sweep.
struct CellPlan {
  const ProtocolSpec* spec = nullptr;
  const AuditSetup* setup = nullptr;
  const Scenario* base = nullptr;
  const CorruptedSet* set = nullptr;
  const SetTargets* targets = nullptr;
};

std::string cell_file(const CellPlan& c, const Strategy& strategy, const std::string& label,
                      const AuditOptions& options) {
  std::string members;
  for (PartyId p : c.set->parties) members += (members.empty() ? "" : "_") + std::to_string(p);
  return options.repro_dir + "/" + safe(c.spec->name) + "-" + safe(c.setup->name) + "-c" +
         members + "-" + strategy.name + (label.empty() ? "" : "-" + safe(label)) + ".json";
}

// One (set, strategy, label) cell over seeds 1..options.seeds; a violating run's scenario is
// written to the repro folder.
Result<AuditCell> audit_cell(const CellPlan& c, const Strategy& strategy, const std::string& label,
                             const AuditOptions& options) {
  AuditCell cell{.protocol = c.spec->name, .scenario = c.setup->name,
                 .corrupted = c.set->parties, .beyond_bound = c.set->beyond_bound,
                 .strategy = strategy.name, .label = label};
  const std::string file = cell_file(c, strategy, label, options);
  const nlohmann::json script =
      strategy.kind == StrategyKind::kInputSubstitution
          ? c.targets->substitution
          : nlohmann::json::array({audit_step(strategy, AuditTarget{label, c.targets->victim, {}})});
  SMPC_ASSIGN_OR_RETURN(
      const Scenario scenario,
      ScenarioBuilder(*c.base)
          .name("audit " + c.spec->name + " " + c.setup->name + ", parties " +
                corrupted_set_text(c.set->parties) + ": " + strategy.name +
                (label.empty() ? "" : " on " + label))
          .path(file)
          .adversary(c.set->parties, AdversaryModel::kMalicious, script)
          .build());
  for (int seed = 1; seed <= options.seeds; ++seed) {
    RunOptions run_options;
    run_options.seed = static_cast<std::uint64_t>(seed);
    run_options.program = options.program;
    SMPC_ASSIGN_OR_RETURN(const RunRecord rec, run_scenario(scenario, run_options));
    const int before = cell.violations;
    count_audit_run(rec, cell);
    if (cell.violations == before) continue;
    std::filesystem::create_directories(options.repro_dir);
    std::ofstream(file) << scenario.document.dump(2) << "\n";
  }
  return cell;
}

// Every strategy on every label the set sends (input substitution once, if a member has an
// input to substitute).
Status audit_set(const CellPlan& c, const AuditOptions& options, AuditReport& report) {
  int runs = 0, violations = 0;
  for (const Strategy& strategy : strategies()) {
    const bool substitution = strategy.kind == StrategyKind::kInputSubstitution;
    if (substitution && c.targets->substitution.empty()) continue;
    const auto& labels = strategy.selects_messages ? c.targets->labels
                                                   : std::vector<std::string>{""};
    for (const auto& label : labels) {
      SMPC_ASSIGN_OR_RETURN(AuditCell cell, audit_cell(c, strategy, label, options));
      runs += cell.runs;
      violations += cell.violations;
      report.runs += cell.runs;
      report.violations += cell.violations;
      report.outside_timing_runs += cell.outside_timing;
      report.script_errors += cell.script_errors;
      report.inapplicable_runs += cell.inapplicable;
      if (cell.beyond_bound) report.beyond_bound_runs += cell.runs;
      report.cells.push_back(std::move(cell));
    }
  }
  ++report.corrupted_sets;
  if (options.progress)
    options.progress(c.spec->name + " / " + c.setup->name + " / parties " +
                     corrupted_set_text(c.set->parties) +
                     (c.set->beyond_bound ? " (beyond the bound)" : "") + ": " +
                     std::to_string(runs) + " runs, " + std::to_string(violations) +
                     " violations");
  return OkStatus();
}

Status audit_protocol(const ProtocolSpec& spec, const AuditOptions& options, AuditReport& report) {
  for (const AuditSetup& setup : spec.audits) {
    if (options.scenario && *options.scenario != setup.name) continue;
    // The scenario, honest: the base every attack varies.
    SMPC_ASSIGN_OR_RETURN(const Scenario base, audit_scenario(spec, setup));
    SMPC_ASSIGN_OR_RETURN(const ScenarioTargets targets, scenario_targets(base, options));
    auto sets = audit_corrupted_sets(targets.parties, targets.bound, options,
                                     spec.name + "/" + setup.name);
    // With roles the claim's bound counts corrupted servers only (verify/verdict.h): a set is
    // beyond it by its servers, not by its size.
    if (setup.servers > 0)
      for (CorruptedSet& set : sets)
        set.beyond_bound = std::count_if(set.parties.begin(), set.parties.end(), [&](PartyId p) {
                             return p < setup.servers;
                           }) > targets.bound;
    for (const CorruptedSet& set : sets) {
      const SetTargets set_target = set_targets(targets, set);
      SMPC_RETURN_IF_ERROR(audit_set({&spec, &setup, &base, &set, &set_target}, options, report));
    }
  }
  return OkStatus();
}

}  // namespace

std::vector<CorruptedSet> audit_corrupted_sets(int parties, int bound,
                                               const AuditOptions& options,
                                               const std::string& stream) {
  std::vector<CorruptedSet> all = every_set(parties, bound);
  if (options.coalitions == CoalitionMode::kAll) return all;
  std::vector<CorruptedSet> sets, coalitions, beyond;
  for (auto& s : all)
    (s.parties.size() == 1 ? sets : s.beyond_bound ? beyond : coalitions).push_back(std::move(s));
  if (options.coalitions == CoalitionMode::kSingle) return sets;
  Rng rng(options.coalition_seed, 0, "audit coalitions " + stream);
  auto drawn = draw(rng, std::move(coalitions), options.random_coalitions);
  std::sort(drawn.begin(), drawn.end(), [](const CorruptedSet& a, const CorruptedSet& b) {
    return std::make_pair(a.parties.size(), a.parties) < std::make_pair(b.parties.size(), b.parties);
  });
  for (auto& s : drawn) sets.push_back(std::move(s));
  for (auto& s : draw(rng, std::move(beyond), 1)) sets.push_back(std::move(s));
  return sets;
}

namespace {

// The audit's strict script check, from adversary.script_hits. An error: a step that matched no
// message at all although its label is matched on every recipient (a label or round the run
// never had: the attack did not test what it names). Inapplicable, counted apart: the run had
// the label but the step's selection there was empty — every match too short for its element,
// bit or byte (e.g. an empty broadcast payload), or no message of the label went to the
// recipient a strategy singles out (selective abort, equivocation). A step that matched messages
// and left them as they were (replay of a label sent once per recipient) did what its strategy
// does there: the summary's idle warning, neither.
struct UnmatchedSteps {
  std::string errors, inapplicable;
};

UnmatchedSteps unmatched_steps(const RunRecord& rec) {
  UnmatchedSteps out;
  if (!rec.adversary.is_object() || !rec.adversary.contains("script_hits")) return out;
  const auto& script = rec.adversary["script"];
  for (const auto& step : rec.adversary["script_hits"]) {
    if (!step.value("complete", false) || !step["matched"].is_number()) continue;
    const auto matched = step["matched"].get<std::uint64_t>();
    if (matched > 0 && step["out_of_range"].get<std::uint64_t>() < matched) continue;
    const auto i = step["step"].get<std::size_t>();
    const std::string name = i < script.size() ? script[i].value("strategy", "?") : "?";
    const Strategy* strategy = find_strategy(name);
    const bool to_restricted = strategy != nullptr && strategy->needs_to && strategy->to_selects;
    std::string& list = matched > 0 || to_restricted ? out.inapplicable : out.errors;
    list += (list.empty() ? "" : "; ") + std::string("step ") + std::to_string(i) + " (" + name +
            (matched ? ") matched only messages without its element, bit or byte"
                     : to_restricted ? ") matched no message to the recipient it singles out"
                                     : ") matched no message") +
            (step.contains("idle") ? ": " + step["idle"].get<std::string>() : "");
  }
  return out;
}

}  // namespace

void count_audit_run(const RunRecord& rec, AuditCell& cell) {
  ++cell.runs;
  ++cell.outcomes[outcome_name(rec.outcome)];
  cell.within_claim = rec.scope == ClaimScope::kWithin;
  const bool scope_error = cell.beyond_bound && rec.scope == ClaimScope::kWithin;
  cell.scope_errors += scope_error;
  cell.outside_timing += rec.scope == ClaimScope::kOutsideTiming;
  const UnmatchedSteps unmatched = unmatched_steps(rec);
  if (!unmatched.errors.empty()) {
    ++cell.script_errors;
    cell.script_error_lines.push_back(unmatched.errors + ": " + rec.reproduce);
  }
  if (!unmatched.inapplicable.empty()) {
    ++cell.inapplicable;
    cell.inapplicable_lines.push_back(unmatched.inapplicable + ": " + rec.reproduce);
  }
  if (rec.verdict_holds && !scope_error) return;
  ++cell.violations;
  cell.reproduce.push_back(rec.reproduce);
}

namespace {
constexpr std::pair<CoalitionMode, const char*> kCoalitionModes[] = {
    {CoalitionMode::kSingle, "single"}, {CoalitionMode::kRandom, "random"},
    {CoalitionMode::kAll, "all"}};
}  // namespace

Result<CoalitionMode> parse_coalition_mode(const std::string& name) {
  for (const auto& [mode, text] : kCoalitionModes)
    if (name == text) return mode;
  return Error("--coalitions: must be one of single, random, all, got \"" + name + "\"");
}

const char* coalition_mode_name(CoalitionMode mode) {
  for (const auto& [m, text] : kCoalitionModes)
    if (m == mode) return text;
  return "?";
}

std::string corrupted_set_text(const std::vector<PartyId>& parties) {
  std::string out;
  for (PartyId p : parties) out += (out.empty() ? "" : ",") + std::to_string(p);
  return "{" + out + "}";
}

Result<AuditReport> run_audit(const AuditOptions& options) {
  AuditReport report;
  bool found = false;
  for (const auto* spec : protocol_registry()) {
    if (options.protocol && *options.protocol != spec->name) continue;
    found = true;
    SMPC_RETURN_IF_ERROR(audit_protocol(*spec, options, report));
  }
  if (!found) {
    return Error("--protocol: unknown protocol \"" + *options.protocol + "\" (known: " +
                 protocol_names() + ")");
  }
  if (options.scenario && report.cells.empty())
    return Error("--scenario: no audited protocol has an audit scenario \"" + *options.scenario +
                 "\"");
  return report;
}

nlohmann::ordered_json audit_json(const AuditReport& report) {
  nlohmann::ordered_json cells = nlohmann::ordered_json::array();
  for (const auto& c : report.cells) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (const auto& [k, v] : c.outcomes) o[k] = v;
    cells.push_back({{"protocol", c.protocol},
                     {"scenario", c.scenario},
                     {"corrupted", c.corrupted},
                     {"beyond_bound", c.beyond_bound},
                     {"strategy", c.strategy},
                     {"label", c.label},
                     {"within_claim", c.within_claim},
                     {"runs", c.runs},
                     {"outcomes", o},
                     {"violations", c.violations},
                     {"scope_errors", c.scope_errors},
                     {"outside_timing", c.outside_timing},
                     {"script_errors", c.script_error_lines},
                     {"inapplicable_steps", c.inapplicable_lines},
                     {"reproduce", c.reproduce}});
  }
  return {{"runs", report.runs},
          {"violations", report.violations},
          {"beyond_bound_runs", report.beyond_bound_runs},
          {"outside_timing_runs", report.outside_timing_runs},
          {"script_errors", report.script_errors},
          {"inapplicable_runs", report.inapplicable_runs},
          {"corrupted_sets", report.corrupted_sets},
          {"cells", cells}};
}

namespace {

// One table row: cells summed under a key.
struct Row {
  int runs = 0, violations = 0;
  std::map<std::string, int> outcomes;
  bool within = false;
};

// The outcome columns: those of outcome.h in order, then any other name the cells use.
std::vector<std::string> outcome_columns(const AuditReport& report) {
  std::vector<std::string> cols = {"correct", "correct_with_substitution", "abort",
                                   "wrong_output", "no_output", "disagreement"};
  for (const auto& c : report.cells)
    for (const auto& [name, n] : c.outcomes)
      if (std::find(cols.begin(), cols.end(), name) == cols.end()) cols.push_back(name);
  return cols;
}

// Markdown rows (after `head`, whose first columns are the key's) for rows in first-seen order.
std::string rows_markdown(const std::string& head, int key_columns,
                          const std::vector<std::pair<std::string, Row>>& rows,
                          const std::vector<std::string>& cols) {
  std::string out = head;
  for (const auto& c : cols) out += " " + c + " |";
  out += " verdict |\n|";
  for (int i = 0; i < key_columns; ++i) out += "---|";
  out += "---:|";
  for (std::size_t i = 0; i < cols.size(); ++i) out += "---:|";
  out += "---|\n";
  for (const auto& [key, r] : rows) {
    out += "| " + key + " | " + std::to_string(r.runs) + " |";
    for (const auto& c : cols) {
      const auto it = r.outcomes.find(c);
      out += " " + std::to_string(it == r.outcomes.end() ? 0 : it->second) + " |";
    }
    out += r.violations ? " **" + std::to_string(r.violations) + " violations** |\n" : " ok |\n";
  }
  return out;
}

template <class KeyOf>
std::vector<std::pair<std::string, Row>> group(const AuditReport& report, KeyOf key_of) {
  std::vector<std::pair<std::string, Row>> rows;
  std::map<std::string, std::size_t> index;
  for (const auto& c : report.cells) {
    const auto key = key_of(c);
    if (!key) continue;
    auto [it, added] = index.try_emplace(*key, rows.size());
    if (added) rows.push_back({*key, Row{}});
    Row& r = rows[it->second].second;
    r.runs += c.runs;
    r.violations += c.violations;
    r.within = r.within || c.within_claim;
    for (const auto& [k, v] : c.outcomes) r.outcomes[k] += v;
  }
  return rows;
}

}  // namespace

std::string audit_table(const AuditReport& report) {
  // Whether the claim applies is the same for every set within the bound (it depends on the
  // model only), so it is part of the row's key.
  auto rows = group(report, [](const AuditCell& c) -> std::optional<std::string> {
    if (c.beyond_bound) return std::nullopt;
    return c.protocol + " | " + c.strategy + " | " + (c.within_claim ? "yes" : "no");
  });
  return rows_markdown("| protocol | strategy | claim applies | runs |", 3, rows,
                       outcome_columns(report));
}

std::string audit_coalition_table(const AuditReport& report) {
  auto rows = group(report, [](const AuditCell& c) -> std::optional<std::string> {
    return c.protocol + " | " + c.scenario + " | " + corrupted_set_text(c.corrupted) +
           (c.beyond_bound ? " beyond the bound" : "");
  });
  return rows_markdown("| protocol | scenario | corrupted | runs |", 3, rows,
                       outcome_columns(report));
}

}  // namespace smpc
