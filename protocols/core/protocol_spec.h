// ProtocolSpec: everything the rest of the testbed knows about one protocol, exported by its
// folder (protocols/<name>/spec.cpp) and listed once in protocols/registry.cpp. The scenario
// schema's "protocol" part, parameter checking and defaults in the runner, `smpc list
// protocols`, the docs' protocol table, the property-suite generator and the audit all derive
// from these values and from nowhere else.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/message_label.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

enum class ParamType { kInteger, kNumber, kString };
// JSON Schema type: "integer", "number", "string". Inline: adversary/ (core only) needs it too.
constexpr const char* param_type_name(ParamType t) {
  switch (t) {
    case ParamType::kInteger: return "integer";
    case ParamType::kNumber: return "number";
    case ParamType::kString: return "string";
  }
  return "string";
}

// One typed parameter of a scenario's "protocol" object (or of an attack strategy's step).
struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kInteger;
  std::optional<double> minimum;            // inclusive
  std::optional<double> exclusive_minimum;  // for positive real quantities (timeouts)
  std::optional<double> maximum;            // inclusive
  std::vector<std::string> choices;         // kString: the allowed values (empty: any string)
  // The default when the scenario omits the parameter. Null means the default depends on the
  // run (the party count, e.g. the largest threshold): `default_doc` says how, and the
  // protocol's make() computes it.
  nlohmann::json default_value;
  std::string default_doc;
  std::string doc;  // one line for `smpc list protocols`, the schema and docs
  // When omitted, the runner sets it to the run's seed: a trusted dealer's randomness must
  // change from run to run like every other random choice.
  bool derived_from_seed = false;
  // An inclusive maximum that depends on the party count (BGW's t < n/2). make() checks it,
  // with the protocol's own explanation; the property generator draws within it.
  std::function<int(int parties)> max_for_parties;
};

// A protocol's parameters after resolve_params: a JSON object holding exactly the declared
// parameters that the scenario gave or that have a fixed default or derive from the seed.
using ProtocolParams = nlohmann::json;

// The scenario `smpc audit` attacks (without adversary), as a typed value.
struct AuditSetup {
  int parties = 0;
  nlohmann::json params = nlohmann::json::object();  // the "protocol" object without "name"
  nlohmann::json function{};                         // the scenario's "function" object
  std::vector<nlohmann::json> inputs{};              // per party, as in a scenario file
  double latency_ms = 10;
  double bandwidth_mbps = 100;
  double deadline_s = 5;
};

// Exact communication cost, where the protocol has a closed formula: bytes per message label
// summed over all parties, and causal rounds. Empty functions: no closed formula.
struct CostFormula {
  std::function<std::map<std::string, std::uint64_t>(const ProtocolParams&, const Circuit&,
                                                     int parties)>
      bytes_by_label;
  std::function<std::uint32_t(const ProtocolParams&, const Circuit&, int parties)> rounds;
};

// How the property suites exercise the protocol (tests/property reads these; nothing else).
struct PropertyHints {
  int max_parties = 5;          // generated scenarios use min_parties..max_parties
  int runs = 20;                // RapidCheck cases per property (budget ~40 s per binary)
  int max_gates = 6;            // generated circuits' size bound
  bool linear_only = false;     // only linear functions (no multiplications)
  // `runs` is the honest-run property's case count; the other two properties have their own.
  int adversarial_runs = 20;
  int determinism_runs = 5;
  // Generated arithmetic circuits' multiplicative depth bound (each layer costs rounds).
  std::uint32_t max_depth = 6;
  // Whether to generate `product` (ceil(log2 k) multiplication layers for k values).
  bool products = true;
  // A synchronous protocol's per-round timeout parameter: the generator sets it above the
  // generated network's delivery time and the deadline above 300 rounds of it.
  std::string round_timeout_param{};
  // Whether honest runs may also use the local (threaded) backend, not only the simulator.
  bool local_backend = true;
};

struct ProtocolSpec {
  std::string name;     // the scenario's /protocol/name
  std::string summary;  // one line for `smpc list protocols`
  CircuitDomain domain = CircuitDomain::kField61;
  int min_parties = 2;
  std::vector<ParamSpec> parameters;
  // Every message label it sends, with its message layout (protocols/<name>/labels.h).
  std::vector<MessageLabel> labels;
  AuditSetup audit;
  PropertyHints property;
  CostFormula cost;
  // The claim for `parties` parties and these parameters (the same one the built protocol
  // declares; docs and `smpc list protocols --json` show it without building).
  std::function<SecurityClaim(const ProtocolParams&, int parties)> claim;
  // Builds the protocol for resolved parameters, a circuit of `domain` and a party count.
  // Errors start with the JSON pointer of the offending value: "/protocol/threshold: ...".
  std::function<Result<std::unique_ptr<Protocol>>(const ProtocolParams&, const Circuit&,
                                                  int parties)>
      make;
};

// Checks a scenario's "protocol" object against spec.parameters: unknown keys, types, ranges,
// choices; fills fixed defaults; sets derived_from_seed parameters to `seed` when absent.
// "name" is dropped. Errors: "/protocol/<param>: <problem>, got <value>".
Result<ProtocolParams> resolve_params(const ProtocolSpec& spec, const nlohmann::json& given,
                                      int parties, std::uint64_t seed);

// The JSON Schema of the "protocol" object's parameter properties for one spec.
nlohmann::json params_schema(const std::vector<ParamSpec>& params);

// spec.claim for protocols whose claim needs the built object: builds the protocol for a
// one-wire identity circuit of `domain` and asks it, so the claim is stated in one place.
using MakeProtocol = std::function<Result<std::unique_ptr<Protocol>>(const ProtocolParams&,
                                                                     const Circuit&, int parties)>;
std::function<SecurityClaim(const ProtocolParams&, int parties)> claim_by_building(
    MakeProtocol make, CircuitDomain domain);

// Sets spec.make and derives spec.claim from it (claim_by_building): the last step of a spec.
ProtocolSpec with_make(ProtocolSpec spec, MakeProtocol make);

// 1.0 -> 1, 0.5 -> 0.5: bounds and defaults as a scenario file writes them.
nlohmann::json json_number(double v);

// The seed of a simulated trusted dealer: derived from the run's seed unless the scenario
// fixes it (spdz, gmw_dealer).
ParamSpec dealer_seed_param();

// "threshold: integer >= 0 (default: ...)" lines, for listings and the docs table.
std::string describe_param(const ParamSpec& p);

}  // namespace smpc
