#include "cli/commands.h"
int main(int argc, char** argv) {
  CLI::App app{"smpc"};
  int code = 0;
  smpc::cli::register_circuit_command(app, &code);
  CLI11_PARSE(app, argc, argv);
  return code;
}
