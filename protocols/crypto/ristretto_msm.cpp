#include "protocols/crypto/ristretto_msm.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace smpc {
namespace {

// GF(2^255 - 19) in five 51-bit limbs. Every operation returns limbs below 2^52, which the
// multiplication's 128-bit sums absorb without overflow.
struct Fe {
  std::array<std::uint64_t, 5> v{};
};

constexpr std::uint64_t kMask = (std::uint64_t{1} << 51) - 1;
__extension__ using U128 = unsigned __int128;

Fe fe(std::uint64_t x) { return Fe{{x & kMask, x >> 51, 0, 0, 0}}; }

// Carries so that every limb is below 2^51 (plus at most 19·carry in limb 0, i.e. < 2^52).
Fe carry(std::array<U128, 5> r) {
  Fe out;
  for (int i = 0; i < 4; ++i) {
    r[i + 1] += r[i] >> 51;
    r[i] &= kMask;
  }
  const U128 top = r[4] >> 51;
  r[4] &= kMask;
  r[0] += top * 19;
  r[1] += r[0] >> 51;
  r[0] &= kMask;
  for (int i = 0; i < 5; ++i) out.v[i] = static_cast<std::uint64_t>(r[i]);
  return out;
}

Fe add(const Fe& a, const Fe& b) {
  return carry({a.v[0] + U128{b.v[0]}, a.v[1] + U128{b.v[1]}, a.v[2] + U128{b.v[2]},
                a.v[3] + U128{b.v[3]}, a.v[4] + U128{b.v[4]}});
}

// a - b + 4p, limb by limb (4p's limbs exceed any b < 2^52, so nothing wraps).
Fe sub(const Fe& a, const Fe& b) {
  constexpr std::uint64_t k0 = 4 * ((std::uint64_t{1} << 51) - 19);
  constexpr std::uint64_t k = 4 * kMask;
  return carry({U128{a.v[0]} + k0 - b.v[0], U128{a.v[1]} + k - b.v[1], U128{a.v[2]} + k - b.v[2],
                U128{a.v[3]} + k - b.v[3], U128{a.v[4]} + k - b.v[4]});
}

Fe neg(const Fe& a) { return sub(Fe{}, a); }

Fe mul(const Fe& a, const Fe& b) {
  const auto& x = a.v;
  const auto& y = b.v;
  const std::uint64_t y1 = 19 * y[1], y2 = 19 * y[2], y3 = 19 * y[3], y4 = 19 * y[4];
  auto m = [](std::uint64_t p, std::uint64_t q) { return U128{p} * q; };
  return carry({m(x[0], y[0]) + m(x[1], y4) + m(x[2], y3) + m(x[3], y2) + m(x[4], y1),
                m(x[0], y[1]) + m(x[1], y[0]) + m(x[2], y4) + m(x[3], y3) + m(x[4], y2),
                m(x[0], y[2]) + m(x[1], y[1]) + m(x[2], y[0]) + m(x[3], y4) + m(x[4], y3),
                m(x[0], y[3]) + m(x[1], y[2]) + m(x[2], y[1]) + m(x[3], y[0]) + m(x[4], y4),
                m(x[0], y[4]) + m(x[1], y[3]) + m(x[2], y[2]) + m(x[3], y[1]) + m(x[4], y[0])});
}

Fe sq(const Fe& a) { return mul(a, a); }

Fe sq_n(Fe a, int n) {
  for (int i = 0; i < n; ++i) a = sq(a);
  return a;
}

// z^((p-5)/8) = z^(2^252 - 3), the addition chain of ref10's fe_pow22523.
Fe pow22523(const Fe& z) {
  Fe t0 = sq(z);
  Fe t1 = mul(z, sq_n(t0, 2));   // z^9
  t0 = mul(t0, t1);              // z^11
  t0 = mul(t1, sq(t0));          // z^(2^5 - 1)
  t0 = mul(sq_n(t0, 5), t0);     // 2^10 - 1
  t1 = mul(sq_n(t0, 10), t0);    // 2^20 - 1
  t1 = mul(sq_n(t1, 20), t1);    // 2^40 - 1
  t0 = mul(sq_n(t1, 10), t0);    // 2^50 - 1
  t1 = mul(sq_n(t0, 50), t0);    // 2^100 - 1
  t1 = mul(sq_n(t1, 100), t1);   // 2^200 - 1
  t0 = mul(sq_n(t1, 50), t0);    // 2^250 - 1
  return mul(sq_n(t0, 2), z);    // 2^252 - 3
}

// z^(p - 2) = (z^(2^252 - 3))^8 · z^3.
Fe invert(const Fe& z) { return mul(sq_n(pow22523(z), 3), mul(sq(z), z)); }

std::uint64_t load64(const std::uint8_t* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);  // little-endian host (x86-64, arm64)
  return x;
}

Fe from_bytes(const std::array<std::uint8_t, 32>& b) {
  return Fe{{load64(b.data()) & kMask, (load64(b.data() + 6) >> 3) & kMask,
             (load64(b.data() + 12) >> 6) & kMask, (load64(b.data() + 19) >> 1) & kMask,
             (load64(b.data() + 24) >> 12) & kMask}};
}

// The canonical encoding (the representative below p).
std::array<std::uint8_t, 32> to_bytes(const Fe& a) {
  Fe h = carry({a.v[0], a.v[1], a.v[2], a.v[3], a.v[4]});
  h = carry({h.v[0], h.v[1], h.v[2], h.v[3], h.v[4]});
  // q = 1 exactly when h >= p: h + 19 overflows 2^255.
  std::uint64_t q = (h.v[0] + 19) >> 51;
  for (int i = 1; i < 5; ++i) q = (h.v[i] + q) >> 51;
  h.v[0] += 19 * q;
  for (int i = 0; i < 4; ++i) {
    h.v[i + 1] += h.v[i] >> 51;
    h.v[i] &= kMask;
  }
  h.v[4] &= kMask;
  const std::uint64_t w[4] = {h.v[0] | (h.v[1] << 51), (h.v[1] >> 13) | (h.v[2] << 38),
                              (h.v[2] >> 26) | (h.v[3] << 25), (h.v[3] >> 39) | (h.v[4] << 12)};
  std::array<std::uint8_t, 32> out;
  std::memcpy(out.data(), w, 32);
  return out;
}

bool is_negative(const Fe& a) { return (to_bytes(a)[0] & 1) != 0; }
bool is_zero(const Fe& a) { return to_bytes(a) == std::array<std::uint8_t, 32>{}; }
bool equal(const Fe& a, const Fe& b) { return to_bytes(a) == to_bytes(b); }
Fe abs(const Fe& a) { return is_negative(a) ? neg(a) : a; }

// √−1 (RFC 9496 §4.1, SQRT_M1), little-endian.
const Fe& sqrt_m1() {
  static const Fe k = from_bytes({0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f,
                                  0xad, 0x06, 0x18, 0x43, 0x2f, 0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00,
                                  0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b});
  return k;
}

// RFC 9496 §4.2 SQRT_RATIO_M1(u, v): (whether u/v is square, the non-negative root of u/v or
// of √−1·u/v).
std::pair<bool, Fe> sqrt_ratio_m1(const Fe& u, const Fe& v) {
  const Fe v3 = mul(sq(v), v);
  const Fe v7 = mul(sq(v3), v);
  Fe r = mul(mul(u, v3), pow22523(mul(u, v7)));
  const Fe check = mul(v, sq(r));
  const bool correct = equal(check, u);
  const bool flipped = equal(check, neg(u));
  const bool flipped_i = equal(check, neg(mul(u, sqrt_m1())));
  if (flipped || flipped_i) r = mul(r, sqrt_m1());
  return {correct || flipped, abs(r)};
}

// d = −121665/121666 and 1/√(a − d) with a = −1 (RFC 9496 §4.1), derived once.
const Fe& edwards_d() {
  static const Fe k = neg(mul(fe(121665), invert(fe(121666))));
  return k;
}
const Fe& invsqrt_a_minus_d() {
  static const Fe k = sqrt_ratio_m1(fe(1), sub(neg(fe(1)), edwards_d())).second;
  return k;
}

// A point in extended coordinates: x = X/Z, y = Y/Z, x·y = T/Z.
struct Ext {
  Fe x, y, z, t;
};

Ext identity() { return Ext{Fe{}, fe(1), fe(1), Fe{}}; }

// add-2008-hwcd-3 for a = −1: complete on this curve (d is not a square), so it also doubles
// and takes the identity.
Ext add(const Ext& p, const Ext& q) {
  static const Fe d2 = add(edwards_d(), edwards_d());
  const Fe a = mul(sub(p.y, p.x), sub(q.y, q.x));
  const Fe b = mul(add(p.y, p.x), add(q.y, q.x));
  const Fe c = mul(mul(p.t, d2), q.t);
  const Fe d = mul(add(p.z, p.z), q.z);
  const Fe e = sub(b, a), f = sub(d, c), g = add(d, c), h = add(b, a);
  return Ext{mul(e, f), mul(g, h), mul(f, g), mul(e, h)};
}

// dbl-2008-hwcd with a = −1.
Ext dbl(const Ext& p) {
  const Fe zz = sq(p.z);
  const Fe a = sq(p.x), b = sq(p.y), c = add(zz, zz);
  const Fe e = sub(sub(sq(add(p.x, p.y)), a), b);
  const Fe g = sub(b, a);  // a·A + B
  const Fe f = sub(g, c);
  const Fe h = neg(add(a, b));  // a·A − B
  return Ext{mul(e, f), mul(g, h), mul(f, g), mul(e, h)};
}

// RFC 9496 §4.3.1.
std::optional<Ext> decode(const PointBytes& bytes) {
  const Fe s = from_bytes(bytes);
  if (to_bytes(s) != bytes || is_negative(s)) return std::nullopt;
  const Fe ss = sq(s);
  const Fe u1 = sub(fe(1), ss), u2 = add(fe(1), ss);
  const Fe u2_sqr = sq(u2);
  const Fe v = sub(neg(mul(edwards_d(), sq(u1))), u2_sqr);
  const auto [was_square, invsqrt] = sqrt_ratio_m1(fe(1), mul(v, u2_sqr));
  const Fe den_x = mul(invsqrt, u2);
  const Fe den_y = mul(mul(invsqrt, den_x), v);
  const Fe x = abs(mul(add(s, s), den_x));
  const Fe y = mul(u1, den_y);
  const Fe t = mul(x, y);
  if (!was_square || is_negative(t) || is_zero(y)) return std::nullopt;
  return Ext{x, y, fe(1), t};
}

// RFC 9496 §4.3.2.
PointBytes encode(const Ext& p) {
  const Fe u1 = mul(add(p.z, p.y), sub(p.z, p.y));
  const Fe u2 = mul(p.x, p.y);
  const Fe invsqrt = sqrt_ratio_m1(fe(1), mul(u1, sq(u2))).second;
  const Fe den1 = mul(invsqrt, u1), den2 = mul(invsqrt, u2);
  const Fe z_inv = mul(mul(den1, den2), p.t);
  const bool rotate = is_negative(mul(p.t, z_inv));
  const Fe x = rotate ? mul(p.y, sqrt_m1()) : p.x;
  Fe y = rotate ? mul(p.x, sqrt_m1()) : p.y;
  const Fe den_inv = rotate ? mul(den1, invsqrt_a_minus_d()) : den2;
  if (is_negative(mul(x, z_inv))) y = neg(y);
  return to_bytes(abs(mul(den_inv, sub(p.z, y))));
}

// Bits [offset, offset + width) of a little-endian 256-bit scalar.
unsigned window(const ScalarBytes& s, unsigned offset, unsigned width) {
  unsigned out = 0;
  for (unsigned k = 0; k < width && offset + k < 256; ++k) {
    const unsigned bit = offset + k;
    out |= ((s[bit / 8] >> (bit % 8)) & 1u) << k;
  }
  return out;
}

// Pippenger: per window (most significant first), double the accumulator `width` times, drop
// each point into the bucket of its digit, and add Σ_j j·bucket_j by running sums.
// The window minimises the additions: ⌈253/w⌉ windows of n bucket additions and 2·2^w for the
// running sums.
unsigned window_width(std::size_t n) {
  unsigned best = 1;
  double best_cost = 1e300;
  for (unsigned w = 1; w <= 16; ++w) {
    const double cost = ((253.0 + w - 1) / w) * (static_cast<double>(n) + 2.0 * (1u << w));
    if (cost < best_cost) best = w, best_cost = cost;
  }
  return best;
}

Ext pippenger(const std::vector<Ext>& points, std::span<const Scalar> scalars) {
  const unsigned width = window_width(points.size());
  std::vector<Ext> buckets(std::size_t{1} << width);
  Ext acc = identity();
  for (int w = static_cast<int>((253 + width - 1) / width) - 1; w >= 0; --w) {
    for (unsigned k = 0; k < width; ++k) acc = dbl(acc);
    std::fill(buckets.begin(), buckets.end(), identity());
    for (std::size_t i = 0; i < points.size(); ++i)
      if (const unsigned d = window(scalars[i].bytes(), static_cast<unsigned>(w) * width, width))
        buckets[d] = add(buckets[d], points[i]);
    Ext running = identity(), sum = identity();
    for (std::size_t j = buckets.size() - 1; j >= 1; --j) {
      running = add(running, buckets[j]);
      sum = add(sum, running);
    }
    acc = add(acc, sum);
  }
  return acc;
}

}  // namespace

std::optional<RistrettoPoint> ristretto_multi_scalar_mul(std::span<const RistrettoPoint> points,
                                                         std::span<const Scalar> scalars) {
  if (points.size() != scalars.size()) return std::nullopt;
  // Below ~16 points libsodium's products (precomputed windows) and sums are faster than the
  // buckets' fixed cost of ~253/w · 2^(w+1) additions (measured with BM_FrostRoundTwo/2/3).
  if (points.size() < kMinPointsForBuckets) {
    RistrettoPoint acc = RistrettoPoint::identity();
    for (std::size_t i = 0; i < points.size(); ++i) acc = acc + points[i].mul_any(scalars[i]);
    return acc;
  }
  std::vector<Ext> ext;
  ext.reserve(points.size());
  for (const RistrettoPoint& p : points) {
    auto e = decode(p.bytes());
    if (!e) return std::nullopt;
    ext.push_back(*e);
  }
  return RistrettoPoint::decode(encode(pippenger(ext, scalars)));
}

}  // namespace smpc
