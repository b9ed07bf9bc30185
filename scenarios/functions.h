// The functions a scenario can compute, each compiled to an arithmetic circuit over
// Mersenne-61 (the ideal functionality) plus the parties' local input preparation and the
// naming of outputs in reports.
//
//   sum            every party gives any number of values; output: their sum. With
//                  "mean": true also count (public: the number of values) and mean = sum / count,
//                  divided outside the circuit by whoever receives the sum.
//   product        every party gives at least one value; output: their product mod p.
//   inner_product  parties 0 and 1 hold vectors x and y of equal length; the others hold
//                  nothing and help compute; output: x·y mod p.
//   mean_variance  every party gives its data points; each party first adds up its own values
//                  and squares locally, so the circuit only sums (secure_sum can run it);
//                  outputs: count, sum, sum_of_squares, mean, variance (population).
//                  The number of data points per party is public.
//   arithmetic     an inline circuit: named wires, gates add/sub/mul/mul_const/const.
// All arithmetic is mod p = 2^61 - 1; sum and mean_variance reject inputs whose true sums would
// wrap, so their outputs are also the true integers.
//
// Boolean functions (for Yao, GMW):
//   millionaires   parties 0 and 1 give unsigned integers of `bits` bits (default 32); any
//                  others give nothing and help compute (GMW); output party0_richer = 1 when
//                  party 0's value is larger (builder comparator).
//   second_price_auction  every party that gives a value bids one `bits`-bit value (default
//                  16); parties that give none ([]) only compute (servers with roles); outputs
//                  winner (the party index of the first highest bid: ties go to the lowest
//                  index) and price (the second-highest bid).
//   first_price_auction  as second_price_auction; price = the winner's own bid.
//                  With "arithmetic": true (bgw) the bidders give their bits as field
//                  elements, the circuit opens a bit check per bit and masks winner and price
//                  with the servers' private random inputs (docs/applications.md "Auctions").
//   vote           every party casts a ballot, 1 = yes or 0 = no, in a `bits`-bit field
//                  (default 8); outputs the yes and no counts. The circuit counts only ballots
//                  equal to 0 or 1, so a malicious voter's out-of-range ballot is spoiled.
//   circuit        a Bristol circuit file (`file`, `format`), inputs and outputs in `encoding`;
//                  `input_owners` says which party gives each input group (default: group i by
//                  party i), `output_receivers` who learns each output group (default: all).
//   logistic_regression, mlp  private inference over fixed point on spdz: party 0's model
//                  ("model": a JSON file or inline weights; "f" fractional bits) on party 1's
//                  features; output score to party 1 (scenarios/inference_function.h).
//   dp_sum, dp_mean  every party gives bounded integers (clipped to [lower, upper]); output to
//                  all: their sum plus binomial noise made inside spdz from every party's coins,
//                  (epsilon, delta)-DP (scenarios/dp_function.h); dp_mean also sum / count.
//   set_intersection  two parties' sets (integers or strings, inline or from a file): the
//                  intersection to party 0, to both, or only its cardinality
//                  (scenarios/set_function.h; protocol psi_dh, or yao/gmw on small sets).
//   secure_aggregation  Ring64: the server (party 0) learns the sum mod 2^k of the clients'
//                  vectors, without the clients the scenario drops out before round 2
//                  (scenarios/secagg_function.h; protocol secagg).
//   threshold_signature  Ring64: every party learns the DKG's group key, the coordinator
//                  (party 0) a Schnorr signature of each message; judged by a predicate
//                  (scenarios/signature_function.h; protocol frost).
//   tally          Ring64, with roles: servers, voters (a ballot of `candidates` entries each,
//                  `mode` one_of_k or approval) and the bulletin board (the last party); the
//                  servers and the board learn the count of the valid ballots; judged by a
//                  predicate (scenarios/vote_function.h; protocol vote).
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"
#include "verify/verdict.h"

namespace smpc {

struct Function {
  std::string name;
  Circuit circuit;                        // what the protocol evaluates, validated for n
  // The ideal functionality when it differs from `circuit`: only under a seeded bug (M17) that
  // changes the implementation but not the specification the verdict judges against.
  std::optional<Circuit> spec;
  const Circuit& ideal() const { return spec ? *spec : circuit; }
  std::vector<PartyInput> party_inputs;   // prepared inputs, per party
  std::vector<std::string> output_names;  // one per circuit output wire, in output order
  // Optional derived values (e.g. mean) computed from the full output vector.
  bool derive_mean_variance = false;
  bool derive_mean = false;  // sum with "mean": true: count and mean = sum / count

  std::uint64_t data_points = 0;
  // Boolean circuits: output groups are shown as values in this encoding (unset: as integers).
  std::optional<ValueEncoding> encoding;
  // set_intersection (scenarios/set_function.h): each party's elements as given, in input
  // order, so reports show the intersection as elements rather than membership bits.
  std::vector<std::vector<nlohmann::json>> set_elements;
  // secure_aggregation (scenarios/secagg_function.h): Ring64 outputs are value · 2^shift
  // (Z_{2^k} embedded in Ring64); reports show value.
  unsigned output_shift = 0;
  // Set when no single output is correct (threshold_signature): the verdict judges honest
  // outputs with this predicate instead of comparing them with the circuit's evaluation
  // (scenarios/judge.cpp), and reports show `output_check_doc` as the expectation.
  OutputCheck output_check;
  std::string output_check_doc;
  // Auctions under bgw ("arithmetic": true): kField61 output groups whose wires are the bits of
  // one value (LSB first) are shown as that value; groups named "bit_check<p>" (b(b − 1) of
  // each of bidder p's input bits, all 0 for a well-formed bid) as the list rejected_bids.
  bool bit_outputs = false;
  // Per party: how many of its input values (the last ones) are private randomness drawn from
  // the run's seed (reseed), not function inputs — the auction's mask contributions under bgw.
  // Input substitution names only the function inputs; a corrupted party's choice of its
  // randomness is not a substitution (scenarios/judge.cpp). Empty: none anywhere.
  std::vector<std::size_t> random_inputs;
  std::size_t function_input_count(PartyId p) const {
    const auto i = static_cast<std::size_t>(p);
    const std::size_t r = i < random_inputs.size() ? random_inputs[i] : 0;
    const std::size_t all = i < party_inputs.size() ? party_inputs[i].values.size() : 0;
    return all >= r ? all - r : 0;
  }
  // logistic_regression, mlp (scenarios/inference_function.h): outputs are fixed-point values
  // with this many fractional bits; reports show them as decimals.
  std::optional<int> fixed_point_bits;
  // dp_sum, dp_mean (scenarios/dp_function.h): the mechanism (epsilon, delta, lower, upper,
  // coins, count, guarantee), and the hook that draws the parties' private noise coins from the
  // run's seed (resolve calls it; built functions hold the coins of seed 1).
  std::optional<nlohmann::json> dp;
  std::function<void(std::uint64_t seed, Function& f)> reseed;
};

// Whether `used` gives party p the same function inputs as its true ones (party_inputs), its
// private randomness (Function::random_inputs) aside.
inline bool same_function_inputs(const Function& f, PartyId p, const std::vector<std::uint64_t>& used) {
  const auto& truth = f.party_inputs[static_cast<std::size_t>(p)].values;
  if (used.size() != truth.size()) return false;
  const auto own = static_cast<std::ptrdiff_t>(f.function_input_count(p));
  return std::equal(used.begin(), used.begin() + own, truth.begin());
}

struct FunctionInfo {
  std::string name;
  std::string summary;
};
const std::vector<FunctionInfo>& function_catalog();

// Builds the function from the scenario's "function" object (at /function) and the inputs
// (at /inputs; one JSON array per party). Relative circuit files are found from `base_dir`.
// `servers`: the scenario's roles (parties 0..servers−1 compute; 0: no roles, every party
// does) — arithmetic auctions draw their masks from the computing parties.
// `protocol`: the protocol's name where the caller knows it (empty: not known): the fixed-point
// functions check it and judge with its extractor (logistic_regression and mlp on spdz or bgw,
// dp_sum and dp_mean on spdz only).
// Errors start with the JSON pointer of the offending value.
Result<Function> build_function(const nlohmann::json& spec,
                                const std::vector<nlohmann::json>& inputs, int parties,
                                const std::string& base_dir = ".", int servers = 0,
                                const std::string& protocol = "");
// Convenience for arithmetic functions with numeric inputs.
Result<Function> build_function(const nlohmann::json& spec,
                                const std::vector<std::vector<std::uint64_t>>& inputs,
                                int parties);

// The named outputs a party received, as JSON ({"sum": 15} ...). `values` are the outputs
// delivered to `party`, in Circuit::output_wires_of order.
nlohmann::ordered_json describe_outputs(const Function& f, PartyId party,
                                        const std::vector<std::uint64_t>& values);

}  // namespace smpc
