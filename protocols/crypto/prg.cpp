#include "protocols/crypto/prg.h"

#include <sodium.h>

#include <cstring>

#include "protocols/core/ops.h"
#include "protocols/core/status.h"

namespace smpc {
namespace {

void nonce_of(std::uint64_t stream, unsigned char (&n)[crypto_stream_chacha20_NONCEBYTES]) {
  static_assert(crypto_stream_chacha20_NONCEBYTES == 8);
  for (int i = 0; i < 8; ++i) n[i] = static_cast<unsigned char>(stream >> (8 * i));
}

void ensure_sodium() {
  static const int ok = sodium_init();
  SMPC_ASSERT(ok >= 0);
}

}  // namespace

void prg_expand(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out) {
  ensure_sodium();
  unsigned char n[crypto_stream_chacha20_NONCEBYTES];
  nonce_of(stream, n);
  count_op(Op::kChachaByte, out.size());
  crypto_stream_chacha20(out.data(), out.size(), n, seed.data());
}

void prg_expand_xor(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out) {
  ensure_sodium();
  unsigned char n[crypto_stream_chacha20_NONCEBYTES];
  nonce_of(stream, n);
  count_op(Op::kChachaByte, out.size());
  crypto_stream_chacha20_xor(out.data(), out.data(), out.size(), n, seed.data());
}

AesPrgBank::AesPrgBank(std::span<const PrgSeed> seeds) {
  keys_.reserve(seeds.size());
  for (const PrgSeed& seed : seeds) {
    Block k;
    std::memcpy(k.data(), seed.data(), k.size());
    keys_.emplace_back(k);
  }
}

void AesPrgBank::expand(std::uint64_t stream, std::uint8_t* out, std::size_t bytes_each) const {
  aes128_ctr_many(keys_, stream, out, bytes_each);
}

void AesPrgBank::expand(std::uint64_t stream, std::uint8_t* out, std::size_t bytes_each,
                        AesBackend backend) const {
  aes128_ctr_many(keys_, stream, out, bytes_each, backend);
}

}  // namespace smpc
