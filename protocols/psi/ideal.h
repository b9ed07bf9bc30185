// The ideal functionality of private set intersection as a Boolean circuit: the function
// "set_intersection" (scenarios/functions.cpp) compiles to it, every verdict judges psi_dh
// against its plain evaluation, and psi_dh recognises its shape (set sizes, output mode).
//
// Party 0 holds m elements, party 1 holds k, each a 64-bit value given as 64 input wires,
// least significant bit first (one input group "set" per party). For every pair the circuit
// tests equality (64 XOR, 64 INV, 63 AND), then ORs per element; so it has about 193·m·k gates,
// which bounds the sets a scenario can judge (kMaxIdealPairs). Outputs, per mode:
//   receiver     "party0_in_intersection": m bits to party 0, bit i = [x_i ∈ Y]
//   both         as receiver, and "party1_in_intersection": k bits to party 1, bit j = [y_j ∈ X]
//   cardinality  "cardinality": |X ∩ Y| to party 0, in bit_width(m) bits
// An input that repeats an element (only an adversary's substituted input can) is that set: the
// repeat gets its first occurrence's bit and counts once, as psi_dh computes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/enum_names.h"

namespace smpc {

enum class PsiOutput { kReceiver, kBoth, kCardinality };
inline constexpr const char* kPsiOutputNames[] = {"receiver", "both", "cardinality"};
constexpr const char* psi_output_name(PsiOutput o) { return enum_name(kPsiOutputNames, o, "?"); }

inline constexpr std::size_t kPsiElementBits = 64;
// m·k at most this: the ideal circuit then has at most ~800k gates (about 25 MB).
inline constexpr std::size_t kMaxIdealPairs = 4096;

struct PsiShape {
  std::size_t m = 0;  // party 0's set size
  std::size_t k = 0;  // party 1's set size
  PsiOutput output = PsiOutput::kReceiver;
  bool operator==(const PsiShape&) const = default;
};

// Whether party p learns something in this mode.
inline bool psi_learns(PsiOutput o, int party) { return party == 0 || o == PsiOutput::kBoth; }
// Width of the cardinality output: bit_width(m), at least 1.
std::size_t psi_count_bits(std::size_t m);

// Requires m, k >= 1 and m·k <= kMaxIdealPairs.
Circuit psi_circuit(const PsiShape& shape);
// The shape of `c` if c is exactly psi_circuit(shape) for some shape, else nullopt.
std::optional<PsiShape> psi_shape(const Circuit& c);

// 64-bit elements <-> input wire values (LSB first).
std::vector<std::uint64_t> psi_element_bits(std::span<const std::uint64_t> elements);
std::vector<std::uint64_t> psi_elements_of_bits(std::span<const std::uint64_t> bits);

}  // namespace smpc
