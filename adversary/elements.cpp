// Element-level tampering: each change happens in the element's own domain (field elements mod
// p, ring elements mod 2^64, bits by XOR), so the receiver decodes a well-formed message and
// its protocol checks, not the decoder, must catch the attack.
#include "adversary/elements.h"

namespace smpc {

namespace {

// Adds δ = (negative ? -1 : 1) * magnitude in the element's domain.
void add_one(const ElementRef& e, std::uint64_t magnitude, bool negative) {
  switch (e.kind) {
    case ElementKind::kBit:
      if (magnitude & 1) *e.bytes ^= e.bit_mask;
      return;
    case ElementKind::kField61: {
      const Fp61 d = Fp61::from_u64(magnitude);
      const Fp61 v = Fp61::from_u64(load_le64(e.bytes));
      store_le64(e.bytes, (negative ? v - d : v + d).value());
      return;
    }
    case ElementKind::kField127: {
      const uint128_t p = (uint128_t{1} << 127) - 1;
      const uint128_t d = magnitude % p;
      uint128_t v = (static_cast<uint128_t>(load_le64(e.bytes + 8)) << 64) | load_le64(e.bytes);
      v += negative ? p - d : d;  // both terms < p: no overflow of 128 bits
      if (v >= p) v -= p;
      store_le64(e.bytes, static_cast<std::uint64_t>(v));
      store_le64(e.bytes + 8, static_cast<std::uint64_t>(v >> 64));
      return;
    }
    case ElementKind::kRing64: {
      const std::uint64_t v = load_le64(e.bytes);
      store_le64(e.bytes, negative ? v - magnitude : v + magnitude);
      return;
    }
    case ElementKind::kByte: {
      const auto d = static_cast<std::uint8_t>(magnitude);
      e.bytes[0] = static_cast<std::uint8_t>(negative ? e.bytes[0] - d : e.bytes[0] + d);
      return;
    }
    default:  // blocks and points have no arithmetic: XOR |δ| into their first bytes
      store_le64(e.bytes, load_le64(e.bytes) ^ magnitude);
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

ElementSelection elements_of(const StrategyStep& step) {
  return {step.element, step.element_count};
}

std::size_t for_elements(Message& m, ElementSelection sel,
                         const std::function<void(const ElementRef&)>& fn) {
  if (m.is_raw()) return 0;
  const bool all = sel.first == kAllElements;
  // [lo, hi) in the numbering across parts; `base` is the first index of the current part.
  const std::size_t lo = all ? 0 : sel.first;
  const std::size_t hi = all || sel.count > kAllElements - lo ? kAllElements : lo + sel.count;
  std::size_t visited = 0, base = 0;
  for (auto& part : m.mutable_parts()) {
    for (std::size_t i = lo > base ? lo - base : 0; i < part.count && base + i < hi; ++i) {
      if (part.kind == ElementKind::kBit)
        fn(ElementRef{part.kind, &part.data[i / 8], 1, static_cast<std::uint8_t>(1u << (i % 8))});
      else
        fn(ElementRef{part.kind, &part.data[i * element_size(part.kind)],
                      element_size(part.kind), 0});
      ++visited;
    }
    base += part.count;
    if (base >= hi) break;
  }
  return visited;
}

bool for_element(Message& m, std::size_t k, const std::function<void(const ElementRef&)>& fn) {
  return for_elements(m, {k, 1}, fn) > 0;
}

std::size_t add_to_elements(Message& m, ElementSelection sel, std::uint64_t magnitude,
                            bool negative) {
  return for_elements(m, sel, [&](const ElementRef& e) { add_one(e, magnitude, negative); });
}

std::size_t flip_element_bits(Message& m, ElementSelection sel, unsigned bit) {
  std::size_t flipped = 0;
  for_elements(m, sel, [&](const ElementRef& e) {
    // A packed bit is its own only bit.
    if (e.kind == ElementKind::kBit) {
      *e.bytes ^= e.bit_mask;
    } else if (bit / 8 < e.size) {
      e.bytes[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    } else {
      return;
    }
    ++flipped;
  });
  return flipped;
}

std::size_t randomize_elements(Message& m, ElementSelection sel, Rng& rng) {
  return for_elements(m, sel, [&](const ElementRef& e) { randomize_one(e, rng); });
}

}  // namespace smpc
