#include "protocols/crypto/commit.h"

#include <sodium.h>

#include <algorithm>

#include "protocols/core/mutants.h"

namespace smpc {

Digest commit(const CommitContext& ctx, ByteSpan value, const std::array<std::uint8_t, 32>& r) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  static constexpr char kDomain[] = "smpc-commit/v1";
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kDomain), sizeof kDomain);
  // Length-prefix the variable fields so (session, value) pairs cannot be re-split.
  const auto put_len = [&st](std::uint64_t n) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(n >> (8 * i));
    crypto_generichash_update(&st, b, sizeof b);
  };
  // M02: the session and the committer are left out, so a commitment can be replayed as
  // another party's or in another session.
  const bool bound = !mutant_active(Mutant::kM02);
  const std::string_view session = bound ? ctx.session : std::string_view();
  put_len(session.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(session.data()),
                            session.size());
  put_len(bound ? static_cast<std::uint64_t>(static_cast<std::uint32_t>(ctx.committer)) : 0);
  put_len(value.size());
  crypto_generichash_update(&st, value.data(), value.size());
  crypto_generichash_update(&st, r.data(), r.size());
  Digest d{};
  crypto_generichash_final(&st, d.data(), d.size());
  return d;
}

std::pair<Digest, Opening> commit(const CommitContext& ctx, ByteSpan value, Rng& rng) {
  Opening o;
  o.value.assign(value.begin(), value.end());
  rng.fill(o.randomness);
  // M32 (seeded bug): 8 bits of randomness, so commitments to a small value space can be
  // opened by brute force over (value, r).
  if (mutant_active(Mutant::kM32)) std::fill(o.randomness.begin() + 1, o.randomness.end(), 0);
  return {commit(ctx, value, o.randomness), o};
}

bool verify_commitment(const CommitContext& ctx, const Digest& c, const Opening& opening) {
  const Digest d = commit(ctx, opening.value, opening.randomness);
  return sodium_memcmp(d.data(), c.data(), d.size()) == 0;
}

}  // namespace smpc
