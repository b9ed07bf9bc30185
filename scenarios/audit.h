// `smpc audit`: every applicable attack strategy against every protocol, over each of the
// protocol's audit scenarios (ProtocolSpec::audits) and many corrupted sets: every single party,
// seeded random coalitions within the claim's bound and one coalition beyond it. Every member of
// a coalition runs the strategy, on every label the coalition sends, over several seeds. Tables
// of outcomes and verdicts, and a reproduce command for every violation.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/protocol.h"
#include "protocols/core/status.h"
#include "reports/report.h"

namespace smpc {

// Which corrupted sets the audit tries, per protocol and scenario.
enum class CoalitionMode {
  kSingle,  // every single party
  kRandom,  // every single party, `random_coalitions` seeded coalitions of 2..bound parties,
            // and one seeded coalition of bound + 1 parties (when it leaves an honest party)
  kAll,     // every set of 1..bound + 1 parties that leaves an honest party
};
Result<CoalitionMode> parse_coalition_mode(const std::string& name);  // single|random|all
const char* coalition_mode_name(CoalitionMode mode);

struct AuditOptions {
  std::optional<std::string> protocol;  // only this protocol
  std::optional<std::string> scenario;  // only the audit scenarios of this name
  int seeds = 1;                        // seeds 1..seeds per (set, strategy, label)
  CoalitionMode coalitions = CoalitionMode::kRandom;
  int random_coalitions = 1;            // kRandom: coalitions within the bound, per scenario
  std::uint64_t coalition_seed = 1;     // kRandom: which coalitions (with the names)
  std::string repro_dir = "audit-repro";  // where scenarios of violations are written
  std::string program = "smpc";
  std::function<void(const std::string&)> progress;  // one line per finished corrupted set
};

struct AuditCell {
  std::string protocol{};
  std::string scenario{};            // the spec's audit scenario (AuditSetup::name)
  std::vector<PartyId> corrupted{};  // every one runs the strategy
  bool beyond_bound = false;         // more corrupted parties than the claim's bound
  std::string strategy{};
  std::string label{};  // "" for label-less strategies (input_substitution)
  int runs = 0;
  std::map<std::string, int> outcomes{};  // outcome name -> count
  int violations = 0;
  // Beyond the bound: runs the verdict wrongly judged within the claim (also violations).
  int scope_errors = 0;
  bool within_claim = false;            // the claim applied to this attack
  // Runs outside the claim (timing): the run's deadline or network broke the protocol's timing
  // assumption. Counted apart like runs beyond the bound; not violations.
  int outside_timing = 0;
  // Runs in which a script step matched no message: the attack did not test what it names
  // (strict script semantics); errors of the audit, with their reasons and reproduce lines.
  int script_errors = 0;
  std::vector<std::string> script_error_lines{};
  // Runs in which a step's selection was empty although the run had its label (nothing to the
  // recipient it singles out, or no message long enough for its element): not errors, listed.
  int inapplicable = 0;
  std::vector<std::string> inapplicable_lines{};
  std::vector<std::string> reproduce{};  // one command per violating run
};

struct AuditReport {
  std::vector<AuditCell> cells;
  int runs = 0;
  int violations = 0;
  int beyond_bound_runs = 0;  // counted apart: the claim promises nothing there
  int outside_timing_runs = 0;  // also apart: the claim's timing assumption did not hold
  int script_errors = 0;        // runs with a script step that matched no message
  int inapplicable_runs = 0;    // runs with a step whose selection was empty (see AuditCell)
  int corrupted_sets = 0;     // (protocol, scenario, set) triples attacked
};

Result<AuditReport> run_audit(const AuditOptions& options);

struct CorruptedSet {
  std::vector<PartyId> parties{};  // sorted
  bool beyond_bound = false;
};
// The corrupted sets the audit attacks in one (protocol, scenario) with `parties` parties and a
// claim bound of `bound` corruptions, by options.coalitions. kRandom's coalitions come from an
// Rng keyed by options.coalition_seed and `stream` (the names), so the same command always tries
// the same coalitions; every set leaves at least one honest party.
std::vector<CorruptedSet> audit_corrupted_sets(int parties, int bound,
                                               const AuditOptions& options,
                                               const std::string& stream);
// Counts one run into its cell. Beyond the bound the claim promises nothing, but the verdict
// must say so: a run judged within the claim there is a scope error, and a violation. Runs
// outside the claim (timing) and runs with an idle script step are counted apart.
void count_audit_run(const RunRecord& rec, AuditCell& cell);

nlohmann::ordered_json audit_json(const AuditReport& report);
// Protocol × strategy, summed over scenarios, sets within the bound, labels and seeds; Markdown.
std::string audit_table(const AuditReport& report);
// Protocol × scenario × corrupted set, summed over strategies, labels and seeds; Markdown.
std::string audit_coalition_table(const AuditReport& report);
// "{0}", "{1,3}": a corrupted set as the tables and reproduce file names show it.
std::string corrupted_set_text(const std::vector<PartyId>& parties);

}  // namespace smpc
