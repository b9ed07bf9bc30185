// The server's side of Bonawitz et al., Fig. 4 (secagg.h), one function per round.
#include <algorithm>
#include <atomic>
#include <iterator>
#include <string>

#include "protocols/bgw/lockstep.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/abort.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/parallel.h"
#include "protocols/secagg/labels.h"
#include "protocols/secagg/secagg.h"

namespace smpc {
namespace {

struct Server {
  const SecAggShape& s;
  int t;
  const SecAggGraph& g;
  LockstepNet net;
  std::vector<std::size_t> u1{}, u2{}, u3{}, u5{};
  std::vector<Key32> c_pk{}, s_pk{};            // by client id
  std::vector<Bytes> sealed{};                // round-1 ciphertexts of each u of U2, by id
  std::vector<std::vector<std::uint64_t>> y{};  // masked inputs of U3, by id
  std::vector<std::vector<Fp61>> shares{};      // round-4 shares of each u of U5, by id
  // By id: (N(u) ∪ {u}) ∩ U1, and ∩ U2 (whose secrets u's round-4 shares are, in this order).
  std::vector<std::vector<std::size_t>> near1{}, near2{};

  [[noreturn]] void fail(const std::string& what, std::vector<PartyId> blamed = {},
                         AbortKind kind = AbortKind::kCheckFailed) {
    throw Abort("secagg server: " + what, std::move(blamed), kind);
  }
  void need_threshold(std::size_t n, const char* set) {
    if (n < static_cast<std::size_t>(t))
      fail(std::string(set) + " holds " + std::to_string(n) + " clients, fewer than t = " +
           std::to_string(t));
  }
  // Client u's message of this round, or nullopt: it dropped out (or missed the deadline).
  std::optional<Message> from(std::size_t u) { return net.recv(static_cast<PartyId>(u)); }
  // The ids of `ids` that are in the sorted set `in`.
  static std::vector<std::size_t> meet(const std::vector<std::size_t>& ids,
                                       const std::vector<std::size_t>& in) {
    std::vector<std::size_t> out;
    std::set_intersection(ids.begin(), ids.end(), in.begin(), in.end(), std::back_inserter(out));
    return out;
  }
  [[noreturn]] void malformed(std::size_t u, const char* label) {
    fail(std::string("malformed ") + label + " from client " + std::to_string(u),
         {static_cast<PartyId>(u)}, AbortKind::kMalformed);
  }
};

// Round 0: the clients' keys (U1), then U1's keys to each of U1.
void collect_keys(Server& k) {
  k.net.begin_round();
  k.c_pk.assign(k.s.clients + 1, Key32{});
  k.s_pk.assign(k.s.clients + 1, Key32{});
  for (std::size_t u = 1; u <= k.s.clients; ++u) {
    const auto m = k.from(u);
    if (!m) continue;
    if (m->parts().size() != 1 || m->parts()[0].kind != ElementKind::kPoint ||
        m->parts()[0].count != 2)
      k.malformed(u, labels::secagg::kAdvertise.data());
    const auto& d = m->parts()[0].data;
    std::copy_n(d.begin(), 32, k.c_pk[u].begin());
    std::copy_n(d.begin() + 32, 32, k.s_pk[u].begin());
    k.u1.push_back(u);
  }
  k.need_threshold(k.u1.size(), "U1");
  k.net.begin_round();
  k.near1.assign(k.s.clients + 1, {});
  for (std::size_t u : k.u1) {
    k.near1[u] = Server::meet(secagg_holders(k.g, u), k.u1);
    const std::vector<std::uint64_t> ids(k.near1[u].begin(), k.near1[u].end());
    std::vector<Key32> keys;
    for (std::size_t v : k.near1[u]) {
      keys.push_back(k.c_pk[v]);
      keys.push_back(k.s_pk[v]);
    }
    k.net.send(static_cast<PartyId>(u), labels::secagg::kKeys,
               Message().add_ring64(ids).add_points(keys));
  }
}

// Round 1: each client's ciphertexts for U1 \ {u} (U2), then to each v of U2 the ones for it.
void forward_shares(Server& k) {
  k.net.begin_round();
  k.sealed.assign(k.s.clients + 1, Bytes{});
  for (std::size_t u : k.u1) {
    const auto m = k.from(u);
    if (!m) continue;
    std::vector<std::uint64_t> expected;
    for (std::size_t v : k.near1[u])
      if (v != u) expected.push_back(v);
    const std::size_t n = expected.size();
    if (m->parts().size() != 2 || m->parts()[0].kind != ElementKind::kRing64 ||
        m->parts()[0].count != n || m->parts()[1].kind != ElementKind::kByte ||
        m->parts()[1].data.size() != kSecAggShareSealed * n || m->ring64(0, n) != expected)
      k.malformed(u, labels::secagg::kShares.data());
    k.sealed[u] = m->parts()[1].data;
    k.u2.push_back(u);
  }
  k.need_threshold(k.u2.size(), "U2");
  k.net.begin_round();
  // Position of v among the recipients of u: v's place in near1[u] without u.
  const auto slot = [&](std::size_t u, std::size_t v) {
    const auto& r = k.near1[u];
    const auto at = static_cast<std::size_t>(std::lower_bound(r.begin(), r.end(), v) - r.begin());
    return at - (u < v ? 1 : 0);
  };
  k.near2.assign(k.s.clients + 1, {});
  for (std::size_t v : k.u2) {
    k.near2[v] = Server::meet(k.near1[v], k.u2);
    std::vector<std::uint64_t> senders;
    Bytes data;
    for (std::size_t u : k.near2[v]) {
      if (u == v) continue;
      const auto at = k.sealed[u].begin() + static_cast<std::ptrdiff_t>(kSecAggShareSealed * slot(u, v));
      data.insert(data.end(), at, at + static_cast<std::ptrdiff_t>(kSecAggShareSealed));
      senders.push_back(u);
    }
    k.net.send(static_cast<PartyId>(v), labels::secagg::kForward,
               Message().add_ring64(senders).add_bytes(data));
  }
}

// Round 2: the masked inputs (U3), then U3 to each of U3.
void collect_masked(Server& k) {
  k.net.begin_round();
  k.y.assign(k.s.clients + 1, {});
  const std::size_t bytes = (k.s.length * k.s.bits + 7) / 8;
  for (std::size_t u : k.u2) {
    const auto m = k.from(u);
    if (!m) continue;
    if (m->parts().size() != 1 || m->parts()[0].kind != ElementKind::kByte ||
        m->parts()[0].data.size() != bytes)
      k.malformed(u, labels::secagg::kMasked.data());
    k.y[u] = secagg_unpack(m->parts()[0].data, k.s.length, k.s.bits);
    k.u3.push_back(u);
  }
  k.need_threshold(k.u3.size(), "U3");
  k.net.begin_round();
  // M44: the server announces U3 without its last member, which the clients then treat as
  // dropped: the output is the exact sum over the wrong set.
  const auto received = k.u3;
  if (mutant_active(Mutant::kM44) && k.u3.size() > 1) k.u3.pop_back();
  for (std::size_t u : received) {
    const auto near = Server::meet(k.near2[u], k.u3);
    const std::vector<std::uint64_t> ids(near.begin(), near.end());
    k.net.send(static_cast<PartyId>(u), labels::secagg::kSurvivors, Message().add_ring64(ids));
  }
}

// Round 4: the shares (U5).
void collect_unmask(Server& k) {
  k.net.begin_round();
  k.shares.assign(k.s.clients + 1, {});
  for (std::size_t u : k.u3) {
    const auto m = k.from(u);
    if (!m) continue;
    const std::size_t count = kSecretChunks * k.near2[u].size();
    if (m->parts().size() != 1 || m->parts()[0].kind != ElementKind::kField61 ||
        m->parts()[0].count != count)
      k.malformed(u, labels::secagg::kUnmask.data());
    k.shares[u] = m->field61(0, count);
    k.u5.push_back(u);
  }
  k.need_threshold(k.u5.size(), "U5");
}

// Client v's secret from the first t of its holders in U5 (N(v) ∪ {v}: all of U5 for SecAgg).
Key32 reconstruct(Server& k, std::size_t v) {
  auto holders = Server::meet(k.near2[v], k.u5);
  if (holders.size() < static_cast<std::size_t>(k.t))
    k.fail("only " + std::to_string(holders.size()) + " holders of client " + std::to_string(v) +
           "'s shares answered, fewer than t = " + std::to_string(k.t));
  holders.resize(static_cast<std::size_t>(k.t));
  std::vector<PartyId> points;
  for (std::size_t h : holders) points.push_back(static_cast<PartyId>(h - 1));
  const auto lagrange = lagrange_table<Fp61>(points);  // cached per holder set
  SecretChunks chunks;
  for (std::size_t c = 0; c < kSecretChunks; ++c) {
    Fp61 acc;
    for (std::size_t i = 0; i < holders.size(); ++i) {
      const auto& near = k.near2[holders[i]];
      const auto at = static_cast<std::size_t>(std::lower_bound(near.begin(), near.end(), v) - near.begin());
      acc += (*lagrange)[i] * k.shares[holders[i]][kSecretChunks * at + c];
    }
    chunks[c] = acc;
  }
  const auto secret = secret_of_chunks(chunks);
  if (!secret) k.fail("the shares of client " + std::to_string(v) + "'s secret are inconsistent");
  return *secret;
}

// Σ_{u ∈ U3 ∩ N(v)} ±PRG(s_{u,v}) for a dropped v: the masks its survivors added for it.
void remove_pair_masks(Server& k, std::size_t v, const Key32& s_sk, std::span<std::uint64_t> z) {
  if (x25519_public(s_sk) != k.s_pk[v])
    k.fail("the reconstructed s^SK of client " + std::to_string(v) + " does not match its s^PK");
  const auto survivors = Server::meet(k.g[v], k.u3);
  const std::size_t L = k.s.length;
  std::vector<std::vector<std::uint64_t>> part(kMaxParallelSlices, std::vector<std::uint64_t>(L, 0));
  std::vector<char> bad(survivors.size(), 0);
  std::atomic<std::size_t> next{0};
  parallel_slices(survivors.size(), kSecAggMinSlice, [&](std::size_t lo, std::size_t hi) {
    auto& acc = part[next.fetch_add(1)];
    for (std::size_t j = lo; j < hi; ++j) {
      const std::size_t u = survivors[j];
      const auto seed = x25519_agree(s_sk, k.s_pk[u], kSecAggMaskDomain);
      if (!seed) { bad[j] = 1; continue; }
      // y_u holds +sign(u, v)·PRG(s_{u,v}); subtract it.
      secagg_add_prg(*seed, ~secagg_sign(u, v) + 1, acc);
    }
  });
  for (std::size_t j = 0; j < bad.size(); ++j)
    if (bad[j]) k.fail("client " + std::to_string(survivors[j]) + "'s public key is of small order");
  for (const auto& p : part)
    for (std::size_t j = 0; j < L; ++j) z[j] += p[j];
}

// The output: Σ_{U3} y_u minus the self masks of U3 and the pair masks with U2 \ U3.
PartyOutput unmask_sum(Server& k) {
  std::vector<std::uint64_t> z(k.s.length, 0);
  for (std::size_t u : k.u3)
    for (std::size_t j = 0; j < z.size(); ++j) z[j] += k.y[u][j];
  for (std::size_t v : k.u2) {
    const Key32 secret = reconstruct(k, v);
    if (std::binary_search(k.u3.begin(), k.u3.end(), v)) {
      if (!mutant_active(Mutant::kM43)) secagg_add_prg(secret, ~std::uint64_t{0}, z);
    } else {
      remove_pair_masks(k, v, secret, z);
    }
  }
  PartyOutput out;
  for (std::uint64_t v : z) out.values.push_back((v & secagg_mask(k.s.bits)) * secagg_scale(k.s.bits));
  return out;
}

}  // namespace

PartyOutput secagg_server(PartyContext& ctx, const SecAggSetup& setup) {
  Server k{setup.s, setup.t, setup.g, LockstepNet(ctx, setup.delta)};
  collect_keys(k);
  forward_shares(k);
  collect_masked(k);
  collect_unmask(k);
  return unmask_sum(k);
}

}  // namespace smpc
