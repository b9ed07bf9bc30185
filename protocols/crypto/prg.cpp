#include "protocols/crypto/prg.h"

#include <cstring>

#include "protocols/core/chacha20.h"
#include "protocols/core/ops.h"

namespace smpc {

void prg_expand(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out) {
  count_op(Op::kChachaByte, out.size());
  chacha20_keystream(seed, stream, 0, out);
}

void prg_expand_xor(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out) {
  count_op(Op::kChachaByte, out.size());
  chacha20_xor(seed, stream, 0, out);
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
