#pragma once
// A scenario run that must succeed: the builder's scenario is valid and the pipeline returns a
// record (whatever its verdict); otherwise the test fails with the error's message.
#include <gtest/gtest.h>

#include <utility>

#include "protocols/core/status.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"

namespace smpc::test {

inline RunRecord run_scenario_ok(const ScenarioBuilder& b, const RunOptions& options = {}) {
  auto s = b.build();
  if (!s.ok()) ADD_FAILURE() << s.status().message();
  SMPC_ASSERT(s.ok());
  auto rec = run_scenario(*s, options);
  if (!rec.ok()) ADD_FAILURE() << rec.status().message();
  SMPC_ASSERT(rec.ok());
  return std::move(rec).value();
}

}  // namespace smpc::test
