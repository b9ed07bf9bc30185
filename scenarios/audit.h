// `smpc audit`: every applicable attack strategy against every protocol, on every label the
// corrupted party sends, over several seeds; a table of outcomes and verdicts, and a reproduce
// command for every violation.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"

namespace smpc {

struct AuditOptions {
  std::optional<std::string> protocol;  // only this protocol
  int seeds = 3;                        // seeds 1..seeds per (strategy, label)
  std::string repro_dir = "audit-repro";  // where scenarios of violations are written
  std::string program = "smpc";
  std::function<void(const std::string&)> progress;  // one line per finished cell
};

struct AuditCell {
  std::string protocol;
  std::string strategy;
  std::string label;  // "" for label-less strategies (input_substitution)
  int runs = 0;
  std::map<std::string, int> outcomes;  // outcome name -> count
  int violations = 0;
  bool within_claim = false;            // the claim applied to this attack
  std::vector<std::string> reproduce;   // one command per violating run
};

struct AuditReport {
  std::vector<AuditCell> cells;
  int runs = 0;
  int violations = 0;
};

Result<AuditReport> run_audit(const AuditOptions& options);
nlohmann::ordered_json audit_json(const AuditReport& report);
// Protocol × strategy table (labels merged), Markdown.
std::string audit_table(const AuditReport& report);

}  // namespace smpc
