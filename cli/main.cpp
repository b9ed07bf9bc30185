// smpc: the command-line front end. Thin: every subcommand lives in its own file and calls
// into scenarios/, verify/ and reports/.
#include <iostream>

#include "cli/commands.h"

namespace {

// CLI11 answers `smpc frobnicate` with "A subcommand is required": name the word it did not
// know and the commands it could have been, at whatever level (`smpc verify equvi`).
std::string unknown_subcommand(CLI::App& app, int argc, char** argv) {
  CLI::App* level = &app;
  std::string path = "smpc";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.empty() || arg[0] == '-') continue;
    const auto subs = level->get_subcommands([](CLI::App*) { return true; });
    if (subs.empty()) return "";  // a command's own arguments
    CLI::App* next = nullptr;
    std::string names;
    for (auto* s : subs) {
      names += (names.empty() ? "" : ", ") + s->get_name();
      if (s->check_name(arg)) next = s;
    }
    if (!next) return path + ": unknown command '" + arg + "' (commands: " + names + ")";
    level = next;
    path += " " + next->get_name();
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "smpc-testbed: run secure multi-party computation protocols inside a deterministic "
      "network simulator, against adversaries, and check that they keep their promises.\n\n"
      "Exit codes: 0 = ran and the verdict holds, 1 = verdict violated, 2 = bad input or usage."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "smpc-testbed 0.1.0");
  int code = 0;
  smpc::cli::register_run_command(app, &code);
  smpc::cli::register_list_command(app, &code);
  smpc::cli::register_circuit_command(app, &code);
  smpc::cli::register_audit_command(app, &code);
  smpc::cli::register_verify_command(app, &code);
  smpc::cli::register_sweep_command(app, &code);
  smpc::cli::register_report_command(app, &code);
  smpc::cli::register_calibrate_command(app, &code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (const auto unknown = unknown_subcommand(app, argc, argv); !unknown.empty()) {
      std::cerr << "error: " << unknown << "\nRun with --help for more information.\n";
      return 2;
    }
    const int rc = app.exit(e);  // prints help or the usage error
    return rc == 0 ? 0 : 2;
  }
  return code;
}
