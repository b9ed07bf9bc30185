// AES-128 (FIPS-197) on AES-NI, and the fixed-key permutation π that the garbling and OT hashes
// are built on (tccr_hash.h).
//
// Why fixed-key AES: garbling and OT extension need a fast pseudorandom permutation on 128-bit
// blocks; with one public key the key schedule is computed once and every call is 10 AES rounds
// in hardware. Guo–Katz–Wang–Yu (eprint 2019/074) model fixed-key AES as a random permutation
// and prove the hash constructions we use on top of it (tccr_hash.h).
//
// Backends: AES-NI on 128-bit registers is the baseline (the machine and CI have aes + sse4.1);
// when the CPU and OS support AVX-512F + VAES, batches run four blocks per instruction.
// Both backends compute the same function (tests compare them against FIPS-197 and each other).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "protocols/core/message.h"

namespace smpc {

enum class AesBackend {
  kAesNi,    // AESENC on xmm registers, 8 blocks interleaved
  kVaes512,  // VAESENC on zmm registers, 4 blocks per instruction, 32 interleaved
};
const char* aes_backend_name(AesBackend b);
// The fastest backend this CPU supports (decided once; AES-NI is required and checked).
AesBackend best_aes_backend();
bool aes_backend_supported(AesBackend b);

class Aes128 {
 public:
  explicit Aes128(const Block& key);

  Block encrypt(const Block& in) const;
  // out[k] = AES_key(in[k]) for every k; in and out may be the same span (not partially
  // overlapping). Uses best_aes_backend() unless one is given.
  void encrypt_blocks(std::span<const Block> in, std::span<Block> out) const;
  void encrypt_blocks(std::span<const Block> in, std::span<Block> out, AesBackend backend) const;

  // The 11 round keys of the FIPS-197 key expansion (for the known-answer test).
  const std::array<Block, 11>& round_keys() const { return rk_; }

 private:
  std::array<Block, 11> rk_;
};

// Counter-mode keystreams under many keys at once (the IKNP column PRG, prg.h): for every k,
// out + k·bytes_each receives AES_{keys[k]}(c_0) ‖ AES_{keys[k]}(c_1) ‖ … with the counter block
// c_b = (b, nonce) as two little-endian 64-bit words (block_from_u64(b, nonce)).
// bytes_each must be a multiple of 16. Keys are processed in pairs so that the VAES backend has
// eight independent registers in flight.
void aes128_ctr_many(std::span<const Aes128> keys, std::uint64_t nonce, std::uint8_t* out,
                     std::size_t bytes_each);
void aes128_ctr_many(std::span<const Aes128> keys, std::uint64_t nonce, std::uint8_t* out,
                     std::size_t bytes_each, AesBackend backend);

// π: AES-128 under the public key BLAKE2b-128("smpc-testbed/fixed-key-aes/v1"), a
// nothing-up-my-sleeve constant. Public on purpose: security rests on π being modelled as a
// random permutation, not on the key being secret.
const Aes128& fixed_key_aes();

}  // namespace smpc
