// Secure aggregation with dropouts ("secagg"): a server (party 0) and N clients on a star.
//
// Bonawitz, Ivanov, Kreuter, Marcedone, McMahan, Patel, Ramage, Segal, Seth, "Practical Secure
// Aggregation for Privacy-Preserving Machine Learning", ACM CCS 2017 (eprint 2017/281), Fig. 4,
// the semi-honest protocol (rounds 0, 1, 2 and 4; round 3, ConsistencyCheck, and the signatures
// belong to the actively secure variant, which is not built). Client u holds x_u ∈ Z_{2^k}^L.
//   Round 0 AdvertiseKeys. u draws two X25519 key pairs (c_u: for the AEAD channel keys, s_u:
//     for the pairwise masks) and sends (c_u^PK, s_u^PK). The server waits for them until the
//     round's deadline: U1 = the clients heard from; |U1| < t aborts. It sends everyone in U1
//     the list of U1's keys.
//   Round 1 ShareKeys. u draws the self-mask seed b_u, Shamir-shares b_u and s_u^SK t-of-|U1|
//     (5 chunks each over Mersenne-61, keys.h), and sends v ∈ U1 \ {u} the AEAD encryption,
//     under KA(c_u^SK, c_v^PK), of (u, v, b_{u,v}, s^SK_{u,v}) through the server. U2 = those
//     heard from (|U2| < t aborts); the server forwards to each v ∈ U2 the ciphertexts for it.
//   Round 2 MaskedInputCollection. u sends y_u = x_u + PRG(b_u) + Σ_{v ∈ U2\{u}} p_{u,v}, with
//     p_{u,v} = ±PRG(KA(s_u^SK, s_v^PK)), + when u > v and − when u < v, so pairs cancel.
//     U3 = those heard from (|U3| < t aborts); the server sends U3 to every client in it.
//   Round 4 Unmasking. u decrypts its ciphertexts and sends, for every v ∈ U2, its share of b_v
//     if v ∈ U3, else of s_v^SK. U5 = those heard from (|U5| < t aborts). The server
//     reconstructs each b_v (v ∈ U3) and s_v^SK (v ∈ U2 \ U3, checked against s_v^PK), and
//     outputs z = Σ_{U3} y_u − Σ_{U3} PRG(b_u) − Σ_{u ∈ U3, v ∈ U2\U3} p_{u,v} = Σ_{U3} x_u.
// Every round has a deadline (bgw/lockstep.h: start + r·Δ, Δ = round_timeout_s, seven one-way
// rounds), which is how the server tells a dropped client from a slow one: the synchrony
// assumption (spec.cpp checks a run's network against it).
//
// Who drops out when is the scenario's (ideal.h): a client that drops after round r returns
// after its round-r message and sends nothing more. Clients have no output; the server's is
// Σ_{U3} x_u mod 2^k, embedded as (Σ mod 2^k) · 2^(64-k) (ideal.h).
//
// SecAgg+ ("secagg_plus", Bell et al., eprint 2020/704) is the same code on a sparse graph
// (graph.h): "every v" above becomes "every neighbour v", each client's secrets are shared
// t-of-(k + 1) among its neighbours and itself, and each threshold applies to the clients left
// in a neighbourhood (N(u) ∪ {u}). With the complete graph it is exactly SecAgg.
//
// Cost: spec.cpp, secagg_cost (bytes per label, 7 rounds).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "protocols/core/protocol.h"
#include "protocols/secagg/graph.h"
#include "protocols/secagg/ideal.h"
#include "protocols/secagg/keys.h"

namespace smpc {

// Key agreements, mask expansions or reconstructions per thread slice of parallel_slices (each
// is ~30-60 µs, so smaller slices cost more in threads than they save); client and server.
inline constexpr std::size_t kSecAggMinSlice = 16;

class SecAgg final : public Protocol {
 public:
  // 1 <= threshold <= shape.clients; round_timeout_s > 0. The complete graph unless given.
  SecAgg(SecAggShape shape, int threshold, double round_timeout_s,
         std::shared_ptr<const SecAggGraph> graph = nullptr, std::string name = "secagg");

  std::string_view name() const override { return name_; }
  SecurityClaim claim(int parties) const override;
  const SecAggShape& shape() const { return shape_; }
  int threshold() const { return t_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  SecAggShape shape_;
  int t_;
  double round_timeout_s_;
  std::shared_ptr<const SecAggGraph> graph_;
  std::string name_;
};

SecurityClaim secagg_claim(int threshold, bool sparse = false);

// The run's fixed data: shape, threshold, Δ and graph.
struct SecAggSetup {
  const SecAggShape& s;
  int t;
  double delta;
  const SecAggGraph& g;
};

// Round-by-round steps, one seven-round lock-step schedule (secagg_client.cpp,
// secagg_server.cpp).
PartyOutput secagg_client(PartyContext& ctx, const SecAggSetup& setup,
                          const std::vector<std::uint64_t>& x);
PartyOutput secagg_server(PartyContext& ctx, const SecAggSetup& setup);

// Round 2's y_u = x_u + PRG(b_u) + Σ_i sign(u, peers[i])·PRG(seeds[i]) over Z_{2^64} (reduce
// mod 2^k when packing), seeds[i] = KA(s_u^SK, s^PK of peers[i]); x is padded to L values.
std::vector<std::uint64_t> secagg_masked_input(const std::vector<std::uint64_t>& x, std::size_t L,
                                               const Key32& b, std::size_t u,
                                               const std::vector<std::size_t>& peers,
                                               const std::vector<Key32>& seeds);

// Shared pieces of both sides.
// KA domains: the AEAD channel key and the pairwise mask seed.
inline constexpr std::string_view kSecAggChannelDomain = "smpc-testbed secagg v1 channel key";
inline constexpr std::string_view kSecAggMaskDomain = "smpc-testbed secagg v1 mask seed";
// Plaintext of a share ciphertext: u, v (4 bytes each), 5 + 5 chunks (8 bytes each).
inline constexpr std::size_t kSecAggSharePlain = 8 + 16 * kSecretChunks;
inline constexpr std::size_t kSecAggShareSealed = kSecAggSharePlain + kAeadTagBytes;
// acc += sign · PRG(seed) word by word (mod 2^64); sign is 1 or -1 (as 2^64 - 1).
void secagg_add_prg(const Key32& seed, std::uint64_t sign, std::span<std::uint64_t> acc);
// L values of k bits, packed little-endian (ceil(L·k / 8) bytes), and back.
Bytes secagg_pack(std::span<const std::uint64_t> values, unsigned bits);
std::vector<std::uint64_t> secagg_unpack(ByteSpan bytes, std::size_t count, unsigned bits);
// The sign of p_{u,v} in y_u: +1 when u > v, else -1 (as 2^64 - 1).
inline std::uint64_t secagg_sign(std::size_t u, std::size_t v) {
  return u > v ? 1 : ~std::uint64_t{0};
}

}  // namespace smpc
