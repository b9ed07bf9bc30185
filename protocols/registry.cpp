#include "protocols/registry.h"

#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/sum/secure_sum.h"

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
       "none", CircuitDomain::kField61, 2,
       R"({"name": "audit secure_sum", "parties": 4, "protocol": {"name": "secure_sum"},
           "function": {"name": "sum"}, "inputs": [5, 6, 7, 8],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_secure_sum},
      {"bgw",
       "BGW with Shamir sharing over Mersenne-61; semi-honest, t < n/2; mult. depth + 2 rounds",
       "threshold: integer t with 0 <= t < n/2 (default: the largest, floor((n-1)/2))",
       CircuitDomain::kField61, 3,
       R"({"name": "audit bgw", "parties": 5, "protocol": {"name": "bgw", "threshold": 2},
           "function": {"name": "product"}, "inputs": [2, 3, 4, 5, 6],
           "network": {"latency_ms": 10, "bandwidth_mbps": 100}, "deadline_s": 5})",
       make_bgw},
  };
  return kRegistry;
}

const ProtocolEntry* find_protocol(std::string_view name) {
  for (const auto& e : protocol_registry())
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace smpc
