#include "protocols/vote/ballot.h"

#include <cstring>
#include <string_view>

#include "protocols/core/mutants.h"
#include "protocols/crypto/ristretto_msm.h"

namespace smpc::vote {
namespace {

std::vector<Scalar> random_polynomial(Scalar constant, int degree, Rng& rng) {
  std::vector<Scalar> p{constant};
  for (int m = 1; m <= degree; ++m) p.push_back(Scalar::random(rng));
  return p;
}

std::vector<RistrettoPoint> commit_all(const std::vector<Scalar>& v, const std::vector<Scalar>& r,
                                       std::size_t from) {
  std::vector<RistrettoPoint> out;
  for (std::size_t m = from; m < v.size(); ++m) out.push_back(pedersen_commit(v[m], r[m]));
  return out;
}

void put(Bytes& out, const std::array<std::uint8_t, 32>& b) { out.insert(out.end(), b.begin(), b.end()); }

std::array<std::uint8_t, 32> take(ByteSpan in, std::size_t& at) {
  std::array<std::uint8_t, 32> b{};
  std::memcpy(b.data(), in.data() + at, 32);
  at += 32;
  return b;
}

// `count` points from `in` at `at`; nullopt for a non-canonical one, or an identity when
// `nonzero` (an honest commitment is the identity with probability 2^-252).
std::optional<std::vector<RistrettoPoint>> points(ByteSpan in, std::size_t& at, int count,
                                                  bool nonzero) {
  std::vector<RistrettoPoint> out;
  for (int i = 0; i < count; ++i) {
    const auto p = RistrettoPoint::decode(take(in, at));
    if (!p || (nonzero && p->is_identity())) return std::nullopt;
    out.push_back(*p);
  }
  return out;
}

}  // namespace

Bytes bit_proof_context(const ElectionContext& e, int voter, int candidate) {
  constexpr std::string_view kTag = "smpc-vote-ballot/2";
  Bytes out(kTag.begin(), kTag.end());
  for (const int x : {e.servers, e.t, e.candidates, e.one_of_k ? 1 : 0, voter, candidate})
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(x) >> (8 * k)));
  return out;
}

int failing_bit_proof(const BallotPost& post, const ElectionContext& e, int voter) {
  for (std::size_t i = 0; i < post.c.size(); ++i)
    if (!verify_bit_proof(post.c[i][0], post.proof[i],
                          bit_proof_context(e, voter, static_cast<int>(i))))
      return static_cast<int>(i);
  return -1;
}

std::vector<int> failing_bit_proofs(const std::vector<const BallotPost*>& posts,
                                    const std::vector<int>& voters, const ElectionContext& e,
                                    const std::array<std::uint8_t, 32>& seed) {
  SMPC_ASSERT(posts.size() == voters.size());
  std::vector<Bytes> contexts;
  std::vector<std::pair<std::size_t, int>> entry;  // statement -> (post, entry)
  for (std::size_t n = 0; n < posts.size(); ++n)
    for (std::size_t i = 0; i < posts[n]->c.size(); ++i) {
      contexts.push_back(bit_proof_context(e, voters[n], static_cast<int>(i)));
      entry.emplace_back(n, static_cast<int>(i));
    }
  std::vector<BitStatement> st;
  for (std::size_t at = 0; at < entry.size(); ++at) {
    const auto& [n, i] = entry[at];
    const auto k = static_cast<std::size_t>(i);
    st.push_back({&posts[n]->c[k][0], &posts[n]->proof[k], contexts[at]});
  }
  const std::vector<bool> ok = verify_bit_proofs_batch(st, seed);
  std::vector<int> out(posts.size(), -1);
  for (std::size_t at = 0; at < entry.size(); ++at)
    if (!ok[at] && out[entry[at].first] < 0) out[entry[at].first] = entry[at].second;
  return out;
}

Dealing deal_ballot(const std::vector<std::uint64_t>& ballot, const ElectionContext& ec,
                    int voter, Rng& rng) {
  const int t = ec.t, servers = ec.servers;
  Dealing d;
  d.shares.assign(static_cast<std::size_t>(servers), ShareSet(ballot.size()));
  const Scalar one = Scalar::from_u64(1);
  for (std::size_t i = 0; i < ballot.size(); ++i) {
    const Scalar b = Scalar::from_u64(ballot[i]);
    const auto f = random_polynomial(b, t, rng), g = random_polynomial(Scalar::random(rng), t, rng);
    const auto c = random_polynomial(b * (b - one), t, rng);
    const auto gamma = random_polynomial(Scalar::random(rng), t, rng);
    // D = f·(f − 1) − c, degree 2t, D(0) = 0 for an honest dealer.
    auto f_minus_1 = f;
    f_minus_1[0] = f_minus_1[0] - one;
    auto dpoly = multiply_polynomials(f, f_minus_1);
    for (std::size_t m = 0; m < c.size(); ++m) dpoly[m] = dpoly[m] - c[m];
    const auto e = random_polynomial(Scalar::from_u64(0), 2 * t, rng);
    d.post.c.push_back(commit_all(f, g, 0));
    d.post.f.push_back(commit_all(c, gamma, 0));
    d.post.e.push_back(commit_all(dpoly, e, 1));
    // A non-bit's proof is the prover's for b mod 2 with C − (b − b mod 2)·G unaccounted for:
    // the honest algorithm on a ballot it should not have been given, so it fails.
    const RistrettoPoint c_bit =
        d.post.c.back()[0] - RistrettoPoint::base_mul_any(Scalar::from_u64(ballot[i] - ballot[i] % 2));
    const BitProof p = prove_bit(c_bit, ballot[i] % 2 == 1, g[0],
                                 bit_proof_context(ec, voter, static_cast<int>(i)), rng);
    d.post.proof.push_back(p);
    for (int j = 0; j < servers; ++j) {
      const std::uint64_t a = server_point(j);
      d.shares[static_cast<std::size_t>(j)][i] = {
          evaluate_polynomial(f, a), evaluate_polynomial(g, a),     evaluate_polynomial(c, a),
          evaluate_polynomial(gamma, a), evaluate_polynomial(dpoly, a), evaluate_polynomial(e, a)};
    }
  }
  return d;
}

Bytes encode_commitments(const BallotPost& post) {
  Bytes out;
  for (std::size_t i = 0; i < post.c.size(); ++i) {
    for (const auto& p : post.c[i]) put(out, p.bytes());
    for (const auto& p : post.f[i]) put(out, p.bytes());
    for (const auto& p : post.e[i]) put(out, p.bytes());
  }
  return out;
}

Bytes encode_post(const BallotPost& post) {
  Bytes out = encode_commitments(post);
  for (const auto& p : post.proof) {
    const auto proof = encode_bit_proof(p);
    out.insert(out.end(), proof.begin(), proof.end());
  }
  return out;
}

std::optional<BallotPost> decode_post(ByteSpan in, int candidates, int t) {
  const std::size_t per = static_cast<std::size_t>(4 * t + 2) * 32 + kBitProofBytes;
  if (candidates < 1 || in.size() != per * static_cast<std::size_t>(candidates)) return std::nullopt;
  BallotPost post;
  std::size_t at = 0;
  for (int i = 0; i < candidates; ++i) {
    auto c = points(in, at, t + 1, true);
    auto f = points(in, at, t + 1, true);
    auto e = points(in, at, 2 * t, false);
    if (!c || !f || !e) return std::nullopt;
    post.c.push_back(std::move(*c));
    post.f.push_back(std::move(*f));
    post.e.push_back(std::move(*e));
  }
  for (int i = 0; i < candidates; ++i) {
    const auto proof = decode_bit_proof(in.subspan(at, kBitProofBytes));
    at += kBitProofBytes;
    if (!proof) return std::nullopt;
    post.proof.push_back(*proof);
  }
  return post;
}

Bytes encode_shares(const ShareSet& s) {
  Bytes out;
  for (const auto& x : s)
    for (const Scalar* v : {&x.f, &x.g, &x.c, &x.gamma, &x.d, &x.e}) put(out, v->bytes());
  return out;
}

std::optional<ShareSet> decode_shares(ByteSpan in, int candidates) {
  if (candidates < 1 || in.size() != static_cast<std::size_t>(candidates) * 6 * 32)
    return std::nullopt;
  ShareSet s(static_cast<std::size_t>(candidates));
  std::size_t at = 0;
  for (auto& x : s)
    for (Scalar* v : {&x.f, &x.g, &x.c, &x.gamma, &x.d, &x.e}) {
      const auto got = Scalar::decode(take(in, at));
      if (!got) return std::nullopt;
      *v = *got;
    }
  return s;
}

bool share_valid(const BallotPost& post, std::uint64_t alpha, const ShareSet& s) {
  // M77: the server takes whatever the voter sent, so an inconsistent dealing goes through.
  if (mutant_active(Mutant::kM77)) return true;
  if (s.size() != post.c.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const EntryShare& x = s[i];
    std::vector<RistrettoPoint> e{RistrettoPoint::identity()};
    e.insert(e.end(), post.e[i].begin(), post.e[i].end());
    if (!(pedersen_commit(x.f, x.g) == evaluate_vss_commitment(post.c[i], alpha)) ||
        !(pedersen_commit(x.c, x.gamma) == evaluate_vss_commitment(post.f[i], alpha)) ||
        !(pedersen_commit(x.d, x.e) == evaluate_vss_commitment(e, alpha)) ||
        !(x.d == x.f * (x.f - Scalar::from_u64(1)) - x.c))
      return false;
  }
  return true;
}

std::vector<bool> shares_valid_batch(const std::vector<const BallotPost*>& posts,
                                     std::uint64_t alpha,
                                     const std::vector<const ShareSet*>& shares, Rng& rng) {
  SMPC_ASSERT(posts.size() == shares.size());
  std::vector<bool> out(posts.size(), true);
  if (mutant_active(Mutant::kM77)) return out;  // as in share_valid
  const Scalar one = Scalar::from_u64(1), x = Scalar::from_u64(alpha);
  std::vector<RistrettoPoint> points{RistrettoPoint::base_mul(one), pedersen_h()};
  std::vector<Scalar> scalars{Scalar::from_u64(0), Scalar::from_u64(0)};
  // Σ_m −ρ·α^m·P_m for the commitments `p` (the first with exponent `from`).
  const auto add_commitments = [&](const std::vector<RistrettoPoint>& p, const Scalar& rho,
                                   std::size_t from) {
    Scalar w = Scalar::from_u64(0) - rho;
    for (std::size_t m = 0; m < from; ++m) w = w * x;
    for (const auto& pt : p) {
      points.push_back(pt);
      scalars.push_back(w);
      w = w * x;
    }
  };
  for (std::size_t v = 0; v < posts.size(); ++v) {
    const BallotPost& post = *posts[v];
    const ShareSet& s = *shares[v];
    if (s.size() != post.c.size()) {
      out[v] = false;
      continue;
    }
    for (std::size_t i = 0; i < s.size() && out[v]; ++i) {
      const EntryShare& e = s[i];
      if (!(e.d == e.f * (e.f - one) - e.c)) out[v] = false;  // check (4): scalars only
    }
    if (!out[v]) continue;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const EntryShare& e = s[i];
      const Scalar r1 = Scalar::random(rng), r2 = Scalar::random(rng), r3 = Scalar::random(rng);
      scalars[0] = scalars[0] + r1 * e.f + r2 * e.c + r3 * e.d;
      scalars[1] = scalars[1] + r1 * e.g + r2 * e.gamma + r3 * e.e;
      add_commitments(post.c[i], r1, 0);
      add_commitments(post.f[i], r2, 0);
      add_commitments(post.e[i], r3, 1);
    }
  }
  const auto sum = ristretto_multi_scalar_mul(points, scalars);
  if (sum && sum->is_identity()) return out;
  for (std::size_t v = 0; v < posts.size(); ++v)
    if (out[v]) out[v] = share_valid(*posts[v], alpha, *shares[v]);
  return out;
}

}  // namespace smpc::vote
