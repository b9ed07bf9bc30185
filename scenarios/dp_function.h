// The functions "dp_sum" and "dp_mean": a differentially private sum (and mean) on SPDZ, with
// binomial noise generated inside the MPC from coins no single party knows (protocols/dp/
// binomial.h; docs/applications.md "Differential privacy").
//
//   {"name": "dp_sum" | "dp_mean", "epsilon": 1.0, "delta": 1e-6, "lower": 0, "upper": 10,
//    "coin_source": "parties" (default) | "dealer"}
// Every party gives one or more integers (its records); each party clips its own values to
// [lower, upper], so replacing one record moves the sum by at most Δ = upper − lower. The number
// of coins m is calibrated exactly from (ε, δ, Δ) (dp::calibrate_coins). Party p's m private
// bits and m check randoms are drawn from its own stream of the run's seed (Rng(seed, p,
// "dp.noise")), so a run replays from its seed. Output to every party: the noisy sum y (dp_mean
// also the public count and y / count).
//
// Guarantee: (ε, δ)-DP for each record against any coalition missing at least one party
// (honest parties clip their own records; a corrupted party's values only move its own part of
// the sum). The verdict judges y with a predicate: y must equal the reference (dp::
// reference_output) on the true inputs, or on the corrupted parties' inputs extracted from the
// run, which replays the coins from the seed. With "coin_source": "dealer" the coins are the
// SPDZ dealer's random shared bits (protocols/dp/binomial.h "Dealer coins"): the parties give
// their values only, and the verdict takes the coins from the judged (honest) party's record
// of the dealt bits (fx::kRandBitsRecord).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/functions.h"

namespace smpc {

Result<Function> build_dp(const nlohmann::json& spec, const std::vector<nlohmann::json>& in,
                          int parties);

// {"noisy_sum": y, "count": c, ("noisy_mean": y / c), "guarantee": "..."} and "rejected" when
// y lies outside what the inputs and noise allow (a party's coins were not bits).
nlohmann::ordered_json describe_dp_outputs(const Function& f, PartyId party,
                                           const std::vector<std::uint64_t>& values);

// The mechanism a dp function was built with (from Function::dp).
struct DpSetting {
  double epsilon = 0, delta = 0;
  std::int64_t lower = 0, upper = 0;
  std::size_t coins = 0, count = 0;
  bool dealer_coins = false;  // "coin_source": "dealer"
};
Result<DpSetting> dp_setting_of(const Function& f);

}  // namespace smpc
