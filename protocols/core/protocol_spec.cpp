#include "protocols/core/protocol_spec.h"

#include "protocols/core/json_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace smpc {
namespace {

std::string choices_text(const std::vector<std::string>& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "" : " ") + nlohmann::json(c).dump();
  return out;
}

// The first problem of one given value against its declaration ("" when it fits).
std::string value_problem(const ParamSpec& p, const nlohmann::json& v) {
  switch (p.type) {
    case ParamType::kInteger:
      if (!v.is_number_integer()) return "must be an integer";
      break;
    case ParamType::kNumber:
      if (!v.is_number()) return "must be a number";
      break;
    case ParamType::kString:
      if (!v.is_string()) return "must be a string";
      if (!p.choices.empty() &&
          std::find(p.choices.begin(), p.choices.end(), v.get<std::string>()) == p.choices.end())
        return "must be one of " + choices_text(p.choices);
      return "";
  }
  // Unsigned values above 2^63 compare correctly as doubles against these small bounds.
  const double x = v.get<double>();
  if (p.minimum && x < *p.minimum) return "must be >= " + number_text(*p.minimum);
  if (p.exclusive_minimum && x <= *p.exclusive_minimum)
    return "must be > " + number_text(*p.exclusive_minimum);
  if (p.maximum && x > *p.maximum) return "must be <= " + number_text(*p.maximum);
  return "";
}

std::string param_names(const ProtocolSpec& spec) {
  std::string out;
  for (const auto& p : spec.parameters) out += (out.empty() ? "" : ", ") + p.name;
  return out.empty() ? "none" : out;
}

}  // namespace

std::string late_message_reason(const RunTiming::Late& l, const RunTiming& run, double delta_s) {
  // Computation is named only when the route alone fits in the round and the burst does not.
  const bool computation = run.min_route_latency_s < delta_s &&
                           run.min_route_latency_s + l.sender_burst_s > delta_s;
  const std::string cause =
      computation
          ? "party " + std::to_string(l.sender) + " computed for " + number_text(l.sender_burst_s) +
                " s without waiting (compute model), which with the route latency is more than "
                "round_timeout_s = " + number_text(delta_s) + " s"
          : "the network delivered it after round_timeout_s = " + number_text(delta_s) + " s";
  return "honest party " + std::to_string(l.receiver) + " gave up on honest party " +
         std::to_string(l.sender) + "'s round message at its deadline: " + cause +
         "; the parties were not synchronous in this run";
}

nlohmann::json json_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return static_cast<long long>(v);
  return v;
}

std::string party_range(const ProtocolSpec& spec) {
  const std::string lo = std::to_string(spec.min_parties);
  if (spec.max_parties <= 0) return "at least " + lo;
  if (spec.max_parties == spec.min_parties) return "exactly " + lo;
  return lo + " to " + std::to_string(spec.max_parties);
}

Result<ProtocolParams> resolve_params(const ProtocolSpec& spec, const nlohmann::json& given,
                                      int /*parties*/, std::uint64_t seed) {
  ProtocolParams out = nlohmann::json::object();
  if (!given.is_null() && !given.is_object())
    return Error("/protocol: must be of type object, got " + short_json(given));
  for (const auto& [key, value] : given.items()) {
    if (key == "name") continue;
    const std::string& name = key;  // clang 14 (the fuzz build) cannot capture a binding
    const auto it = std::find_if(spec.parameters.begin(), spec.parameters.end(),
                                 [&name](const ParamSpec& p) { return p.name == name; });
    if (it == spec.parameters.end())
      return Error("/protocol/" + short_text(key) + ": protocol " + spec.name +
                   " takes no parameter \"" + short_text(key) + "\" (its parameters: " +
                   param_names(spec) + ")");
    if (const auto problem = value_problem(*it, value); !problem.empty())
      return Error("/protocol/" + short_text(key) + ": " + problem + ", got " + short_json(value));
    out[key] = value;
  }
  for (const auto& p : spec.parameters) {
    if (out.contains(p.name)) continue;
    if (p.derived_from_seed)
      out[p.name] = seed;
    else if (!p.default_value.is_null())
      out[p.name] = p.default_value;
  }
  return out;
}

nlohmann::json params_schema(const std::vector<ParamSpec>& params) {
  nlohmann::json props = nlohmann::json::object();
  for (const auto& p : params) {
    nlohmann::json s = {{"type", param_type_name(p.type)}};
    if (p.minimum) s["minimum"] = json_number(*p.minimum);
    if (p.exclusive_minimum) s["exclusiveMinimum"] = json_number(*p.exclusive_minimum);
    if (p.maximum) s["maximum"] = json_number(*p.maximum);
    if (!p.choices.empty()) s["enum"] = p.choices;
    if (!p.default_value.is_null()) s["default"] = p.default_value;
    std::string doc = p.doc;
    if (!p.default_doc.empty()) doc += " (default: " + p.default_doc + ")";
    s["description"] = doc;
    props[p.name] = s;
  }
  return props;
}

namespace {

// Inputs x0..x{n-1}, one per party; outputs every input and x0 op x1 op ... op x{n-1}.
nlohmann::json revealing_circuit(int parties, const char* op) {
  nlohmann::json inputs = nlohmann::json::array(), gates = nlohmann::json::array(),
                 outputs = nlohmann::json::array();
  std::string acc = "x0";
  for (int p = 0; p < parties; ++p) {
    const std::string x = "x" + std::to_string(p);
    inputs.push_back({{"party", p}, {"wires", {x}}});
    outputs.push_back(x);
    if (p == 0) continue;
    const std::string out = p + 1 == parties ? "result" : "r" + std::to_string(p);
    gates.push_back({{"op", op}, {"in", {acc, x}}, {"out", out}});
    acc = out;
  }
  outputs.push_back(acc);
  return {{"name", "arithmetic"}, {"inputs", inputs}, {"gates", gates}, {"outputs", outputs}};
}

AuditSetup variant(const AuditSetup& base, std::string name) {
  AuditSetup v = base;
  v.name = std::move(name);
  return v;
}

}  // namespace

std::vector<AuditSetup> field_audits(AuditSetup base) {
  const bool linear = base.function.value("name", "") == "sum";
  AuditSetup reveal = variant(base, "reveal");
  reveal.function = revealing_circuit(base.parties, linear ? "add" : "mul");
  AuditSetup helper = variant(base, "helper");
  if (linear) {
    helper.inputs.back() = nlohmann::json::array();
  } else {
    helper.function = {{"name", "inner_product"}};
    helper.inputs.assign(static_cast<std::size_t>(base.parties), nlohmann::json::array());
    helper.inputs[0] = {2, 3};
    helper.inputs[1] = {4, 5};
  }
  return {std::move(base), std::move(reveal), std::move(helper)};
}

std::vector<AuditSetup> boolean_audits(AuditSetup base, bool helper) {
  AuditSetup reveal = variant(base, "reveal");
  reveal.parties = 2;
  reveal.function = {{"name", "vote"}};
  reveal.inputs = {1, 0};
  std::vector<AuditSetup> all = {base, std::move(reveal)};
  if (helper) {
    AuditSetup h = variant(base, "helper");
    h.parties = base.parties + 1;
    h.inputs.push_back(nlohmann::json::array());
    all.push_back(std::move(h));
  }
  return all;
}

ParamSpec dealer_seed_param() {
  return {.name = "dealer_seed",
          .minimum = 0,
          .default_doc = "the run's seed",
          .doc = "the simulated dealer's seed",
          .derived_from_seed = true};
}

std::string describe_param(const ParamSpec& p) {
  std::string out = p.name + ": " + param_type_name(p.type);
  if (!p.choices.empty()) out += " " + choices_text(p.choices);
  if (p.minimum && p.maximum)
    out += " from " + number_text(*p.minimum) + " to " + number_text(*p.maximum);
  else if (p.minimum)
    out += " >= " + number_text(*p.minimum);
  else if (p.maximum)
    out += " <= " + number_text(*p.maximum);
  if (p.exclusive_minimum) out += " > " + number_text(*p.exclusive_minimum);
  if (!p.default_doc.empty())
    out += " (default: " + p.default_doc + ")";
  else if (!p.default_value.is_null())
    out += " (default: " + p.default_value.dump() + ")";
  return out;
}

std::function<SecurityClaim(const ProtocolParams&, int parties)> claim_by_building(
    MakeProtocol make, CircuitDomain domain) {
  return [make = std::move(make), domain](const ProtocolParams& params, int parties) {
    Circuit c;
    c.domain = domain;
    c.num_wires = 1;
    c.inputs = {InputGroup{"x", 0, {0}}};
    c.outputs = {OutputGroup{"x", {}, {0}}};
    auto built = make(params, c, parties);
    if (!built.ok()) return SecurityClaim{AdversaryModel::kSemiHonest, 0, OutputGuarantee::kCorrect,
                                          "no claim: " + built.status().message()};
    return (*built)->claim(parties);
  };
}

ProtocolSpec with_make(ProtocolSpec spec, MakeProtocol make) {
  spec.make = std::move(make);
  spec.claim = claim_by_building(spec.make, spec.domain);
  return spec;
}

}  // namespace smpc
