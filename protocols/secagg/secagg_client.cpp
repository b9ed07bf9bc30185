// The client's side of Bonawitz et al., Fig. 4 (secagg.h), one function per round.
#include <algorithm>
#include <atomic>
#include <string>
#include <unordered_map>

#include "protocols/bgw/lockstep.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/abort.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/parallel.h"
#include "protocols/secagg/labels.h"
#include "protocols/secagg/secagg.h"

namespace smpc {
namespace {

struct Client {
  const SecAggShape& s;
  int t;
  const SecAggGraph& g;
  LockstepNet net;
  std::size_t u;  // my id, 1 .. N
  X25519Pair c{}, sk{};
  // My view of U1 and U2: the clients of N(u) ∪ {u} in them (all of them for SecAgg).
  std::vector<std::size_t> u1{}, u2{};
  // By client id, for my neighbourhood only (vectors over all N ids were 120 B per pair of
  // clients: 12 GB at 10,000 clients for SecAgg+, whose neighbourhoods are k + 1).
  std::unordered_map<std::size_t, Key32> c_pk{}, s_pk{};  // of each v of U1
  std::unordered_map<std::size_t, Key32> channel{};       // AE key with each v of U1
  Key32 b{};
  std::unordered_map<std::size_t, Bytes> inbox{};         // ciphertext from each v of U2

  // Everything a client receives comes from the server (it relays the other clients' keys and
  // ciphertexts), so a client's abort blames the server.
  [[noreturn]] void fail(const std::string& what, AbortKind kind = AbortKind::kCheckFailed) {
    throw Abort("secagg client " + std::to_string(u) + ": " + what, {0}, kind);
  }
  Message from_server() {
    auto m = net.recv(0);
    if (!m) fail("no message from the server by the round's deadline", AbortKind::kTimeout);
    return std::move(*m);
  }
  // A list of client ids: strictly increasing within 1 .. N.
  std::vector<std::size_t> read_ids(const Message& m, std::size_t part, const char* what) {
    if (m.parts().size() <= part || m.parts()[part].kind != ElementKind::kRing64)
      fail(std::string("malformed ") + what, AbortKind::kMalformed);
    const auto raw = m.ring64(part, m.parts()[part].count);
    std::vector<std::size_t> ids;
    for (std::uint64_t v : raw) {
      if (v < 1 || v > s.clients || (!ids.empty() && v <= ids.back()))
        fail(std::string("bad client list in ") + what, AbortKind::kMalformed);
      ids.push_back(static_cast<std::size_t>(v));
    }
    return ids;
  }
  void need_threshold(std::size_t n, const char* set) {
    if (n < static_cast<std::size_t>(t))
      fail(std::string(set) + " holds " + std::to_string(n) + " clients, fewer than t = " +
           std::to_string(t));
  }
};

// Where id v is in a sorted id list (it is there).
std::size_t position(const std::vector<std::size_t>& ids, std::size_t v) {
  return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), v) - ids.begin());
}

// Shamir shares of `secrets` (degree `degree`) for the clients `to` only, drawing exactly what
// shamir_share_each draws (bgw/shamir.h): out[i · m + j] = f_j(α_{to[i]}), m = secrets.size().
void shamir_share_at(const std::vector<Fp61>& secrets, int degree, std::size_t clients,
                     const std::vector<std::size_t>& to, Rng& rng, std::vector<Fp61>& out) {
  const auto powers = shamir_powers<Fp61>(static_cast<int>(clients), degree);
  const auto d = static_cast<std::size_t>(shamir_dealing_degree(degree));
  const std::size_t m = secrets.size();
  std::vector<Fp61> coeff(m * d);
  for (auto& c : coeff) c = rng.uniform_fp61();
  out.assign(to.size() * m, Fp61());
  parallel_slices(to.size(), 64, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i)
      for (std::size_t j = 0; j < m; ++j)
        out[i * m + j] = dot_product<Fp61>(std::span<const Fp61>(coeff).subspan(j * d, d),
                                           powers->row(static_cast<PartyId>(to[i] - 1)).first(d),
                                           secrets[j]);
  });
}

// Round 0 (AdvertiseKeys), then the server's list of U1 and its keys.
void advertise(Client& k) {
  k.net.begin_round();
  k.c = x25519_pair(k.net.rng());
  k.sk = x25519_pair(k.net.rng());
  const std::array<Key32, 2> mine = {k.c.pk, k.sk.pk};
  k.net.send(0, labels::secagg::kAdvertise, Message().add_points(mine));
}

void read_keys(Client& k) {
  k.net.begin_round();
  const Message m = k.from_server();
  k.u1 = k.read_ids(m, 0, labels::secagg::kKeys.data());
  if (m.parts().size() != 2 || m.parts()[1].kind != ElementKind::kPoint ||
      m.parts()[1].count != 2 * k.u1.size() ||
      !std::binary_search(k.u1.begin(), k.u1.end(), k.u))
    k.fail("malformed secagg.keys", AbortKind::kMalformed);
  for (std::size_t v : k.u1)
    if (v != k.u && !std::binary_search(k.g[k.u].begin(), k.g[k.u].end(), v))
      k.fail("secagg.keys names client " + std::to_string(v) + ", not a neighbour",
             AbortKind::kMalformed);
  k.need_threshold(k.u1.size(), "U1");
  k.c_pk.clear();
  k.s_pk.clear();
  const auto& data = m.parts()[1].data;
  for (std::size_t i = 0; i < k.u1.size(); ++i) {
    std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(64 * i), 32, k.c_pk[k.u1[i]].begin());
    std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(64 * i + 32), 32,
                k.s_pk[k.u1[i]].begin());
  }
}

// KA with each of `peers` (parallel; results independent of the split), abort on a bad key.
std::vector<Key32> agree_all(Client& k, const Key32& sk,
                             const std::unordered_map<std::size_t, Key32>& pks,
                             const std::vector<std::size_t>& peers, std::string_view domain) {
  std::vector<std::optional<Key32>> keys(peers.size());
  parallel_slices(peers.size(), kSecAggMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) keys[i] = x25519_agree(sk, pks.at(peers[i]), domain);
  });
  std::vector<Key32> out(peers.size());
  for (std::size_t i = 0; i < peers.size(); ++i) {
    if (!keys[i]) k.fail("client " + std::to_string(peers[i]) + "'s public key is of small order");
    out[i] = *keys[i];
  }
  return out;
}

std::vector<std::size_t> others(const std::vector<std::size_t>& ids, std::size_t me) {
  std::vector<std::size_t> out;
  for (std::size_t v : ids)
    if (v != me) out.push_back(v);
  return out;
}

// Round 1 (ShareKeys): b_u, the shares of b_u and s_u^SK, one ciphertext per v of U1 \ {u}.
void share_keys(Client& k) {
  k.net.begin_round();
  k.net.rng().fill(k.b);
  const SecretChunks bc = secret_chunks(k.b), sc = secret_chunks(k.sk.sk);
  std::vector<Fp61> secrets(bc.begin(), bc.end());
  secrets.insert(secrets.end(), sc.begin(), sc.end());
  // Shamir point of client v: α = v (party index v - 1); degree t - 1, so t shares open it.
  // Only U1's holders of my secrets (N(u) ∪ {u}) get one: shares[i · 10 + j] for k.u1[i].
  std::vector<Fp61> shares;
  shamir_share_at(secrets, k.t - 1, k.s.clients, k.u1, k.net.rng(), shares);
  const auto peers = others(k.u1, k.u);
  const auto keys = agree_all(k, k.c.sk, k.c_pk, peers, kSecAggChannelDomain);
  k.channel.clear();
  std::vector<std::uint64_t> ids;
  Bytes sealed;
  for (std::size_t i = 0; i < peers.size(); ++i) {
    const std::size_t v = peers[i];
    k.channel[v] = keys[i];
    ByteWriter w;
    w.u32(static_cast<std::uint32_t>(k.u));
    w.u32(static_cast<std::uint32_t>(v));
    const std::size_t at = position(k.u1, v) * secrets.size();
    for (std::size_t j = 0; j < secrets.size(); ++j) w.u64(shares[at + j].value());
    const Bytes e = aead_seal(keys[i], static_cast<std::uint32_t>(k.u),
                              static_cast<std::uint32_t>(v), w.take());
    sealed.insert(sealed.end(), e.begin(), e.end());
    ids.push_back(v);
  }
  // My own shares stay with me, as the ciphertext I would have sent myself.
  k.inbox.clear();
  ByteWriter own;
  const std::size_t mine = position(k.u1, k.u) * secrets.size();
  for (std::size_t j = 0; j < secrets.size(); ++j) own.u64(shares[mine + j].value());
  k.inbox[k.u] = own.take();
  k.net.send(0, labels::secagg::kShares, Message().add_ring64(ids).add_bytes(sealed));
}

// The server's forward of round 1: U2 \ {u} and their ciphertexts for me.
void read_forward(Client& k) {
  k.net.begin_round();
  const Message m = k.from_server();
  const auto senders = k.read_ids(m, 0, labels::secagg::kForward.data());
  if (m.parts().size() != 2 || m.parts()[1].kind != ElementKind::kByte ||
      m.parts()[1].data.size() != kSecAggShareSealed * senders.size())
    k.fail("malformed secagg.forward", AbortKind::kMalformed);
  const auto& data = m.parts()[1].data;
  k.u2.clear();
  for (std::size_t i = 0; i < senders.size(); ++i) {
    const std::size_t v = senders[i];
    if (v == k.u || !std::binary_search(k.u1.begin(), k.u1.end(), v))
      k.fail("secagg.forward names client " + std::to_string(v) + ", not a neighbour in U1",
             AbortKind::kMalformed);
    const auto at = data.begin() + static_cast<std::ptrdiff_t>(kSecAggShareSealed * i);
    k.inbox[v] = Bytes(at, at + static_cast<std::ptrdiff_t>(kSecAggShareSealed));
    k.u2.push_back(v);
  }
  k.u2.insert(std::lower_bound(k.u2.begin(), k.u2.end(), k.u), k.u);
  k.need_threshold(k.u2.size(), "U2");
}

// Round 2 (MaskedInputCollection): y_u = x_u + PRG(b_u) + Σ_{v ∈ U2\{u}} ±PRG(s_{u,v}).
void send_masked(Client& k, const std::vector<std::uint64_t>& x) {
  k.net.begin_round();
  const auto peers = others(k.u2, k.u);
  const auto seeds = agree_all(k, k.sk.sk, k.s_pk, peers, kSecAggMaskDomain);
  const auto y = secagg_masked_input(x, k.s.length, k.b, k.u, peers, seeds);
  k.net.send(0, labels::secagg::kMasked, Message().add_bytes(secagg_pack(y, k.s.bits)));
}

// Round 4 (Unmasking): U3 from the server, then my share of b_v (v ∈ U3) or of s_v^SK
// (v ∈ U2 \ U3) for every v of U2, from the ciphertexts of round 1.
void unmask(Client& k) {
  k.net.begin_round();
  const Message m = k.from_server();
  const auto u3 = k.read_ids(m, 0, labels::secagg::kSurvivors.data());
  for (std::size_t v : u3)
    if (!std::binary_search(k.u2.begin(), k.u2.end(), v))
      k.fail("U3 names client " + std::to_string(v) + ", not in U2", AbortKind::kMalformed);
  k.need_threshold(u3.size(), "U3");
  k.net.begin_round();
  std::vector<Fp61> out;
  for (std::size_t v : k.u2) {
    Bytes plain = k.inbox[v];
    if (v != k.u) {
      auto opened = aead_open(k.channel[v], static_cast<std::uint32_t>(v),
                              static_cast<std::uint32_t>(k.u), plain);
      if (!opened) k.fail("the ciphertext from client " + std::to_string(v) + " does not verify");
      ByteReader r(*opened);
      if (r.u32() != v || r.u32() != k.u) k.fail("the ciphertext from client " + std::to_string(v) + " names other clients");
      plain = r.raw(r.remaining());
    }
    ByteReader r(plain);
    std::vector<Fp61> chunks;
    for (std::size_t j = 0; j < 2 * kSecretChunks; ++j) chunks.push_back(r.fp61());
    if (!r.at_end()) k.fail("malformed shares from client " + std::to_string(v));
    const bool survived = std::binary_search(u3.begin(), u3.end(), v);
    const auto first = chunks.begin() + (survived ? 0 : static_cast<std::ptrdiff_t>(kSecretChunks));
    out.insert(out.end(), first, first + static_cast<std::ptrdiff_t>(kSecretChunks));
  }
  k.net.send(0, labels::secagg::kUnmask, Message().add_field61(out));
}

}  // namespace

std::vector<std::uint64_t> secagg_masked_input(const std::vector<std::uint64_t>& x, std::size_t L,
                                               const Key32& b, std::size_t u,
                                               const std::vector<std::size_t>& peers,
                                               const std::vector<Key32>& seeds) {
  std::vector<std::uint64_t> y(x.begin(), x.end());
  y.resize(L, 0);
  // M43: the client forgets its self mask (and the server, built alike, never removes it).
  if (!mutant_active(Mutant::kM43)) secagg_add_prg(b, 1, y);
  // Per-slice sums, added afterwards: addition mod 2^64 does not care about the split.
  std::vector<std::vector<std::uint64_t>> part(kMaxParallelSlices, std::vector<std::uint64_t>(L, 0));
  std::atomic<std::size_t> next{0};
  parallel_slices(peers.size(), kSecAggMinSlice, [&](std::size_t lo, std::size_t hi) {
    auto& acc = part[next.fetch_add(1)];
    for (std::size_t i = lo; i < hi; ++i) secagg_add_prg(seeds[i], secagg_sign(u, peers[i]), acc);
  });
  for (const auto& p : part)
    for (std::size_t j = 0; j < L; ++j) y[j] += p[j];
  return y;
}

PartyOutput secagg_client(PartyContext& ctx, const SecAggSetup& setup,
                          const std::vector<std::uint64_t>& x) {
  const SecAggShape& s = setup.s;
  Client k{s, setup.t, setup.g, LockstepNet(ctx, setup.delta),
           static_cast<std::size_t>(ctx.net.self())};
  const std::size_t u = k.u;
  // A client that drops out after round r returns right after its round-r message.
  advertise(k);
  if (!s.active_in(u, 1)) return {};
  read_keys(k);
  share_keys(k);
  if (!s.active_in(u, 2)) return {};
  read_forward(k);
  send_masked(k, x);
  if (!s.active_in(u, 4)) return {};
  unmask(k);
  return {};
}

}  // namespace smpc
