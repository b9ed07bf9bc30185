// What a driver of scenarios/ hands back to the CLI: the text to print and the exit code. The
// drivers format their own output so that cli/ stays a thin layer of options and printing.
#pragma once

#include <string>
#include <utility>

namespace smpc {

// `out` goes to stdout (or the file the user named) as is; a non-empty `error` goes to stderr
// after the command's name, followed by a newline.
struct DriverOutput {
  int exit_code = 0;
  std::string out;
  std::string error;
};

// Exit codes shared by the drivers (cli/commands.h documents them for the user).
inline constexpr int kDriverOk = 0;
inline constexpr int kDriverFailed = 1;
inline constexpr int kDriverBadInput = 2;
inline constexpr int kDriverUnknown = 3;

inline DriverOutput driver_bad_input(std::string message) {
  return {kDriverBadInput, "", std::move(message)};
}

}  // namespace smpc
