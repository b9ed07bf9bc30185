// `smpc audit --mutants`: runs the check battery against every seeded bug of the catalogue
// (protocols/core/mutants.h) and against the unmutated code, and reports which check caught
// which mutant and how many runs it needed, plus the alarms raised on correct code.
//
// A check is one of:
//   attack        a scenario with an adversary (malicious, or passive); alarm = the verdict
//                 is a violation (the run broke the protocol's SecurityClaim on the inputs
//                 the verdict judges on: true, or extracted; docs/extraction.md).
//   robustness    an attack outside the claim with a stronger expectation, stated per check
//                 (e.g. tampered garbled tables never make the Yao evaluator output a wrong
//                 value); alarm = that expectation failed.
//   component     a direct check of a building block (commitment binding, broadcast
//                 agreement under an equivocating sender).
//   privacy       the input-swap test on a passive coalition's views (scenarios/privacy.h).
//   uniformity    goodness of fit of the coalition's view elements to uniform.
//   enumeration   exact share distributions over a small prime field.
//   correlation   a single party's part of correlated randomness (triples, masks) against
//                 the part hidden from it (scenarios/privacy_components.h), every party in
//                 turn until one alarms.
// Deterministic checks (attack, robustness, component, enumeration) stop at the first alarm;
// "runs" is how many runs that took (or the whole budget when nothing was caught). Statistical
// checks (privacy, uniformity) run their fixed budget once and alarm at the stated
// family-wise false-alarm rate.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/mutants.h"
#include "protocols/core/status.h"

namespace smpc {

struct MutantAuditOptions {
  std::vector<Mutant> mutants;          // empty: the whole catalogue
  std::vector<std::string> checks;      // empty: every check
  bool baseline = true;                 // also run the checks on the unmutated code
  std::string program = "smpc";
  std::string repro_dir = "audit-repro";  // scenario files of the alarms are written here
  std::function<void(const std::string&)> progress;
};

struct CheckInfo {
  std::string name;
  std::string kind;     // attack, robustness, component, privacy, uniformity, enumeration,
                        // correlation
  bool statistical = false;
  std::string budget;   // e.g. "20 seeds", "2 x 60 runs, alpha = 1e-3"
  std::string what;     // one line: what it runs and what raises the alarm
};
const std::vector<CheckInfo>& mutant_check_catalog();

struct CheckResult {
  std::string check;
  bool alarm = false;
  int runs = 0;           // runs performed (up to the first alarm for deterministic checks)
  std::string evidence;   // what was seen (statistic, outcome, ...)
  std::string reproduce;  // a command that reproduces the alarm, when there is one
};

struct MutantAuditRow {
  Mutant mutant = Mutant::kNone;  // kNone: the unmutated code (false alarms)
  std::vector<CheckResult> results;
  // First check (in catalogue order) that raised an alarm.
  std::optional<std::string> caught_by;
  double wall_s = 0;
};

struct MutantAuditReport {
  std::vector<MutantAuditRow> rows;  // the unmutated baseline first
  int undetected = 0;                // mutants no check caught
  int false_alarms = 0;              // alarms on the unmutated code
};

Result<MutantAuditReport> run_mutant_audit(const MutantAuditOptions& options);
// Markdown: mutant -> caught by (runs), then the full mutant x check matrix.
std::string mutant_audit_table(const MutantAuditReport& report);
nlohmann::ordered_json mutant_audit_json(const MutantAuditReport& report);

}  // namespace smpc
