// smpc list protocols|functions
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "adversary/adversary_spec.h"
#include "protocols/registry.h"
#include "scenarios/functions.h"

namespace smpc::cli {

void register_list_command(CLI::App& app, int* exit_code) {
  auto what = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "list", "List what a scenario can name: protocols, functions or attacks (strategies).");
  cmd->add_option("what", *what, "protocols | functions | attacks")
      ->required()
      ->check(CLI::IsMember({"protocols", "functions", "attacks"}));
  cmd->callback([what, exit_code] {
    if (*what == "protocols") {
      for (const auto& e : protocol_registry()) {
        std::cout << std::left << std::setw(12) << e.name << e.summary << "\n"
                  << std::setw(12) << "" << "domain: " << domain_name(e.domain)
                  << "; parties: >= " << e.min_parties << "; parameters: " << e.parameters
                  << "\n";
      }
    } else if (*what == "attacks") {
      std::cout << "Strategies for \"adversary\": {\"script\": [...]} (docs/adversaries.md).\n"
                   "Selectors for every strategy: party, label (exact or prefix*), round, to.\n\n";
      for (const auto& s : strategy_catalog())
        std::cout << std::left << std::setw(20) << s.name << s.summary << "\n"
                  << std::setw(20) << "" << "parameters: " << s.parameters << "\n";
    } else {
      for (const auto& f : function_catalog())
        std::cout << std::left << std::setw(15) << f.name << f.summary << "\n";
    }
    *exit_code = 0;
  });
}

}  // namespace smpc::cli
