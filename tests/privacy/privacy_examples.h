// The example scenarios and swap files the privacy suites run, and a report's check by name.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "scenarios/privacy.h"
#include "tests/support/cli.h"

namespace smpc::testing {

inline Scenario load_example(const std::string& name) {
  auto s = load_scenario_file(example(name));
  EXPECT_TRUE(s.ok()) << s.status().message();
  return *s;
}

inline std::vector<nlohmann::json> example_swap(const std::string& name) {
  auto s = load_swap_file(example("privacy_swaps/" + name));
  EXPECT_TRUE(s.ok()) << s.status().message();
  return *s;
}

// The first check whose name starts with `prefix`.
inline const PrivacyCheck& find_check(const PrivacyReport& r, const std::string& prefix) {
  for (const auto& c : r.checks)
    if (c.name.rfind(prefix, 0) == 0) return c;
  ADD_FAILURE() << "no check " << prefix;
  return r.checks.front();
}

}  // namespace smpc::testing
