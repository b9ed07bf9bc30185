#include "protocols/crypto/hash.h"

#include "protocols/core/ops.h"
#include "protocols/core/sodium.h"
#include "protocols/core/status.h"

namespace smpc {

Blake2b::Blake2b(std::string_view domain, std::size_t out_bytes) : out_bytes_(out_bytes) {
  SMPC_ASSERT(out_bytes >= crypto_generichash_BYTES_MIN &&
              out_bytes <= crypto_generichash_BYTES_MAX);
  ensure_sodium();
  crypto_generichash_init(&st_, nullptr, 0, out_bytes);
  count_op(Op::kBlake2bCall);
  add(ByteSpan(reinterpret_cast<const std::uint8_t*>(domain.data()), domain.size()));
}

void Blake2b::raw(const void* data, std::size_t n) {
  count_op(Op::kBlake2bByte, n);
  crypto_generichash_update(&st_, static_cast<const unsigned char*>(data), n);
}

Blake2b& Blake2b::add_u64(std::uint64_t v) {
  unsigned char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
  raw(b, sizeof b);
  return *this;
}

Blake2b& Blake2b::add(ByteSpan part) {
  add_u64(part.size());
  raw(part.data(), part.size());
  return *this;
}

void Blake2b::finish(std::span<std::uint8_t> out) {
  SMPC_ASSERT(out.size() == out_bytes_);
  crypto_generichash_final(&st_, out.data(), out.size());
}

Sha512::Sha512() {
  ensure_sodium();
  crypto_hash_sha512_init(&st_);
  count_op(Op::kSha512Call);
}

Sha512& Sha512::add(ByteSpan part) {
  count_op(Op::kSha512Byte, part.size());
  crypto_hash_sha512_update(&st_, part.data(), part.size());
  return *this;
}

Sha512& Sha512::add(std::string_view text) {
  count_op(Op::kSha512Byte, text.size());
  crypto_hash_sha512_update(&st_, reinterpret_cast<const unsigned char*>(text.data()),
                            text.size());
  return *this;
}

std::array<std::uint8_t, 64> Sha512::finish() {
  std::array<std::uint8_t, 64> out;
  crypto_hash_sha512_final(&st_, out.data());
  return out;
}

}  // namespace smpc
