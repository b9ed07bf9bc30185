// `smpc verify privacy` (placeholder until its implementation lands: refuses with exit 2).
#include <iostream>

#include "cli/commands.h"

namespace smpc::cli {

void register_verify_privacy(CLI::App& verify, int* exit_code) {
  CLI::App* cmd = verify.add_subcommand("privacy", "not available yet");
  cmd->callback([exit_code] {
    std::cerr << "smpc verify privacy: not implemented in this build\n";
    *exit_code = 2;
  });
}

}  // namespace smpc::cli
