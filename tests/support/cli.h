// Runs the smpc executable in a subprocess and captures exit code, stdout and stderr.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace smpc::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path temp_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() /
           ("smpc-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}

// args is appended verbatim to the command line (quote paths with spaces yourself).
inline CliResult run_cli(const std::string& args) {
  static int counter = 0;
  const auto dir = temp_dir("cli");
  const auto out = dir / ("out" + std::to_string(counter));
  const auto err = dir / ("err" + std::to_string(counter++));
  const std::string cmd = std::string(SMPC_CLI_PATH) + " " + args + " >" + out.string() + " 2>" +
                          err.string() + " </dev/null";
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// Starts smpc with `args` (no shell in between, so the pid is smpc's own), stdin and stdout on
// /dev/null, stderr to `err_path`. The caller waits for it.
inline pid_t spawn_cli(const std::vector<std::string>& args,
                       const std::string& err_path = "/dev/null") {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int null = ::open("/dev/null", O_RDWR);
  const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(null, 0);
  ::dup2(null, 1);
  ::dup2(err, 2);
  std::vector<char*> argv{const_cast<char*>(SMPC_CLI_PATH)};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(SMPC_CLI_PATH, argv.data());
  ::_exit(127);
}

inline std::string example(const std::string& name) {
  return std::string(SMPC_SOURCE_DIR) + "/scenarios/examples/" + name;
}

}  // namespace smpc::testing
