#include "protocols/secagg/ideal.h"

#include <bit>
#include <string>

#include "protocols/core/status.h"

namespace smpc {
namespace {

constexpr std::string_view kVectorGroup = "vector", kDropsAfter = "vector, drops after round ";

std::string group_name(int drop_after) {
  return drop_after == kSecAggNoDrop ? std::string(kVectorGroup)
                                     : std::string(kDropsAfter) + std::to_string(drop_after);
}

std::optional<int> drop_of_group(const std::string& name) {
  if (name == kVectorGroup) return kSecAggNoDrop;
  for (int r : kSecAggDropRounds)
    if (name == group_name(r)) return r;
  return std::nullopt;
}

}  // namespace

std::uint64_t secagg_scale(unsigned bits) {
  return bits >= 64 ? 1 : std::uint64_t{1} << (64 - bits);
}

std::uint64_t secagg_mask(unsigned bits) {
  return bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
}

Circuit secagg_circuit(const SecAggShape& s) {
  SMPC_ASSERT(s.clients >= 1 && s.length >= 1 && s.bits >= 1 && s.bits <= 64 &&
              s.drop_after.size() == s.clients);
  Circuit c;
  c.domain = CircuitDomain::kRing64;
  const auto L = static_cast<std::uint32_t>(s.length);
  for (std::size_t u = 1; u <= s.clients; ++u) {
    InputGroup g{group_name(s.drop_after[u - 1]), static_cast<PartyId>(u), {}};
    for (std::uint32_t j = 0; j < L; ++j) g.wires.push_back(c.num_wires++);
    c.inputs.push_back(std::move(g));
  }
  OutputGroup out{"sum", {0}, {}};
  for (std::uint32_t j = 0; j < L; ++j) {
    std::optional<std::uint32_t> acc;
    for (std::size_t u = 1; u <= s.clients; ++u) {
      if (!s.in_sum(u)) continue;
      const std::uint32_t x = c.inputs[u - 1].wires[j];
      if (acc) {
        c.gates.push_back({GateType::kAdd, *acc, x, c.num_wires, 0});
        acc = c.num_wires++;
      } else {
        acc = x;
      }
    }
    if (!acc) {  // nobody in the sum: the constant 0
      c.gates.push_back({GateType::kEq, 0, 0, c.num_wires, 0});
      acc = c.num_wires++;
    }
    c.gates.push_back({GateType::kMulConst, *acc, 0, c.num_wires, secagg_scale(s.bits)});
    out.wires.push_back(c.num_wires++);
  }
  c.outputs.push_back(std::move(out));
  return c;
}

std::optional<SecAggShape> secagg_shape(const Circuit& c) {
  if (c.domain != CircuitDomain::kRing64 || c.inputs.empty() || c.outputs.size() != 1 ||
      c.outputs[0].wires.empty() || c.gates.empty() ||
      c.gates.back().type != GateType::kMulConst)
    return std::nullopt;
  SecAggShape s;
  s.clients = c.inputs.size();
  s.length = c.outputs[0].wires.size();
  const std::uint64_t scale = c.gates.back().constant;
  if (scale == 0 || (scale & (scale - 1)) != 0) return std::nullopt;
  s.bits = 64 - static_cast<unsigned>(std::countr_zero(scale));
  for (const auto& g : c.inputs) {
    const auto drop = drop_of_group(g.name);
    if (!drop || g.wires.size() != s.length) return std::nullopt;
    s.drop_after.push_back(*drop);
  }
  if (s.clients * s.length > kSecAggMaxValues) return std::nullopt;
  const Circuit expected = secagg_circuit(s);
  if (expected.gates.size() != c.gates.size() || !(expected == c)) return std::nullopt;
  return s;
}

}  // namespace smpc
