#include <iostream>

#include "cli/commands.h"

namespace smpc::cli {

int print_driver_output(const std::string& command, const DriverOutput& result) {
  if (!result.error.empty()) std::cerr << command << ": " << result.error << "\n";
  std::cout << result.out;
  return result.exit_code;
}

}  // namespace smpc::cli
