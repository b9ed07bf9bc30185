// smpc list protocols|functions|attacks|labels [PROTOCOL] [--json], and smpc schema: what a scenario can name,
// from scenarios/catalog.h (the registry, the strategy list and the function catalog).
#include <iostream>

#include "cli/commands.h"
#include "scenarios/catalog.h"

namespace smpc::cli {
namespace {

// The composed scenario schema (what `smpc run` validates against, including every linked
// protocol), for editors and other tools.
void register_schema_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "schema", "Print the scenario JSON Schema (composed from the linked protocols and strategies).");
  cmd->callback([exit_code] {
    std::cout << scenario_schema().dump(2) << "\n";
    *exit_code = 0;
  });
}

}  // namespace

void register_list_command(CLI::App& app, int* exit_code) {
  auto what = std::make_shared<std::string>();
  auto protocol = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "list",
      "List what a scenario can name: protocols, functions, attacks (script strategies and the "
      "shipped attack programs, attacks/*.lua) or labels "
      "(each protocol's message labels and what their messages hold, element by element).");
  cmd->add_option("what", *what, "protocols | functions | attacks | labels")
      ->required()
      ->check(CLI::IsMember({"protocols", "functions", "attacks", "labels"}));
  cmd->add_option("protocol", *protocol, "labels: only this protocol's");
  cmd->add_flag("--json", *json, "protocols: print the specs as JSON");
  cmd->callback([what, protocol, json, exit_code] {
    if (!protocol->empty() && *what != "labels") {
      std::cerr << "error: only `smpc list labels` takes a protocol\n";
      *exit_code = 2;
      return;
    }
    if (*what == "labels") {
      const auto text = labels_listing(*protocol);
      std::cout << (text.ok() ? *text : "");
      if (!text.ok()) std::cerr << "error: " << text.status().message() << "\n";
      *exit_code = text.ok() ? 0 : 2;
      return;
    }
    if (*what == "protocols")
      std::cout << (*json ? protocols_listing_json().dump(2) + "\n" : protocols_listing());
    else if (*what == "attacks")
      std::cout << attacks_listing();
    else
      std::cout << functions_listing();
    *exit_code = 0;
  });
  // Lives here with `list`: both print the catalog of what scenarios can name.
  register_schema_command(app, exit_code);
}

}  // namespace smpc::cli
