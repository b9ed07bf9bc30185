// smpc audit [--protocol P] [--seeds N] [--output FILE] [--repro-dir DIR]
// smpc list attacks lives in list_command.cpp.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "scenarios/audit.h"

namespace smpc::cli {

void register_audit_command(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<AuditOptions>();
  auto protocol = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "audit",
      "Run every attack strategy (smpc list attacks) against every protocol, on every message\n"
      "label the corrupted party (party 1) sends, over several seeds, and print a table:\n"
      "protocol x strategy -> outcome counts and verdict. Attacks outside a protocol's claim\n"
      "(e.g. malicious against semi-honest) are shown but are not violations. Every violation\n"
      "gets a scenario file in --repro-dir and a reproduce command. Exit code 1 if any claim\n"
      "was violated. See docs/audit.md.");
  cmd->add_option("--protocol", *protocol, "Audit only this protocol");
  cmd->add_option("--seeds", opts->seeds, "Seeds per (strategy, label) [default 3]")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("-o,--output", *output, "Also write the full results as JSON to this file");
  cmd->add_option("--repro-dir", opts->repro_dir,
                  "Where scenarios of violations are written [default audit-repro]");
  cmd->add_flag("-q,--quiet", *quiet, "No progress lines on stderr");
  cmd->callback([opts, protocol, output, quiet, exit_code] {
    if (!protocol->empty()) opts->protocol = *protocol;
    if (!*quiet) opts->progress = [](const std::string& line) { std::cerr << line << "\n"; };
    auto report = run_audit(*opts);
    if (!report.ok()) {
      std::cerr << "error: " << report.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    std::cout << audit_table(*report);
    std::cout << "\n" << report->runs << " runs, " << report->violations << " violations\n";
    for (const auto& c : report->cells)
      for (const auto& r : c.reproduce) std::cout << "violation: " << r << "\n";
    if (!output->empty()) {
      std::ofstream out(*output, std::ios::binary);
      out << audit_json(*report).dump(2) << "\n";
      if (!out) {
        std::cerr << "error: " << *output << ": cannot write\n";
        *exit_code = 2;
        return;
      }
    }
    *exit_code = report->violations ? 1 : 0;
  });
}

}  // namespace smpc::cli
