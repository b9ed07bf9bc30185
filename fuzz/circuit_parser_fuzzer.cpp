// libFuzzer target: the Bristol parser (both formats) on arbitrary bytes, then everything that
// consumes a parsed circuit. Any crash, sanitizer report or broken invariant (__builtin_trap)
// is a bug:
//   - a rejected input yields an error that starts with "FILE:" (located message);
//   - an accepted input is a valid circuit (validate() passes);
//   - evaluate, the 64-way packed evaluator and the slot-based evaluator agree;
//   - the Boost.Graph AND depth equals the core's nonlinear_depth, and the AND layers hold
//     every AND gate exactly once;
//   - export -> import is the same function.
// Run with scripts/fuzz.sh.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_eval.h"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// Deterministic input words derived from the fuzz data.
std::vector<std::vector<std::uint64_t>> inputs_for(const smpc::Circuit& c, std::uint64_t seed,
                                                   bool words) {
  std::vector<std::vector<std::uint64_t>> in;
  std::uint64_t x = seed | 1;
  for (const auto& g : c.inputs) {
    std::vector<std::uint64_t> v(g.wires.size());
    for (auto& w : v) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      w = words ? x : (x & 1);
    }
    in.push_back(std::move(v));
  }
  return in;
}

void exercise(const smpc::Circuit& c, std::uint64_t seed) {
  using namespace smpc;
  check(c.validate(INT_MAX).ok());
  const auto bits = inputs_for(c, seed, false);
  auto scalar = evaluate(c, bits);
  check(scalar.ok());
  // Lane 0 of the packed evaluator = the scalar result.
  auto packed = evaluate_packed(c, bits);
  check(packed.ok() && packed->size() == scalar->size());
  for (std::size_t i = 0; i < scalar->size(); ++i) check(((*packed)[i] & 1) == (*scalar)[i]);
  const WireSlots slots = assign_wire_slots(c);
  auto bounded = evaluate_bounded(c, slots, bits);
  check(bounded.ok() && *bounded == *scalar);
  const CircuitStats s = analyze(c);
  check(s.and_depth == nonlinear_depth(c));
  std::size_t in_layers = 0;
  for (const auto& layer : and_layers(c)) in_layers += layer.size();
  check(in_layers == s.count(GateType::kAnd));
  if (c.gates.size() <= 512) check(!to_dot(c).empty());
  // Round trip.
  auto text = to_bristol_fashion(c);
  check(text.ok());
  auto back = parse_bristol(*text, BristolFormat::kFashion, "exported");
  check(back.ok());
  const auto words = inputs_for(c, seed * 3, true);
  auto a = evaluate_packed(c, words);
  auto b = evaluate_packed(*back, words);
  check(a.ok() && b.ok() && *a == *b);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::uint64_t seed = 0x9e3779b97f4a7c15ULL;
  for (std::size_t i = 0; i < size && i < 16; ++i) seed = seed * 131 + data[i];
  for (auto fmt : {smpc::BristolFormat::kFashion, smpc::BristolFormat::kLegacy}) {
    auto r = smpc::parse_bristol(text, fmt, "fuzz.txt");
    if (!r.ok()) {
      check(r.status().message().rfind("fuzz.txt:", 0) == 0);
      continue;
    }
    exercise(*r, seed);
  }
  return 0;
}
