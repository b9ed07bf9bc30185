// The ChaCha20 keystream of Bernstein's original construction (64-bit nonce, 64-bit block
// counter: state words 12–13 the counter, 14–15 the nonce), as libsodium's
// crypto_stream_chacha20_xor_ic computes it, byte for byte. Rng (rng.h) and prg_expand
// (protocols/crypto/prg.h) draw every stream through here.
//
// Why not libsodium alone: its AVX2 code runs at ≈ 0.5 ns/byte on the development VM, and the
// SPDZ dealer and MACCheck spent about a fifth of a party's thread in it (docs/performance.md,
// "Private inference"). OpenSSL 3's ChaCha20 (EVP, AVX-512 where the CPU has it) computes the
// same function at ≈ 0.17 ns/byte once a call covers a few KiB, but costs more than libsodium
// per call below ≈ 1 KiB. So long requests go to OpenSSL and short ones to libsodium; the bytes
// are the same either way (tests/core/chacha20_test.cpp compares both with libsodium across the
// 2^32-block carry), so no report changes with the machine or the path taken.
#pragma once

#include <cstdint>
#include <span>

namespace smpc {

using ChachaKey = std::span<const std::uint8_t, 32>;

// out = ChaCha20(key, nonce) keystream from 64-byte block `first_block` on.
void chacha20_keystream(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block,
                        std::span<std::uint8_t> out);
// inout ^= the same keystream.
void chacha20_xor(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block,
                  std::span<std::uint8_t> inout);

// Requests of at least this many bytes take OpenSSL's path (when OpenSSL provides ChaCha20).
inline constexpr std::size_t kChachaLongRequest = 1024;

}  // namespace smpc
