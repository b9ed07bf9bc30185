#include "scenarios/secagg_function.h"

#include <algorithm>
#include <cmath>

#include "protocols/core/json_text.h"
#include "protocols/core/rng.h"
#include "protocols/secagg/ideal.h"

namespace smpc {
namespace {

// A JSON integer >= 0 (scenario files parse small numbers as unsigned, C++ literals as signed).
bool is_natural(const nlohmann::json& v) {
  return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
}

Status bad(const std::string& ptr, const std::string& problem, const nlohmann::json& got) {
  return Error(ptr + ": " + problem + ", got " + short_json(got));
}

// Clients of one "dropouts" entry: the listed ones, or a seeded draw of the still-present ones.
Result<std::vector<std::size_t>> entry_clients(const nlohmann::json& e, const std::string& ptr,
                                               const std::vector<int>& drop) {
  const std::size_t n = drop.size();
  std::vector<std::size_t> out;
  if (e.contains("clients")) {
    const auto& list = e["clients"];
    if (!list.is_array()) return bad(ptr + "/clients", "must be a list of client ids", list);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& v = list[i];
      if (!is_natural(v) || v.get<std::uint64_t>() < 1 || v.get<std::uint64_t>() > n)
        return bad(ptr + "/clients/" + std::to_string(i),
                   "must be a client id 1 .. " + std::to_string(n), v);
      out.push_back(v.get<std::size_t>());
    }
    return out;
  }
  const auto& f = e.value("fraction", nlohmann::json());
  if (!f.is_number() || f.get<double>() < 0 || f.get<double>() > 1)
    return bad(ptr, "needs \"clients\" (a list) or \"fraction\" (0 .. 1)", e);
  const auto& seed = e.value("seed", nlohmann::json(1));
  if (!is_natural(seed)) return bad(ptr + "/seed", "must be an unsigned integer", seed);
  std::vector<std::size_t> present;
  for (std::size_t u = 1; u <= n; ++u)
    if (drop[u - 1] == kSecAggNoDrop) present.push_back(u);
  Rng rng(seed.get<std::uint64_t>(), 0, "secure_aggregation dropouts");
  const auto want = static_cast<std::size_t>(std::llround(f.get<double>() * static_cast<double>(n)));
  for (std::size_t i = 0; i < want && i < present.size(); ++i) {  // partial Fisher–Yates
    std::swap(present[i], present[i + rng.uniform_below(present.size() - i)]);
    out.push_back(present[i]);
  }
  return out;
}

Result<std::vector<int>> dropouts(const nlohmann::json& spec, std::size_t clients) {
  std::vector<int> drop(clients, kSecAggNoDrop);
  const auto& list = spec.value("dropouts", nlohmann::json::array());
  if (!list.is_array()) return bad("/function/dropouts", "must be a list", list);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string ptr = "/function/dropouts/" + std::to_string(i);
    const auto& e = list[i];
    const auto& r = e.is_object() ? e.value("after_round", nlohmann::json()) : nlohmann::json();
    if (!r.is_number_integer() ||
        std::find(std::begin(kSecAggDropRounds), std::end(kSecAggDropRounds), r.get<int>()) ==
            std::end(kSecAggDropRounds))
      return bad(ptr + "/after_round", "must be 0, 1 or 2 (the rounds a client can drop after)", r);
    SMPC_ASSIGN_OR_RETURN(auto who, entry_clients(e, ptr, drop));
    for (std::size_t u : who) {
      if (drop[u - 1] != kSecAggNoDrop)
        return bad(ptr, "client " + std::to_string(u) + " already drops out in an earlier entry", e);
      drop[u - 1] = r.get<int>();
    }
  }
  return drop;
}

}  // namespace

Result<Function> build_secure_aggregation(const nlohmann::json& spec,
                                          const std::vector<nlohmann::json>& in) {
  SecAggShape s;
  const auto bits = spec.value("bits", nlohmann::json(32));
  if (!bits.is_number_integer() || bits.get<std::int64_t>() < 1 || bits.get<std::int64_t>() > 64)
    return bad("/function/bits", "must be an integer 1 .. 64", bits);
  s.bits = bits.get<unsigned>();
  if (in.size() < 2) return Error("/parties: secure_aggregation needs the server and a client");
  if (!in[0].empty()) return bad("/inputs/0", "the server (party 0) gives no input", in[0]);
  s.clients = in.size() - 1;
  s.length = in[1].is_array() ? in[1].size() : 0;
  Function f;
  f.party_inputs.push_back({});
  for (std::size_t u = 1; u <= s.clients; ++u) {
    const std::string ptr = "/inputs/" + std::to_string(u);
    if (!in[u].is_array()) return bad(ptr, "a client gives a list of values", in[u]);
    if (in[u].size() != s.length || s.length == 0)
      return bad(ptr, "every client gives the same number L >= 1 of values (client 1 gives " +
                          std::to_string(s.length) + ")", in[u]);
    PartyInput x;
    for (std::size_t j = 0; j < s.length; ++j) {
      const auto& v = in[u][j];
      if (!is_natural(v) || v.get<std::uint64_t>() > secagg_mask(s.bits))
        return bad(ptr + "/" + std::to_string(j), "must be an integer below 2^" + std::to_string(s.bits), v);
      x.values.push_back(v.get<std::uint64_t>());
    }
    f.party_inputs.push_back(std::move(x));
  }
  if (s.clients * s.length > kSecAggMaxValues)
    return Error("/inputs: " + std::to_string(s.clients) + " clients x " + std::to_string(s.length) +
                 " values exceed the " + std::to_string(kSecAggMaxValues) +
                 " the ideal circuit allows (bench/secagg_bench.cpp runs larger ones)");
  SMPC_ASSIGN_OR_RETURN(s.drop_after, dropouts(spec, s.clients));
  f.circuit = secagg_circuit(s);
  f.output_names = {"sum"};
  f.output_shift = 64 - s.bits;
  return f;
}

}  // namespace smpc
