// secagg at N = 1,000 (label secagg-slow, about a minute and a half of CPU: 2 million X25519
// agreements): fixed seeds, dropouts after every round, the server's sum against the plain sum.
#include <gtest/gtest.h>

#include "protocols/core/rng.h"
#include "protocols/secagg/ideal.h"
#include "protocols/secagg/spec.h"
#include "reports/report.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"

namespace smpc {
namespace {

TEST(SecAggSlow, ThousandClientsWithDropoutsAfterEveryRound) {
  constexpr std::size_t kClients = 1000, kLength = 10;
  constexpr unsigned kBits = 32;
  Rng rng(1, 0, "secagg slow inputs");
  std::vector<nlohmann::json> in = {nlohmann::json::array()};
  std::vector<std::uint64_t> want(kLength, 0);
  std::vector<int> drop(kClients + 1, kSecAggNoDrop);
  // 2% after round 0, 3% after round 1 (not in the sum), 10% after round 2 (in it).
  for (std::size_t u = 1; u <= kClients; ++u)
    drop[u] = u % 50 == 7 ? 0 : u % 100 < 3 ? 1 : u % 10 == 5 ? 2 : kSecAggNoDrop;
  nlohmann::json dropouts = nlohmann::json::array();
  for (int r : kSecAggDropRounds) {
    std::vector<std::size_t> who;
    for (std::size_t u = 1; u <= kClients; ++u)
      if (drop[u] == r) who.push_back(u);
    dropouts.push_back({{"after_round", r}, {"clients", who}});
  }
  for (std::size_t u = 1; u <= kClients; ++u) {
    std::vector<std::uint64_t> x(kLength);
    for (std::size_t j = 0; j < kLength; ++j) {
      x[j] = rng.next_u64() & secagg_mask(kBits);
      if (drop[u] == kSecAggNoDrop || drop[u] == 2) want[j] = (want[j] + x[j]) & secagg_mask(kBits);
    }
    in.push_back(x);
  }
  NetworkSpec net;
  net.topology = Topology::kStar;
  net.latency_s = 0.02;
  net.bandwidth_bytes_per_s = 1.25e9;
  const auto s = ScenarioBuilder("secagg 1000 clients")
                     .seed(1)
                     .parties(kClients + 1)
                     .protocol("secagg", {{"round_timeout_s", 10}})
                     .function({{"name", "secure_aggregation"}, {"bits", kBits}, {"dropouts", dropouts}})
                     .inputs(in)
                     .network(net)
                     .deadline(100)
                     .build();
  ASSERT_TRUE(s.ok()) << s.status().message();
  const auto r = run_scenario(*s, RunOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outcome, Outcome::kCorrect) << r->explanation;
  EXPECT_EQ(report_json(*r)["outputs"][0]["sum"], nlohmann::json(want));
}

}  // namespace
}  // namespace smpc
