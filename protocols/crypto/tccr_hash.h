// The hash that garbling (half-gates) and OT extension (IKNP) are built on:
//
//   H(x, i) = π(π(x) ⊕ i) ⊕ π(x)        π = fixed-key AES-128 (aes.h)
//
// This is TMMO from Guo, Katz, Wang, Yu, "Efficient and Secure Multiparty Computation from
// Fixed-Key Block Ciphers" (IEEE S&P 2020, eprint 2019/074), §7.4, proven a tweakable circular
// correlation-robust hash (TCCR) in the random-permutation model: for a secret Δ, the values
// H(x ⊕ Δ, i) ⊕ b·Δ on distinct (x, i) look random, which is exactly what half-gates with
// free-XOR needs (and, without the circular part, what IKNP needs). Why not the classic one-call
// π(σ(x) ⊕ i) ⊕ σ(x) ⊕ i: TMMO is the construction GKWY recommend with a proof and a tight
// bound for the tweakable, circular case; it costs a second AES call per hash, which the
// batched AES-NI / VAES kernels (aes_kernels.h) absorb.
//
// Tweaks: every user puts a domain tag in the high 64 bits and a counter in the low 64 bits
// (tccr_tweak), so garbling and OT extension never feed the same (x, i) to π by accident.
#pragma once

#include <cstdint>
#include <span>

#include "protocols/core/message.h"
#include "protocols/crypto/aes.h"
#include "protocols/crypto/block.h"

namespace smpc {

// Tweak domains (high 64 bits of i).
inline constexpr std::uint64_t kTweakGarbling = 0x67617262'6c653031;  // "garble01"
inline constexpr std::uint64_t kTweakOt = 0x6f746578'74303031;        // "otext001"

inline Block tccr_tweak(std::uint64_t domain, std::uint64_t index) {
  return block_from_u64(index, domain);
}

Block tccr_hash(const Block& x, const Block& tweak);

// out[k] = H(x[k], tweaks[k]); out may be the same span as x or tweaks.
void tccr_hash(std::span<const Block> x, std::span<const Block> tweaks, std::span<Block> out);
void tccr_hash(std::span<const Block> x, std::span<const Block> tweaks, std::span<Block> out,
               AesBackend backend);

}  // namespace smpc
