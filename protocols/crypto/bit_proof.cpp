#include "protocols/crypto/bit_proof.h"

#include <algorithm>

#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"
#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"
#include "protocols/crypto/pedersen.h"
#include "protocols/crypto/ristretto_msm.h"

namespace smpc {
namespace {

const RistrettoPoint& generator() {
  static const RistrettoPoint g =
      uncounted([] { return RistrettoPoint::base_mul(Scalar::from_u64(1)); });  // as pedersen_h
  return g;
}

Scalar challenge(ByteSpan context, const RistrettoPoint& c, const RistrettoPoint& a0,
                 const RistrettoPoint& a1) {
  Blake2b h("smpc-bit-proof/1", 64);
  // M90: the challenge omits the context (election, voter, entry), so a proof posted for one
  // voter's entry verifies in any other slot holding the same commitment: a replay.
  h.add(mutant_active(Mutant::kM90) ? ByteSpan{} : context);
  h.add(c.bytes()).add(a0.bytes()).add(a1.bytes());
  std::array<std::uint8_t, 64> wide{};
  h.finish(wide);
  return Scalar::reduce_wide(wide);
}

// Weights 16 bytes each (BGR's small exponents): half the MSM's scalar bits of full-size ones.
std::pair<Scalar, Scalar> weights(const std::array<std::uint8_t, 32>& seed, std::size_t j) {
  // M88: every weight is 1, so errors of opposite sign in two equations (of two proofs, or the
  // two branches of one) cancel and false proofs pass the batch.
  if (mutant_active(Mutant::kM88)) return {Scalar::from_u64(1), Scalar::from_u64(1)};
  std::array<std::uint8_t, 32> out{};
  Blake2b("smpc-bit-proof-batch/1", 32).add(seed).add_u64(j).finish(out);
  ScalarBytes w0{}, w1{};
  std::copy_n(out.begin(), 16, w0.begin());
  std::copy_n(out.begin() + 16, 16, w1.begin());
  return {*Scalar::decode(w0), *Scalar::decode(w1)};  // < 2^128 < ℓ: canonical
}

}  // namespace

BitProof prove_bit(const RistrettoPoint& c, bool b, const Scalar& r, ByteSpan context, Rng& rng) {
  const RistrettoPoint& h = pedersen_h();
  const RistrettoPoint y[2] = {c, c - generator()};
  SMPC_ASSERT(h.mul_any(r) == y[b ? 1 : 0]);
  const int real = b ? 1 : 0, sim = 1 - real;
  Scalar cs[2], zs[2];
  RistrettoPoint a[2];
  cs[sim] = Scalar::random(rng);  // 1.
  zs[sim] = Scalar::random(rng);
  a[sim] = h.mul_any(zs[sim]) - y[sim].mul_any(cs[sim]);
  const Scalar w = Scalar::random(rng);  // 2.
  a[real] = h.mul_any(w);
  const Scalar e = challenge(context, c, a[0], a[1]);  // 3.
  cs[real] = e - cs[sim];  // 4.
  zs[real] = w + cs[real] * r;
  return {a[0], a[1], cs[0], zs[0], zs[1]};
}

bool verify_bit_proof(const RistrettoPoint& c, const BitProof& p, ByteSpan context) {
  const RistrettoPoint& h = pedersen_h();
  const Scalar c1 = challenge(context, c, p.a0, p.a1) - p.c0;
  return h.mul_any(p.z0) == p.a0 + c.mul_any(p.c0) &&
         h.mul_any(p.z1) == p.a1 + (c - generator()).mul_any(c1);
}

std::vector<bool> verify_bit_proofs_batch(std::span<const BitStatement> st,
                                          const std::array<std::uint8_t, 32>& seed) {
  std::vector<bool> out(st.size(), true);
  // Per proof, the weighted equations' scalars: H gets w0·z0 + w1·z1, G gets w1·c1, A_0 gets
  // −w0, A_1 gets −w1, C gets −(w0·c0 + w1·c1) (the header's sum, c_1 recomputed by hashing).
  struct Terms {
    Scalar h, g, a0, a1, c;
  };
  std::vector<Terms> terms;
  terms.reserve(st.size());
  const Scalar zero = Scalar::from_u64(0);
  for (std::size_t j = 0; j < st.size(); ++j) {
    const BitProof& p = *st[j].proof;
    const Scalar c1 = challenge(st[j].context, *st[j].c, p.a0, p.a1) - p.c0;
    const auto [w0, w1] = weights(seed, j);
    terms.push_back({w0 * p.z0 + w1 * p.z1, w1 * c1, zero - w0, zero - w1,
                     zero - (w0 * p.c0 + w1 * c1)});
  }
  // Statements [lo, hi) in one multi-scalar multiplication of 3(hi − lo) + 2 points.
  const auto holds = [&](std::size_t lo, std::size_t hi) {
    std::vector<RistrettoPoint> points{pedersen_h(), generator()};
    std::vector<Scalar> scalars{zero, zero};
    points.reserve(3 * (hi - lo) + 2);
    scalars.reserve(3 * (hi - lo) + 2);
    for (std::size_t j = lo; j < hi; ++j) {
      scalars[0] = scalars[0] + terms[j].h;
      scalars[1] = scalars[1] + terms[j].g;
      points.insert(points.end(), {st[j].proof->a0, st[j].proof->a1, *st[j].c});
      scalars.insert(scalars.end(), {terms[j].a0, terms[j].a1, terms[j].c});
    }
    const auto sum = ristretto_multi_scalar_mul(points, scalars);
    return sum && sum->is_identity();
  };
  // A failing batch is halved until its parts hold or are small enough to check proof by proof,
  // so a few bad proofs among many (a board's disqualified voters) cost a few more batches, not
  // the one-by-one price; every proof accepted was in a batch that held.
  constexpr std::size_t kOneByOne = 8;
  const auto check = [&](auto&& self, std::size_t lo, std::size_t hi) -> void {
    if (lo == hi || holds(lo, hi)) return;
    if (hi - lo <= kOneByOne) {
      for (std::size_t j = lo; j < hi; ++j) out[j] = verify_bit_proof(*st[j].c, *st[j].proof, st[j].context);
      return;
    }
    const std::size_t mid = lo + (hi - lo) / 2;
    self(self, lo, mid);
    self(self, mid, hi);
  };
  check(check, 0, st.size());
  return out;
}

std::array<std::uint8_t, 32> bit_proof_batch_seed(std::span<const BitStatement> st) {
  Blake2b h("smpc-bit-proof-batch-seed/1", 32);
  h.add_u64(st.size());
  for (const auto& s : st) h.add(s.context).add(s.c->bytes()).add(encode_bit_proof(*s.proof));
  std::array<std::uint8_t, 32> out{};
  h.finish(out);
  return out;
}

std::array<std::uint8_t, kBitProofBytes> encode_bit_proof(const BitProof& p) {
  std::array<std::uint8_t, kBitProofBytes> out{};
  auto at = std::copy(p.a0.bytes().begin(), p.a0.bytes().end(), out.begin());
  at = std::copy(p.a1.bytes().begin(), p.a1.bytes().end(), at);
  for (const Scalar* s : {&p.c0, &p.z0, &p.z1}) at = std::copy(s->bytes().begin(), s->bytes().end(), at);
  return out;
}

std::optional<BitProof> decode_bit_proof(ByteSpan in) {
  if (in.size() != kBitProofBytes) return std::nullopt;
  BitProof p;
  std::size_t at = 0;
  for (RistrettoPoint* a : {&p.a0, &p.a1}) {
    PointBytes b{};
    std::copy_n(in.begin() + static_cast<std::ptrdiff_t>(at), 32, b.begin());
    at += 32;
    const auto got = RistrettoPoint::decode(b);
    if (!got) return std::nullopt;
    *a = *got;
  }
  for (Scalar* s : {&p.c0, &p.z0, &p.z1}) {
    ScalarBytes b{};
    std::copy_n(in.begin() + static_cast<std::ptrdiff_t>(at), 32, b.begin());
    at += 32;
    const auto got = Scalar::decode(b);
    if (!got) return std::nullopt;
    *s = *got;
  }
  return p;
}

}  // namespace smpc
