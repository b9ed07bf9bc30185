#include "protocols/crypto/bit_proof.h"

#include <algorithm>

#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"
#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"
#include "protocols/crypto/pedersen.h"

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

// The verifier's A_0, A_1 for the challenges and responses (steps 1 and 2 of the header).
std::pair<RistrettoPoint, RistrettoPoint> commitments(const RistrettoPoint& c, const BitProof& p) {
  const RistrettoPoint& h = pedersen_h();
  const RistrettoPoint c_minus_g = c - generator();
  return {h.mul_any(p.z0) - c.mul_any(p.c0), h.mul_any(p.z1) - c_minus_g.mul_any(p.c1)};
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
  return {cs[0], cs[1], zs[0], zs[1]};
}

bool verify_bit_proof(const RistrettoPoint& c, const BitProof& p, ByteSpan context) {
  const auto [a0, a1] = commitments(c, p);
  return p.c0 + p.c1 == challenge(context, c, a0, a1);
}

std::array<std::uint8_t, kBitProofBytes> encode_bit_proof(const BitProof& p) {
  std::array<std::uint8_t, kBitProofBytes> out{};
  auto at = out.begin();
  for (const Scalar* s : {&p.c0, &p.c1, &p.z0, &p.z1}) at = std::copy(s->bytes().begin(), s->bytes().end(), at);
  return out;
}

std::optional<BitProof> decode_bit_proof(ByteSpan in) {
  if (in.size() != kBitProofBytes) return std::nullopt;
  BitProof p;
  std::size_t at = 0;
  for (Scalar* s : {&p.c0, &p.c1, &p.z0, &p.z1}) {
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
