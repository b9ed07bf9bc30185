#include "protocols/registry.h"

#include "protocols/bgw/bgw_robust.h"
#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/gmw/gmw.h"
#include "protocols/spdz/spdz.h"
#include "protocols/sum/secure_sum.h"
#include "protocols/yao/yao.h"

namespace smpc {
namespace {

Result<std::unique_ptr<Protocol>> make_secure_sum(const nlohmann::json& /*params*/,
                                                  const Circuit& c, int /*parties*/) {
  if (const auto m = c.nonlinear_count(); m > 0)
    return Error("/function: secure_sum evaluates linear functions only (sums, weighted sums); "
                 "this function has " + std::to_string(m) +
                 " multiplications: use protocol bgw");
  return std::unique_ptr<Protocol>(std::make_unique<SecureSum>(c));
}

Result<std::unique_ptr<Protocol>> make_bgw(const nlohmann::json& params, const Circuit& c,
                                           int parties) {
  const int max_t = (parties - 1) / 2;
  int t = max_t;
  if (params.contains("threshold")) {
    const auto& v = params["threshold"];
    if (!v.is_number_integer())
      return Error("/protocol/threshold: must be an integer, got " + v.dump());
    const auto tv = v.get<long long>();
    if (tv < 0 || 2 * tv >= parties)
      return Error("/protocol/threshold: t = " + std::to_string(tv) +
                   " but BGW needs 0 <= t < n/2, i.e. t <= " + std::to_string(max_t) +
                   " for n = " + std::to_string(parties));
    t = static_cast<int>(tv);
  }
  return std::unique_ptr<Protocol>(std::make_unique<BgwSemiHonest>(c, t));
}

}  // namespace

const std::vector<ProtocolEntry>& protocol_registry() {
  static const std::vector<ProtocolEntry> kRegistry = {
      {"secure_sum",
       "additive secret sharing; linear functions; semi-honest, up to n-1 corruptions; 2 rounds",
       "none", {}, CircuitDomain::kField61, 2,
       R"({"name": "audit secure_sum", "parties": 4, "protocol": {"name": "secure_sum"},
           "function": {"name": "sum"}, "inputs": [5, 6, 7, 8],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_secure_sum},
      {"bgw",
       "BGW with Shamir sharing over Mersenne-61; semi-honest, t < n/2; mult. depth + 2 rounds",
       "threshold: integer t with 0 <= t < n/2 (default: the largest, floor((n-1)/2))",
       {"threshold"}, CircuitDomain::kField61, 3,
       R"({"name": "audit bgw", "parties": 5, "protocol": {"name": "bgw", "threshold": 2},
           "function": {"name": "product"}, "inputs": [2, 3, 4, 5, 6],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_bgw},
      {"bgw_robust",
       "BGW with bivariate VSS and Reed-Solomon decoding; malicious, t < n/3; guaranteed output "
       "delivery",
       "threshold: integer t with 3t + 1 <= n (default floor((n-1)/3)); round_timeout_s: the "
       "synchrony bound of one round (default 1)",
       {"threshold", "round_timeout_s"}, CircuitDomain::kField61, 4,
       // A silent party makes every later round wait its full timeout, so the run deadline
       // must exceed rounds × round_timeout_s (about 80 rounds here).
       R"({"name": "audit bgw_robust", "parties": 4,
           "protocol": {"name": "bgw_robust", "threshold": 1, "round_timeout_s": 0.1},
           "function": {"name": "product"}, "inputs": [2, 3, 4, 5],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 600})",
       make_bgw_robust},
      {"spdz",
       "SPDZ online phase with MAC-checked additive shares, trusted-dealer preprocessing; "
       "malicious, up to n-1 corruptions; correct output or abort",
       "preprocessing: \"dealer\" (default); mac_keys: 1..4 (default 1); dealer_seed: integer (default: the run's seed)",
       {"preprocessing", "mac_keys", "dealer_seed"}, CircuitDomain::kField61, 2,
       R"({"name": "audit spdz", "parties": 3, "protocol": {"name": "spdz"},
           "function": {"name": "product"}, "inputs": [3, 4, 5],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_spdz},
      {"yao",
       "Yao's garbled circuits, half-gates + free-XOR, IKNP OT; semi-honest, one corruption; "
       "constant rounds",
       "garbler: 0 or 1 (default 0)", {"garbler"}, CircuitDomain::kBoolean, 2,
       R"({"name": "audit yao", "parties": 2, "protocol": {"name": "yao"},
           "function": {"name": "millionaires", "bits": 8}, "inputs": [200, 100],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_yao},
      {"gmw",
       "GMW with XOR sharing, Beaver triples from IKNP OT; semi-honest, up to n-1 corruptions; "
       "one round per AND layer",
       "none", {}, CircuitDomain::kBoolean, 2,
       R"({"name": "audit gmw", "parties": 2, "protocol": {"name": "gmw"},
           "function": {"name": "millionaires", "bits": 8}, "inputs": [200, 100],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_gmw},
      {"gmw_dealer",
       "GMW online phase with triples from a simulated trusted dealer (no offline phase)",
       "dealer_seed: integer (default: the run's seed)", {"dealer_seed"}, CircuitDomain::kBoolean, 2,
       R"({"name": "audit gmw_dealer", "parties": 2, "protocol": {"name": "gmw_dealer"},
           "function": {"name": "millionaires", "bits": 8}, "inputs": [200, 100],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_gmw_dealer},
  };
  return kRegistry;
}

const ProtocolEntry* find_protocol(std::string_view name) {
  for (const auto& e : protocol_registry())
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace smpc
