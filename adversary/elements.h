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

// Calls fn on element k counted across the message's parts (every element for kAllElements).
// False when the message is raw or has no element k.
bool for_element(Message& m, std::size_t k, const std::function<void(const ElementRef&)>& fn);

// δ added mod p for field elements, mod 2^64 for ring elements, mod 256 for bytes; bits flip
// when δ is odd; blocks and points get δ XORed into their first 8 bytes.
bool add_to_element(Message& m, std::size_t k, std::uint64_t delta);
// Bit `bit` of the element's encoding (a packed bit: the bit itself).
bool flip_element_bit(Message& m, std::size_t k, unsigned bit);
// A uniformly random element of the same domain.
bool randomize_element(Message& m, std::size_t k, Rng& rng);

}  // namespace smpc
