// Runs a RapidCheck property inside the current gtest with a chosen number of cases instead of
// RapidCheck's default 100, for properties whose every case is a whole protocol run. RC_PARAMS
// still applies: its seed, its reproduce strings, and a max_success other than the default
// (which then wins, for longer soak runs: RC_PARAMS="max_success=500").
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <iostream>
#include <sstream>
#include <string>

namespace smpc::testing {

template <typename Testable>
void check_with_budget(int cases, Testable&& testable) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(info->test_suite_name()) + "/" + info->name();
  metadata.description = info->name();
  rc::detail::TestParams params = rc::detail::configuration().testParams;
  if (params.maxSuccess == rc::detail::TestParams().maxSuccess) params.maxSuccess = cases;
  // (This overload also honours RC_PARAMS' reproduce map.)
  const auto result =
      rc::detail::checkTestable(std::forward<Testable>(testable), metadata, params);
  if (result.template is<rc::detail::SuccessResult>()) {
    // The tags' distribution (and the number of cases) shows what was covered.
    rc::detail::printResultMessage(result, std::cout);
    std::cout << std::endl;
  } else {
    std::ostringstream ss;
    rc::detail::printResultMessage(result, ss);
    FAIL() << ss.str();
  }
}

}  // namespace smpc::testing
