// Reading a sweep's JSON Lines output in the sweep suites: every line must be whole JSON, and
// rows compare by id without their wall time (the one field that is not a function of the point).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"

namespace smpc::sweep_test {

inline std::vector<nlohmann::json> rows_of(const std::filesystem::path& path) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(testing::slurp(path));
  for (std::string line; std::getline(in, line);) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

inline std::map<std::string, nlohmann::json> by_id(const std::vector<nlohmann::json>& rows) {
  std::map<std::string, nlohmann::json> out;
  for (auto row : rows) {
    row.erase("wall_time_s");
    EXPECT_TRUE(out.emplace(row["id"].get<std::string>(), row).second) << "duplicate " << row["id"];
  }
  return out;
}

}  // namespace smpc::sweep_test
