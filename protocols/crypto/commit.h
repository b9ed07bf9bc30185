// Hash commitments: c = BLAKE2b-256("smpc-commit/v1" ‖ session ‖ committer ‖ value ‖ r) with
// 32 uniformly random bytes r. Binding by collision resistance, hiding because r is uniform
// (BLAKE2b as a random oracle). The commitment is bound to the committing party and the
// session, so one party's commitment cannot be replayed as another's, nor across sessions.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"

namespace smpc {

using Digest = std::array<std::uint8_t, 32>;

struct Opening {
  Bytes value;
  std::array<std::uint8_t, 32> randomness{};
};

struct CommitContext {
  std::string_view session;  // protocol instance, e.g. "spdz.maccheck/3"
  PartyId committer = 0;
};

Digest commit(const CommitContext& ctx, ByteSpan value, const std::array<std::uint8_t, 32>& r);
// Draws fresh randomness from rng and returns the commitment and its opening.
std::pair<Digest, Opening> commit(const CommitContext& ctx, ByteSpan value, Rng& rng);
// Constant-time comparison of the recomputed commitment.
bool verify_commitment(const CommitContext& ctx, const Digest& c, const Opening& opening);

}  // namespace smpc
