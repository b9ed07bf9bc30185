// `smpc circuit ...`: owned by the circuits issue; this placeholder registers nothing yet.
#include "cli/commands.h"

namespace smpc::cli {

void register_circuit_command(CLI::App& /*app*/, int* /*exit_code*/) {}

}  // namespace smpc::cli
