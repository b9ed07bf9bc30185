// smpc: the command-line front end. Thin: every subcommand lives in its own file and calls
// into scenarios/, verify/ and reports/.
#include <iostream>

#include "cli/commands.h"

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help or the usage error
    return rc == 0 ? 0 : 2;
  }
  return code;
}
