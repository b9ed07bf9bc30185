// Element-level tampering: each change happens in the element's own domain (field elements mod
// p, ring elements mod 2^64, bits by XOR), so the receiver decodes a well-formed message and
// its protocol checks, not the decoder, must catch the attack.
#include "adversary/elements.h"

namespace smpc {

namespace {


void add_one(const ElementRef& e, std::uint64_t delta) {
  switch (e.kind) {
    case ElementKind::kBit:
      if (delta & 1) *e.bytes ^= e.bit_mask;
      return;
    case ElementKind::kField61:
      store_le64(e.bytes, (Fp61::from_u64(load_le64(e.bytes)) + Fp61::from_u64(delta)).value());
      return;
    case ElementKind::kField127: {
      const uint128_t p = (uint128_t{1} << 127) - 1;
      uint128_t v = (static_cast<uint128_t>(load_le64(e.bytes + 8)) << 64) | load_le64(e.bytes);
      v += delta % p;
      if (v >= p) v -= p;
      store_le64(e.bytes, static_cast<std::uint64_t>(v));
      store_le64(e.bytes + 8, static_cast<std::uint64_t>(v >> 64));
      return;
    }
    case ElementKind::kRing64: store_le64(e.bytes, load_le64(e.bytes) + delta); return;
    case ElementKind::kByte: e.bytes[0] = static_cast<std::uint8_t>(e.bytes[0] + delta); return;
    default:  // blocks and points have no arithmetic: XOR δ into their first bytes
      store_le64(e.bytes, load_le64(e.bytes) ^ delta);
      return;
  }
}

void randomize_one(const ElementRef& e, Rng& rng) {
  if (e.kind == ElementKind::kBit) {
    if (rng.next_bit()) *e.bytes ^= e.bit_mask;
  } else if (e.kind == ElementKind::kField61) {
    store_le64(e.bytes, rng.uniform_fp61().value());
  } else if (e.kind == ElementKind::kField127) {
    // Uniform below 2^127 - 1: 127 random bits, rejecting the one value p.
    for (;;) {
      rng.fill(std::span<std::uint8_t>(e.bytes, 16));
      e.bytes[15] &= 0x7f;
      bool all_ones = e.bytes[15] == 0x7f;
      for (int i = 0; i < 15 && all_ones; ++i) all_ones = e.bytes[i] == 0xff;
      if (!all_ones) break;
    }
  } else {
    rng.fill(std::span<std::uint8_t>(e.bytes, e.size));
  }
}

}  // namespace

bool for_element(Message& m, std::size_t k, const std::function<void(const ElementRef&)>& fn) {
  if (m.is_raw()) return false;
  const bool all = k == kAllElements;
  bool found = false;
  for (auto& part : m.mutable_parts()) {
    for (std::size_t i = all ? 0 : k; i < part.count; ++i) {
      if (part.kind == ElementKind::kBit)
        fn(ElementRef{part.kind, &part.data[i / 8], 1, static_cast<std::uint8_t>(1u << (i % 8))});
      else
        fn(ElementRef{part.kind, &part.data[i * element_size(part.kind)],
                      element_size(part.kind), 0});
      found = true;
      if (!all) return true;
    }
    if (!all) k -= part.count;
  }
  return found;
}

bool add_to_element(Message& m, std::size_t k, std::uint64_t delta) {
  return for_element(m, k, [&](const ElementRef& e) { add_one(e, delta); });
}

bool flip_element_bit(Message& m, std::size_t k, unsigned bit) {
  return for_element(m, k, [&](const ElementRef& e) {
    // A packed bit is its own only bit.
    if (e.kind == ElementKind::kBit) *e.bytes ^= e.bit_mask;
    else e.bytes[(bit / 8) % e.size] ^= static_cast<std::uint8_t>(1u << (bit % 8));
  });
}

bool randomize_element(Message& m, std::size_t k, Rng& rng) {
  return for_element(m, k, [&](const ElementRef& e) { randomize_one(e, rng); });
}

}  // namespace smpc
