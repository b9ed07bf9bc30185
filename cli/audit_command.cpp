// smpc audit [--protocol P] [--scenario S] [--coalitions single|random|all]
//            [--random-coalitions K] [--coalition-seed N] [--seeds N] [--output FILE]
//            [--repro-dir DIR]
// smpc audit --mutants [--mutant M]... [--check C]... [--output FILE] [--repro-dir DIR]
// smpc list attacks lives in list_command.cpp.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "scenarios/audit.h"
#include "scenarios/mutant_audit.h"

namespace smpc::cli {
namespace {

int run_mutants(const AuditOptions& audit, const std::vector<std::string>& mutant_names,
                const std::vector<std::string>& checks, const std::string& output, bool quiet) {
  MutantAuditOptions o;
  o.repro_dir = audit.repro_dir;
  o.checks = checks;
  for (const auto& name : mutant_names) {
    auto m = parse_mutant(name);
    if (!m.ok()) {
      std::cerr << "error: --mutant: " << m.status().message() << "\n";
      return 2;
    }
    o.mutants.push_back(*m);
  }
  if (!quiet) o.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  auto report = run_mutant_audit(o);
  if (!report.ok()) {
    std::cerr << "error: " << report.status().message() << "\n";
    return 2;
  }
  std::cout << mutant_audit_table(*report) << "\nChecks:\n";
  for (const auto& c : mutant_check_catalog())
    std::cout << "  " << c.name << " [" << c.kind << ", " << c.budget << "]: " << c.what << "\n";
  std::cout << "\n" << report->undetected << " mutants undetected, " << report->false_alarms
            << " alarms on unmutated code\n";
  for (const auto& row : report->rows)
    for (const auto& r : row.results)
      if (r.alarm && !r.reproduce.empty())
        std::cout << mutant_name(row.mutant) << " / " << r.check << ": " << r.reproduce << "\n";
  if (!output.empty()) {
    std::ofstream out(output, std::ios::binary);
    out << mutant_audit_json(*report).dump(2) << "\n";
    if (!out) {
      std::cerr << "error: " << output << ": cannot write\n";
      return 2;
    }
  }
  return report->undetected || report->false_alarms ? 1 : 0;
}

}  // namespace

void register_audit_command(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<AuditOptions>();
  auto protocol = std::make_shared<std::string>();
  auto scenario = std::make_shared<std::string>();
  auto coalitions = std::make_shared<std::string>("random");
  auto output = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  auto mutants = std::make_shared<bool>(false);
  auto mutant_names = std::make_shared<std::vector<std::string>>();
  auto check_names = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "audit",
      "Run every attack strategy (smpc list attacks) against every protocol, in each of its\n"
      "audit scenarios, with every single party corrupted, seeded coalitions within the\n"
      "claim's bound and one coalition beyond it (every member runs the strategy), on every\n"
      "message label the corrupted parties send, over several seeds. Prints two tables:\n"
      "protocol x strategy and protocol x scenario x corrupted set -> outcome counts and\n"
      "verdict. Attacks outside a protocol's claim (malicious against semi-honest, or beyond\n"
      "the bound) are shown but are not violations; beyond the bound the verdict must say\n"
      "so; runs outside a protocol's timing assumption are counted apart. Every violation gets\n"
      "a scenario file in --repro-dir and a reproduce command. Attack steps run with strict\n"
      "semantics: a step that matched no message is a script error, unless the run had its label\n"
      "and only the selection was empty (counted apart as inapplicable). Exit code 1 if any\n"
      "claim was violated or any script error occurred. See docs/audit.md.\n\n"
      "With --mutants: the seeded-bug catalogue instead (M01..M112, test builds only). Every\n"
      "check runs against the unmutated code and against each mutant; the table says which\n"
      "check caught each mutant and after how many runs, and any alarm on correct code.\n"
      "Exit code 1 if a mutant went undetected or correct code raised an alarm.");
  cmd->add_option("--protocol", *protocol, "Audit only this protocol");
  cmd->add_option("--scenario", *scenario,
                  "Only the audit scenarios of this name (e.g. product, reveal, helper)");
  cmd->add_option("--coalitions", *coalitions,
                  "Corrupted sets: single (every party alone), random (also seeded coalitions "
                  "within the bound and one beyond it), all (every set up to bound + 1) "
                  "[default random]");
  cmd->add_option("--random-coalitions", opts->random_coalitions,
                  "With --coalitions random: coalitions within the bound per scenario [default 1]")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--coalition-seed", opts->coalition_seed,
                  "With --coalitions random: which coalitions are drawn [default 1]");
  cmd->add_option("--seeds", opts->seeds, "Seeds per (corrupted set, strategy, label) [default 1]")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("-o,--output", *output, "Also write the full results as JSON to this file");
  cmd->add_option("--repro-dir", opts->repro_dir,
                  "Where scenarios of violations are written [default audit-repro]");
  cmd->add_flag("-q,--quiet", *quiet, "No progress lines on stderr");
  cmd->add_flag("--mutants", *mutants,
                "Run the check battery against the seeded bugs (needs -DSMPC_MUTANTS=ON)");
  cmd->add_option("--mutant", *mutant_names, "With --mutants: only these mutants (e.g. M15)");
  cmd->add_option("--check", *check_names,
                  "With --mutants: only these checks (names in the table header / JSON)");
  cmd->callback([opts, protocol, scenario, coalitions, output, quiet, mutants, mutant_names,
                 check_names, exit_code] {
    if (*mutants) {
      *exit_code = run_mutants(*opts, *mutant_names, *check_names, *output, *quiet);
      return;
    }
    if (!mutant_names->empty() || !check_names->empty()) {
      std::cerr << "error: --mutant and --check need --mutants\n";
      *exit_code = 2;
      return;
    }
    if (!protocol->empty()) opts->protocol = *protocol;
    if (!scenario->empty()) opts->scenario = *scenario;
    const auto mode = parse_coalition_mode(*coalitions);
    if (!mode.ok()) {
      std::cerr << "error: " << mode.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    opts->coalitions = *mode;
    if (!*quiet) opts->progress = [](const std::string& line) { std::cerr << line << "\n"; };
    const auto start = std::chrono::steady_clock::now();
    auto report = run_audit(*opts);
    if (!report.ok()) {
      std::cerr << "error: " << report.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "By strategy (corrupted sets within the claim's bound):\n\n"
              << audit_table(*report) << "\nBy scenario and corrupted set:\n\n"
              << audit_coalition_table(*report);
    char time_text[32];
    std::snprintf(time_text, sizeof time_text, "%.0f s", seconds);
    std::cout << "\n" << report->runs << " runs (" << report->beyond_bound_runs
              << " beyond the claim's bound, " << report->outside_timing_runs
              << " outside its timing assumption) over " << report->corrupted_sets
              << " (protocol, scenario, corrupted set) triples, " << report->violations
              << " violations, " << report->script_errors << " script errors, "
              << report->inapplicable_runs << " runs with an inapplicable step, " << time_text
              << "\n";
    for (const auto& c : report->cells) {
      for (const auto& r : c.reproduce) std::cout << "violation: " << r << "\n";
      for (const auto& e : c.script_error_lines) std::cout << "script error: " << e << "\n";
    }
    if (!output->empty()) {
      std::ofstream out(*output, std::ios::binary);
      out << audit_json(*report).dump(2) << "\n";
      if (!out) {
        std::cerr << "error: " << *output << ": cannot write\n";
        *exit_code = 2;
        return;
      }
    }
    *exit_code = report->violations || report->script_errors ? 1 : 0;
  });
}

}  // namespace smpc::cli
