// RapidCheck generators of whole scenario files (the JSON users write, docs/scenarios.md) for
#include "protocols/registry.h"
#include "tests/property/adversary_gen.h"
//
// Everything protocol-specific comes from the protocol's spec (protocols/core/protocol_spec.h):
// its domain picks the functions (field: inline `arithmetic` circuits from
// tests/support/random_circuit.h, or sum / product / inner_product; Boolean: random circuits
// written as Bristol Fashion files from tests/support/random_boolean.h, millionaires,
// second_price_auction or vote), party counts run from min_parties to PropertyHints::max_parties,
// parameters are drawn within their declared ranges, and the network varies latency
// (0-200 ms), bandwidth, topology and single-link overrides.
//
// The oracle never goes through the scenario loader: it evaluates the generator's own circuit
// model (or the function's definition), so the scenario JSON / Bristol path is under test too.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <set>
#include <vector>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/registry.h"
#include "tests/property/adversary_gen.h"
#include "tests/support/random_boolean.h"
#include "tests/support/random_circuit.h"

namespace smpc::property {

using Json = nlohmann::json;
using OJson = nlohmann::ordered_json;
using Values = std::vector<std::vector<std::uint64_t>>;  // per party

// What every party must output (named, as in a report's "outputs") when the parties' circuit
// inputs are `wire_inputs` (per party: one value per input wire; bits for Boolean functions).
using ExpectFn = std::function<std::vector<OJson>(const Values& wire_inputs)>;

struct GeneratedScenario {
  std::string protocol;
  int parties = 0;
  Json doc;                  // the scenario file's content
  std::string circuit_file;  // file name the doc's function.file names ("" = none)
  std::string circuit_text;  // its Bristol Fashion text
  Values wire_inputs;        // per party, what the parties feed the circuit
  bool boolean = false;
  ExpectFn expect;
};

// Every registered protocol, in registry order.
inline const std::vector<std::string>& all_protocols() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    // A predicate-judged protocol (frost) has no plain evaluation to compare with: its own
    // folder's suite runs the properties (PropertyHints::predicate_outputs).
    for (const auto* spec : protocol_registry())
      if (!spec->property.predicate_outputs) out.push_back(spec->name);
    return out;
  }();
  return names;
}

inline const ProtocolSpec& spec_of(const std::string& protocol) {
  const ProtocolSpec* spec = find_protocol(protocol);
  if (spec == nullptr) RC_FAIL("unknown protocol " + protocol);
  return *spec;
}

inline std::string hex_of(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// Splits a party's wire values into the circuit's input groups (group order).
inline Values group_values(const Circuit& c, const Values& wire_inputs) {
  Values groups;
  std::vector<std::size_t> pos(wire_inputs.size(), 0);
  for (const auto& g : c.inputs) {
    const auto& mine = wire_inputs[static_cast<std::size_t>(g.owner)];
    auto& at = pos[static_cast<std::size_t>(g.owner)];
    std::vector<std::uint64_t> v;
    for (std::size_t k = 0; k < g.wires.size(); ++k) v.push_back(at < mine.size() ? mine[at++] : 0);
    groups.push_back(std::move(v));
  }
  return groups;
}

// Outputs of a circuit model per party: group g (named names[g]) goes to its receivers;
// Boolean groups are one value (hex for int_lsb0-encoded circuit files, else an integer).
enum class Shown { kField, kBooleanHex, kBooleanInt };
inline std::vector<OJson> circuit_outputs(const Circuit& c, const std::vector<std::string>& names,
                                          Shown shown, const Values& wire_inputs, int parties) {
  const auto all = evaluate(c, group_values(c, wire_inputs));
  RC_ASSERT(all.ok());
  std::vector<OJson> out(static_cast<std::size_t>(parties), OJson::object());
  std::size_t pos = 0;
  for (std::size_t g = 0; g < c.outputs.size(); ++g) {
    const auto& grp = c.outputs[g];
    const std::vector<std::uint64_t> bits(all->begin() + static_cast<std::ptrdiff_t>(pos),
                                          all->begin() + static_cast<std::ptrdiff_t>(pos + grp.wires.size()));
    pos += grp.wires.size();
    for (PartyId p = 0; p < parties; ++p) {
      if (!grp.delivered_to(p)) continue;
      auto& o = out[static_cast<std::size_t>(p)];
      if (shown == Shown::kField) {
        o[names[g]] = bits[0];
      } else {
        const std::uint64_t v = testing::bits_value(bits);
        if (shown == Shown::kBooleanHex)
          o[names[g]] = hex_of(v);
        else
          o[names[g]] = v;
      }
    }
  }
  return out;
}

inline std::vector<OJson> same_for_all(int parties, const OJson& o) {
  return std::vector<OJson>(static_cast<std::size_t>(parties), o);
}

// ---------------------------------------------------------------------------------------------
// Networks.

inline Json gen_network(int parties) {
  Json net = Json::object();
  const bool star = *rc::gen::arbitrary<bool>();
  net["topology"] = star ? "star" : "full_mesh";
  net["latency_ms"] = *rc::gen::inRange(0, 200001) / 1000.0;  // 0 .. 200 ms, µs resolution
  net["bandwidth_mbps"] = *rc::gen::element(1.0, 10.0, 100.0, 1000.0, 10000.0);
  if (*rc::gen::inRange(0, 4) == 0) {  // one slower (or faster) link
    Json link = {{"from", *rc::gen::inRange(0, parties)},
                 {"latency_ms", *rc::gen::inRange(0, 200001) / 1000.0},
                 {"bandwidth_mbps", *rc::gen::element(1.0, 100.0, 1000.0)}};
    if (!star) {
      const int from = link["from"].get<int>();
      link["to"] = (from + *rc::gen::inRange(1, parties)) % parties;
    }
    net["links"] = Json::array({link});
  }
  return net;
}

// The largest one-way delivery time of one small message (latency of the hops; with the
// overrides), for synchrony bounds.
inline double max_hop_delay_s(const Json& net) {
  double lat = net["latency_ms"].get<double>();
  if (net.contains("links"))
    for (const auto& l : net["links"]) lat = std::max(lat, l["latency_ms"].get<double>());
  return (net["topology"] == "star" ? 2 : 1) * lat / 1e3;
}

// ---------------------------------------------------------------------------------------------
// Field functions (secure_sum, bgw, bgw_robust, spdz).

inline std::uint64_t small_value() { return *rc::gen::inRange<std::uint64_t>(0, 1u << 20); }

// An inline arithmetic circuit from a random Circuit model; wire k is named "w<k>".
inline void gen_arithmetic(GeneratedScenario& g, bool linear_only, std::uint32_t max_depth) {
  const int n = g.parties;
  Circuit c = testing::gen_circuit(n, linear_only, max_depth);
  // Output names must be unique in a report (one key per wire): drop repeated output wires.
  std::vector<OutputGroup> unique;
  for (const auto& o : c.outputs)
    if (std::none_of(unique.begin(), unique.end(),
                     [&](const OutputGroup& u) { return u.wires[0] == o.wires[0]; }))
      unique.push_back(o);
  c.outputs = unique;
  const auto name = [](std::uint32_t w) { return "w" + std::to_string(w); };
  Json inputs = Json::array(), gates = Json::array(), outputs = Json::array();
  for (const auto& grp : c.inputs) {
    Json wires = Json::array();
    for (auto w : grp.wires) wires.push_back(name(w));
    inputs.push_back({{"party", grp.owner}, {"wires", wires}});
  }
  for (const auto& gate : c.gates) {
    Json j;
    switch (gate.type) {
      case GateType::kAdd: j = {{"op", "add"}, {"in", {name(gate.in0), name(gate.in1)}}}; break;
      case GateType::kSub: j = {{"op", "sub"}, {"in", {name(gate.in0), name(gate.in1)}}}; break;
      case GateType::kMul: j = {{"op", "mul"}, {"in", {name(gate.in0), name(gate.in1)}}}; break;
      case GateType::kMulConst:
        j = {{"op", "mul_const"}, {"in", {name(gate.in0)}}, {"const", gate.constant}};
        break;
      case GateType::kEq: j = {{"op", "const"}, {"const", gate.constant}}; break;
      default: RC_FAIL("gen_circuit produced an unexpected gate type");
    }
    j["out"] = name(gate.out);
    gates.push_back(j);
  }
  std::vector<std::string> names;
  for (const auto& o : c.outputs) {
    names.push_back(name(o.wires[0]));
    if (o.receivers.empty())
      outputs.push_back(name(o.wires[0]));
    else
      outputs.push_back({{"wire", name(o.wires[0])}, {"to", o.receivers}});
  }
  g.doc["function"] = {{"name", "arithmetic"}, {"inputs", inputs}, {"gates", gates},
                       {"outputs", outputs}};
  const auto in = testing::gen_inputs(c, n);
  for (const auto& p : in) g.wire_inputs.push_back(p.values);
  g.expect = [c, names, n](const Values& v) {
    return circuit_outputs(c, names, Shown::kField, v, n);
  };
}

inline void gen_sum(GeneratedScenario& g) {
  const int n = g.parties;
  for (int p = 0; p < n; ++p)
    g.wire_inputs.push_back(*rc::gen::container<std::vector<std::uint64_t>>(
        static_cast<std::size_t>(*rc::gen::inRange(0, 4)), rc::gen::inRange<std::uint64_t>(0, 1u << 20)));
  if (std::all_of(g.wire_inputs.begin(), g.wire_inputs.end(), [](const auto& v) { return v.empty(); }))
    g.wire_inputs[0].push_back(small_value());
  g.doc["function"] = {{"name", "sum"}};
  g.expect = [n](const Values& v) {
    Fp61 s;
    for (const auto& p : v)
      for (auto x : p) s = s + Fp61::from_u64(x);
    return same_for_all(n, OJson{{"sum", s.value()}});
  };
}

inline void gen_product(GeneratedScenario& g) {
  const int n = g.parties;
  for (int p = 0; p < n; ++p) {
    std::vector<std::uint64_t> v;
    const int k = *rc::gen::inRange(1, 3);
    for (int i = 0; i < k; ++i) v.push_back(testing::gen_value());
    g.wire_inputs.push_back(v);
  }
  g.doc["function"] = {{"name", "product"}};
  g.expect = [n](const Values& v) {
    Fp61 s = Fp61::from_u64(1);
    for (const auto& p : v)
      for (auto x : p) s = s * Fp61::from_u64(x);
    return same_for_all(n, OJson{{"product", s.value()}});
  };
}

inline void gen_inner_product(GeneratedScenario& g) {
  const int n = g.parties;
  const std::size_t len = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
  g.wire_inputs.assign(static_cast<std::size_t>(n), {});
  for (int p = 0; p < 2; ++p)
    for (std::size_t k = 0; k < len; ++k) g.wire_inputs[static_cast<std::size_t>(p)].push_back(testing::gen_value());
  g.doc["function"] = {{"name", "inner_product"}};
  g.expect = [n](const Values& v) {
    Fp61 s;
    for (std::size_t k = 0; k < v[0].size() && k < v[1].size(); ++k)
      s = s + Fp61::from_u64(v[0][k]) * Fp61::from_u64(v[1][k]);
    return same_for_all(n, OJson{{"inner_product", s.value()}});
  };
}

// ---------------------------------------------------------------------------------------------
// Boolean functions (yao, gmw, gmw_dealer).

inline std::vector<std::uint64_t> to_bits(std::uint64_t v, std::size_t bits) {
  std::vector<std::uint64_t> out;
  for (std::size_t k = 0; k < bits; ++k) out.push_back((v >> k) & 1);
  return out;
}

inline void gen_bristol(GeneratedScenario& g, int max_gates) {
  const int n = g.parties;
  const Circuit c = testing::gen_bristol_circuit(n, max_gates);
  const auto text = to_bristol_fashion(c);
  RC_ASSERT(text.ok());
  g.circuit_text = *text;
  g.circuit_file = "circuit-" + std::to_string(std::hash<std::string>{}(g.circuit_text) % 1000000007u) + ".txt";
  Json owners = Json::array(), receivers = Json::array();
  for (const auto& grp : c.inputs) owners.push_back(grp.owner);
  for (const auto& grp : c.outputs) receivers.push_back(grp.receivers);
  g.doc["function"] = {{"name", "circuit"}, {"file", g.circuit_file},
                       {"input_owners", owners}, {"output_receivers", receivers}};
  const auto bits = testing::gen_group_bits(c);
  g.wire_inputs.assign(static_cast<std::size_t>(n), {});
  Json inputs = Json::array();
  for (int p = 0; p < n; ++p) inputs.push_back(Json::array());
  for (std::size_t k = 0; k < c.inputs.size(); ++k) {
    const auto p = static_cast<std::size_t>(c.inputs[k].owner);
    auto& w = g.wire_inputs[p];
    w.insert(w.end(), bits[k].begin(), bits[k].end());
    inputs[p].push_back(testing::bits_value(bits[k]));
  }
  g.doc["inputs"] = inputs;
  std::vector<std::string> names;
  for (std::size_t k = 0; k < c.outputs.size(); ++k) names.push_back("output" + std::to_string(k));
  g.expect = [c, names, n](const Values& v) {
    return circuit_outputs(c, names, Shown::kBooleanHex, v, n);
  };
}

inline void gen_millionaires(GeneratedScenario& g) {
  const std::size_t bits = static_cast<std::size_t>(*rc::gen::inRange(1, 17));
  const std::uint64_t a = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << bits),
                      b = *rc::gen::element(a, *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << bits));
  g.doc["function"] = {{"name", "millionaires"}, {"bits", bits}};
  g.doc["inputs"] = {{a}, {b}};
  g.wire_inputs = {to_bits(a, bits), to_bits(b, bits)};
  g.expect = [](const Values& v) {
    return same_for_all(2, OJson{{"party0_richer", testing::bits_value(v[0]) > testing::bits_value(v[1]) ? 1 : 0}});
  };
}

inline void gen_auction(GeneratedScenario& g) {
  const int n = g.parties;
  const std::size_t bits = static_cast<std::size_t>(*rc::gen::inRange(1, 7));
  Json inputs = Json::array();
  for (int p = 0; p < n; ++p) {
    const std::uint64_t bid = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << bits);
    inputs.push_back({bid});
    g.wire_inputs.push_back(to_bits(bid, bits));
  }
  g.doc["function"] = {{"name", "second_price_auction"}, {"bits", bits}};
  g.doc["inputs"] = inputs;
  g.expect = [n](const Values& v) {
    std::vector<std::uint64_t> bids;
    for (const auto& p : v) bids.push_back(testing::bits_value(p));
    std::uint64_t winner = 0;
    for (std::size_t p = 1; p < bids.size(); ++p)
      if (bids[p] > bids[winner]) winner = p;  // ties: the lowest index
    auto sorted = bids;
    std::sort(sorted.rbegin(), sorted.rend());
    return same_for_all(n, OJson{{"winner", winner}, {"price", sorted[1]}});
  };
}

inline void gen_vote(GeneratedScenario& g) {
  const int n = g.parties;
  const std::size_t bits = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
  Json inputs = Json::array();
  for (int p = 0; p < n; ++p) {
    const std::uint64_t ballot = *rc::gen::inRange<std::uint64_t>(0, 2);
    inputs.push_back({ballot});
    g.wire_inputs.push_back(to_bits(ballot, bits));
  }
  g.doc["function"] = {{"name", "vote"}, {"bits", bits}};
  g.doc["inputs"] = inputs;
  g.expect = [n](const Values& v) {
    std::uint64_t yes = 0, no = 0;
    for (const auto& p : v) {
      const auto ballot = testing::bits_value(p);
      yes += ballot == 1;
      no += ballot == 0;
    }
    return same_for_all(n, OJson{{"yes", yes}, {"no", no}});
  };
}

// set_intersection (psi_dh): two sets of 1..6 distinct elements below 16, so that they often
// meet; the output mode drawn. Expected: the elements of one's own set in the other's (in one's
// input order), or the count to party 0.
inline void gen_set_intersection(GeneratedScenario& g) {
  const std::string mode = *rc::gen::element<std::string>("receiver", "both", "cardinality");
  Json inputs = Json::array();
  for (int p = 0; p < 2; ++p) {
    // A subset of 0..15 in a drawn order, cut to 6.
    std::vector<std::uint64_t> set;
    for (auto v : *rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(0, 16)))
      if (set.size() < 6 && std::find(set.begin(), set.end(), v) == set.end()) set.push_back(v);
    if (set.empty()) set.push_back(static_cast<std::uint64_t>(p));
    inputs.push_back(set);
    Values::value_type bits;
    for (auto v : set) {
      const auto b = to_bits(v, 64);
      bits.insert(bits.end(), b.begin(), b.end());
    }
    g.wire_inputs.push_back(bits);
  }
  g.doc["function"] = {{"name", "set_intersection"}, {"output", mode}};
  g.doc["inputs"] = inputs;
  g.expect = [mode](const Values& v) {
    std::vector<std::vector<std::uint64_t>> sets(2);
    for (std::size_t p = 0; p < 2; ++p)
      for (std::size_t i = 0; i + 64 <= v[p].size(); i += 64)
        sets[p].push_back(testing::bits_value(std::vector<std::uint64_t>(
            v[p].begin() + static_cast<std::ptrdiff_t>(i), v[p].begin() + static_cast<std::ptrdiff_t>(i + 64))));
    const auto in_other = [&](std::size_t p) {
      OJson list = OJson::array();
      for (auto x : sets[p])
        if (std::count(sets[1 - p].begin(), sets[1 - p].end(), x)) list.push_back(x);
      return list;
    };
    std::vector<OJson> out(2, OJson::object());
    if (mode == "cardinality") {  // distinct elements (a substituted input may repeat one)
      std::set<std::uint64_t> distinct;
      for (const auto& x : in_other(0)) distinct.insert(x.get<std::uint64_t>());
      out[0]["cardinality"] = distinct.size();
    }
    else out[0]["intersection"] = in_other(0);
    if (mode == "both") out[1]["intersection"] = in_other(1);
    return out;
  };
}

// secure_aggregation (secagg, secagg_plus): party 0 is the server (no input), every client
// gives L = 1..3 values of k = 1..64 bits; no dropouts (tests/secagg draws those). Expected: the
// clients' sum mod 2^k, to the server (a substituted input's high bits vanish, as in the
// circuit).
inline void gen_secure_aggregation(GeneratedScenario& g) {
  const unsigned bits = *rc::gen::inRange<unsigned>(1, 65);
  const std::size_t length = *rc::gen::inRange<std::size_t>(1, 4);
  const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  Json inputs = Json::array({Json::array()});
  g.wire_inputs.push_back({});
  for (int p = 1; p < g.parties; ++p) {
    Values::value_type x;
    for (std::size_t j = 0; j < length; ++j) x.push_back(*rc::gen::arbitrary<std::uint64_t>() & mask);
    inputs.push_back(x);
    g.wire_inputs.push_back(x);
  }
  g.doc["function"] = {{"name", "secure_aggregation"}, {"bits", bits}};
  g.doc["inputs"] = inputs;
  g.expect = [mask, length](const Values& v) {
    std::vector<std::uint64_t> sum(length, 0);
    for (std::size_t p = 1; p < v.size(); ++p)
      for (std::size_t j = 0; j < length && j < v[p].size(); ++j) sum[j] += v[p][j];
    OJson list = OJson::array();
    for (auto x : sum) list.push_back(x & mask);
    std::vector<OJson> out(v.size(), OJson::object());
    out[0]["sum"] = list;
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Whole scenarios.

// The "protocol" object: each declared parameter is sometimes left to its default and
// otherwise drawn within its declared range (an n-dependent maximum via max_for_parties).
// The round-timeout parameter of a synchronous protocol is set by gen_scenario from the network.
inline Json gen_params(const ProtocolSpec& spec, int n) {
  Json params = {{"name", spec.name}};
  for (const auto& p : spec.parameters) {
    if (p.name == spec.property.round_timeout_param) continue;
    if (p.derived_from_seed) {
      if (*rc::gen::inRange(0, 4) == 0) params[p.name] = *rc::gen::inRange(0, 1000);
    } else if (!p.choices.empty()) {
      if (*rc::gen::inRange(0, 4) == 0) params[p.name] = *rc::gen::elementOf(p.choices);
    } else if (p.type == ParamType::kInteger && p.minimum && (p.maximum || p.max_for_parties)) {
      const int hi = p.max_for_parties ? p.max_for_parties(n) : static_cast<int>(*p.maximum);
      if (*rc::gen::arbitrary<bool>())
        params[p.name] = *rc::gen::inRange(static_cast<int>(*p.minimum), hi + 1);
    }
  }
  return params;
}

inline void gen_boolean_function(GeneratedScenario& g, int max_gates) {
  std::vector<std::string> kinds = {"circuit", "circuit", "second_price_auction", "vote"};
  if (g.parties == 2) kinds.push_back("millionaires");
  const auto kind = *rc::gen::elementOf(kinds);
  if (kind == "circuit") gen_bristol(g, max_gates);
  if (kind == "millionaires") gen_millionaires(g);
  if (kind == "second_price_auction") gen_auction(g);
  if (kind == "vote") gen_vote(g);
}

inline void gen_field_function(GeneratedScenario& g, const PropertyHints& hints) {
  std::vector<std::string> kinds = {"arithmetic", "arithmetic", "sum"};
  if (!hints.linear_only) kinds.push_back("inner_product");
  // A product of k values is ceil(log2 k) layers deep.
  if (!hints.linear_only && hints.products) kinds.push_back("product");
  const auto kind = *rc::gen::elementOf(kinds);
  if (kind == "arithmetic") gen_arithmetic(g, hints.linear_only, hints.max_depth);
  if (kind == "sum") gen_sum(g);
  if (kind == "product") gen_product(g);
  if (kind == "inner_product") gen_inner_product(g);
  if (!g.doc.contains("inputs")) {
    Json inputs = Json::array();
    for (const auto& v : g.wire_inputs) inputs.push_back(v);
    g.doc["inputs"] = inputs;
  }
}

struct GenLimits {
  int max_parties = 7;
  int max_boolean_gates = 40;
};

// A scenario for `protocol`, without adversary. Its seed is part of the document.
inline GeneratedScenario gen_scenario(const std::string& protocol, const GenLimits& lim = {}) {
  const ProtocolSpec& spec = spec_of(protocol);
  const PropertyHints& hints = spec.property;
  GeneratedScenario g;
  g.protocol = protocol;
  g.parties = *rc::gen::inRange(spec.min_parties,
                                std::max(spec.min_parties, std::min(hints.max_parties, lim.max_parties)) + 1);
  const int n = g.parties;
  Json params = gen_params(spec, n);
  g.doc = {{"name", "property " + protocol}, {"seed", *rc::gen::inRange(0, 1000000000)},
           {"parties", n}, {"protocol", params}};
  g.boolean = spec.domain == CircuitDomain::kBoolean;
  if (!hints.generic_circuits && spec.domain == CircuitDomain::kRing64)
    gen_secure_aggregation(g);  // secagg, secagg_plus
  else if (!hints.generic_circuits)
    gen_set_intersection(g);  // psi_dh
  else if (g.boolean)
    gen_boolean_function(g, std::min(hints.max_gates, lim.max_boolean_gates));
  else
    gen_field_function(g, hints);
  g.doc["network"] = gen_network(n);
  const double hop = max_hop_delay_s(g.doc["network"]);
  if (!hints.round_timeout_param.empty()) {
    // Synchrony bound Δ above any round's delivery time (latency of the hops plus the transfer
    // of a few KB at >= 1 Mbit/s), and a run deadline above rounds × Δ (docs/malicious.md).
    const double delta = 2 * hop + 0.5;
    params[hints.round_timeout_param] = delta;
    g.doc["protocol"] = params;
    g.doc["deadline_s"] = 300 * delta + 60;
  } else {
    g.doc["deadline_s"] = 300;
  }
  return g;
}

}  // namespace smpc::property
