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
#include "protocols/core/enum_names.h"
#include "protocols/core/extraction.h"
#include "protocols/core/message_label.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

enum class ParamType { kInteger, kNumber, kString };
// JSON Schema type: "integer", "number", "string". Inline: adversary/ (core only) needs it too.
inline constexpr const char* kParamTypeNames[] = {"integer", "number", "string"};
constexpr const char* param_type_name(ParamType t) {
  return enum_name(kParamTypeNames, t, "string");
}

// One typed parameter of a scenario's "protocol" object (or of an attack strategy's step).
// Every member has a default so that specs can be written with designated initializers
// (ParamSpec{.name = ..., .doc = ...}) naming only what differs, without
// -Wmissing-field-initializers.
struct ParamSpec {
  std::string name{};
  ParamType type = ParamType::kInteger;
  std::optional<double> minimum{};            // inclusive
  std::optional<double> exclusive_minimum{};  // for positive real quantities (timeouts)
  std::optional<double> maximum{};            // inclusive
  std::vector<std::string> choices{};         // kString: the allowed values (empty: any string)
  // The default when the scenario omits the parameter. Null means the default depends on the
  // run (the party count, e.g. the largest threshold): `default_doc` says how, and the
  // protocol's make() computes it.
  nlohmann::json default_value{};
  std::string default_doc{};
  std::string doc{};  // one line for `smpc list protocols`, the schema and docs
  // When omitted, the runner sets it to the run's seed: a trusted dealer's randomness must
  // change from run to run like every other random choice.
  bool derived_from_seed = false;
  // An inclusive maximum that depends on the party count (BGW's t < n/2). make() checks it,
  // with the protocol's own explanation; the property generator draws within it.
  std::function<int(int parties)> max_for_parties{};
};

// A protocol's parameters after resolve_params: a JSON object holding exactly the declared
// parameters that the scenario gave or that have a fixed default or derive from the seed.
using ProtocolParams = nlohmann::json;

// One scenario `smpc audit` attacks (without adversary), as a typed value. The audit sweeps
// every one of a spec's scenarios with every single corrupted party, coalitions within the
// claim's bound and one beyond it (docs/audit.md).
struct AuditSetup {
  std::string name{};  // unique within the spec: the report's "scenario" and --scenario
  int parties = 0;
  nlohmann::json params = nlohmann::json::object();  // the "protocol" object without "name"
  nlohmann::json function{};                         // the scenario's "function" object
  std::vector<nlohmann::json> inputs{};              // per party, as in a scenario file
  double latency_ms = 10;
  double bandwidth_mbps = 100;
  double deadline_s = 5;
  // Roles (docs/applications.md): parties 0..servers-1 compute, the others are clients;
  // 0: no roles (every party computes). The audit then counts corrupted servers only against
  // the claim's bound, as the verdict does.
  int servers = 0;
};

// A field protocol's audit scenarios: `base` (every party gives an input), then, on the same
// parties, parameters and network:
//   "reveal"  an inline arithmetic circuit whose outputs are every party's input and the base's
//             result (the product of all inputs, or their sum when `base` computes "sum"), so
//             the honest outputs pin down the inputs the corrupted parties used;
//   "helper"  parties without input: the inner product of parties 0 and 1 (the others only
//             help), or for "sum" a sum the last party gives no value to.
std::vector<AuditSetup> field_audits(AuditSetup base);
// A Boolean protocol's: `base` (millionaires), "reveal" (a two-party vote: the yes/no counts
// and one's own ballot give the other's ballot) and, when `helper` (the protocol runs with more
// than two parties), "helper": the base's function with a third party that gives no input.
std::vector<AuditSetup> boolean_audits(AuditSetup base, bool helper);

// Exact communication cost, where the protocol has a closed formula: bytes per message label
// summed over all parties, and causal rounds. Empty functions: no closed formula.
struct CostFormula {
  std::function<std::map<std::string, std::uint64_t>(const ProtocolParams&, const Circuit&,
                                                     int parties)>
      bytes_by_label{};
  std::function<std::uint32_t(const ProtocolParams&, const Circuit&, int parties)> rounds{};
};

// A spec's CostFormula from one function (params, circuit, parties) -> a cost with `bytes`
// (per label) and `rounds`, so that the formula is written once for both.
template <class F>
CostFormula cost_formula_of(F cost) {
  CostFormula f;
  f.bytes_by_label = [cost](const ProtocolParams& p, const Circuit& c, int n) {
    return cost(p, c, n).bytes;
  };
  f.rounds = [cost](const ProtocolParams& p, const Circuit& c, int n) {
    return cost(p, c, n).rounds;
  };
  return f;
}

// What a run's timing allows, as far as a protocol's timing assumption needs it: the run's
// deadline and bounds on its network that hold for every message (the shortest route latency,
// the largest link bandwidth), so that a message of b bytes takes at least
// min_route_latency_s + b / max_bandwidth_bytes_per_s. Simulated seconds (the local backend:
// no latency, unlimited bandwidth).
struct RunTiming {
  double deadline_s = 0;
  double min_route_latency_s = 0;
  double max_bandwidth_bytes_per_s = 0;
  // How much longer than min_route_latency_s one message of the run certainly took before its
  // bytes (the largest over messages): its jitter and loss delay, and under a latency trace its
  // route's latency at the send time beyond min_route_latency_s (docs/simulator.md, "Traces").
  double max_added_delay_s = 0;
  // Evidence from the run itself (Meter): an honest party's receive gave up at its deadline on
  // another honest party, so that party's message was late (or never sent because the sender
  // was itself waiting on a late one) — the run was not synchronous, whatever the bounds above
  // say. With the sender's longest computation without waiting, to name the cause.
  struct Late {
    PartyId receiver = 0;
    PartyId sender = 0;
    double sender_burst_s = 0;
    double at_s = 0;  // when the receiver first gave up on the sender (its receive's deadline)
  };
  std::vector<Late> late;
};

// The words a timing assumption uses for RunTiming::late evidence: who gave up on whom, and the
// likelier cause — the sender's own computation (compute model) when it alone outlasted the
// round timeout delta_s, the network otherwise.
std::string late_message_reason(const RunTiming::Late& late, const RunTiming& run, double delta_s);

// A synchronous protocol's timing assumption: the reason a run breaks it, nullopt when the run
// is within it. The judge puts a run that breaks it outside the claim (timing), whatever
// happened: the claim holds only under the assumption (docs/malicious.md "Timing").
using TimingAssumption = std::function<std::optional<std::string>(
    const ProtocolParams&, const Circuit&, int parties, const RunTiming&)>;

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
  // False for a protocol that evaluates only its own application's function (psi_dh): the
  // generic suites then run the spec's first audit scenario instead of random circuits, and
  // skip the cost check over random circuits (the protocol's folder suite checks its formula).
  bool generic_circuits = true;
  // True for a protocol whose function's outputs are judged by a predicate
  // (Function::output_check: frost's signatures, which have no single correct value): the
  // generic suites, which compare outputs with their own plain evaluation, skip it; its
  // folder's suite runs the properties (tests/frost).
  bool predicate_outputs = false;
};

// Written with designated initializers in protocols/<name>/spec.cpp; every member has a default.
struct ProtocolSpec {
  std::string name{};     // the scenario's /protocol/name
  std::string summary{};  // one line for `smpc list protocols`
  CircuitDomain domain = CircuitDomain::kField61;
  int min_parties = 2;
  int max_parties = 0;  // 0: no upper bound (yao: exactly two parties)
  std::vector<ParamSpec> parameters{};
  // Every message label it sends, with its message layout (protocols/<name>/labels.h).
  std::vector<MessageLabel> labels{};
  std::vector<AuditSetup> audits{};  // the first is the base the tamper suites also use
  PropertyHints property{};
  CostFormula cost{};
  // Synchronous protocols only: the deadline and delivery times their claim assumes. Empty:
  // asynchronous, the claim only assumes that every message arrives before the deadline
  // (scenarios/judge.cpp checks that with a control run when an honest run gets no output).
  TimingAssumption timing{};
  // The claim for `parties` parties and these parameters (the same one the built protocol
  // declares; docs and `smpc list protocols --json` show it without building).
  std::function<SecurityClaim(const ProtocolParams&, int parties)> claim{};
  // Builds the protocol for resolved parameters, a circuit of `domain` and a party count.
  // Errors start with the JSON pointer of the offending value: "/protocol/threshold: ...".
  std::function<Result<std::unique_ptr<Protocol>>(const ProtocolParams&, const Circuit&,
                                                  int parties)>
      make{};
  // The corrupted parties' effective inputs from a finished run (protocols/core/extraction.h,
  // docs/extraction.md). Empty: none, and the verdict falls back to the ideal-world oracle.
  Extractor extract{};
  // Roles (docs/applications.md): whether a scenario's "roles" may name clients. The runner
  // then adds the server count to the parameters make() and the cost formula get, under
  // kServersParam: parties 0..servers-1 compute, the others only give inputs and get outputs.
  bool client_inputs = false;
  // Parties the claim trusts outright (vote's bulletin board), for these parameters and party
  // count: a run that corrupts one, or that a fault hits, is outside the claim (model), never
  // "ok within the claim" (scenarios/judge.cpp). Empty: none.
  std::function<std::vector<PartyId>(const ProtocolParams&, int parties)> trusted_parties{};
};

// The parameter the runner sets from a scenario's roles (never given in the "protocol" object).
inline constexpr const char* kServersParam = "servers";
// The computing parties of a run: params[kServersParam] when roles are given, else all.
inline int server_count(const ProtocolParams& params, int parties) {
  return params.contains(kServersParam) ? params[kServersParam].get<int>() : parties;
}

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

// "at least 3", "exactly 2", "2 to 8": the party counts the spec runs with (for messages and
// `smpc list protocols`).
std::string party_range(const ProtocolSpec& spec);

}  // namespace smpc
