// Changing single elements of a message in their own domain: what the content strategies
// (add, bit_flip, randomize, equivocate) and test-only strategies build on.
#pragma once

#include <cstdint>
#include <functional>

#include "adversary/adversary_spec.h"
#include "protocols/core/message.h"
#include "protocols/core/rng.h"

namespace smpc {

// One element of a message, in place: `bytes` points at its encoding (`size` bytes); a packed
// bit has size 1 and `bit_mask` selects it within the byte.
struct ElementRef {
  ElementKind kind;
  std::uint8_t* bytes;
  std::size_t size;
  std::uint8_t bit_mask;  // 0 unless kind is kBit
};

// Elements first .. first + count - 1, counted across the message's parts from 0
// (first == kAllElements: every element). A script step's selection: elements_of(step).
struct ElementSelection {
  std::size_t first = 0;
  std::size_t count = 1;
};
ElementSelection elements_of(const StrategyStep& step);

// Calls fn on each selected element that the message has; returns how many there were (0 for
// a raw message, or when the selection lies beyond the message).
std::size_t for_elements(Message& m, ElementSelection sel,
                         const std::function<void(const ElementRef&)>& fn);
// Element k alone (every element for kAllElements); false when the message has no element k.
bool for_element(Message& m, std::size_t k, const std::function<void(const ElementRef&)>& fn);

// The functions below return how many elements they changed.
// δ added (δ < 0: |δ| subtracted) mod p for field elements, mod 2^64 for ring elements, mod 256
// for bytes; bits flip when |δ| is odd; blocks and points get |δ| XORed into their first 8
// bytes (XOR is its own inverse: subtracting is adding).
std::size_t add_to_elements(Message& m, ElementSelection sel, std::uint64_t magnitude,
                            bool negative = false);
// Bit `bit` of each element's encoding (a packed bit: the bit itself); an element whose
// encoding is shorter than bit + 1 bits is left alone.
std::size_t flip_element_bits(Message& m, ElementSelection sel, unsigned bit);
// A uniformly random element of the same domain.
std::size_t randomize_elements(Message& m, ElementSelection sel, Rng& rng);

}  // namespace smpc
