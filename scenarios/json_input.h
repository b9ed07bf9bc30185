// Reading JSON that someone else wrote (scenario files, and every file a scenario names that is
// JSON): the file is read only if it is a regular file (or "-" for stdin) of bounded size, and
// parsed with bounded depth, bounded string length, no duplicate keys and no number that does not
// fit a double, in memory proportional to its size. Every refusal is one line with the file,
// the JSON pointer and a short value, never a crash: a hostile file must not take down the tool
// (docs/scenarios.md, "Limits").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "protocols/core/json_text.h"  // short_json: how errors quote values
#include "protocols/core/status.h"

namespace smpc {

struct JsonLimits {
  std::uint64_t max_bytes = 64ull << 20;  // the file
  int max_depth = 64;                     // nested arrays and objects
  std::size_t max_string = 1u << 20;      // bytes in one string or key
  // The parsed document may take at most memory_factor × the text's size + memory_floor bytes
  // (estimated from the values it holds). JSON of many tiny values ([{},{},…]) would otherwise
  // take 30× its size in memory.
  std::size_t memory_factor = 4;
  std::size_t memory_floor = 64u << 20;
};

// The whole file: "-" is stdin; anything else must be a regular file (not a directory, FIFO or
// device: those would block, never end or are not text). Errors: "path: problem".
Result<std::string> read_input_file(const std::string& path, const JsonLimits& limits = {});

// Parses `text` (from `path`, for errors). Errors: "path:line:col: JSON syntax error: …" or
// "path: /pointer: problem".
Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& path,
                                       const JsonLimits& limits = {});

// read_input_file + parse_json_text.
Result<nlohmann::json> read_json_file(const std::string& path, const JsonLimits& limits = {});

}  // namespace smpc
