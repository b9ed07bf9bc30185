#include "protocols/ot/base_ot.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "protocols/core/abort.h"
#include "protocols/core/ops.h"
#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"
#include "protocols/crypto/parallel.h"

namespace smpc {
namespace {

constexpr char kRoDomain[] = "smpc/ot/masny-rindal/ro/v1";
constexpr char kKdfDomain[] = "smpc/ot/masny-rindal/kdf/v1";

[[noreturn]] void malformed(const Message& m, const std::string& what) {
  std::vector<PartyId> blamed;
  if (m.sender() >= 0) blamed.push_back(m.sender());
  throw Abort("malformed base-OT message from party " + std::to_string(m.sender()) + ": " + what,
              blamed, AbortKind::kMalformed);
}

RistrettoPoint ro(std::size_t i, const RistrettoPoint& r) {
  return RistrettoPoint::hash(kRoDomain, i, r.bytes());
}

OtKey kdf(std::size_t i, const RistrettoPoint& a, const RistrettoPoint& m,
          const RistrettoPoint& shared) {
  OtKey k;
  Blake2b(kKdfDomain, k.size())
      .add_u64(i)
      .add(a.bytes())
      .add(m.bytes())
      .add(shared.bytes())
      .finish(k);
  return k;
}

constexpr char kNpConstantDomain[] = "smpc/ot/naor-pinkas/C/v1";
constexpr char kNpKdfDomain[] = "smpc/ot/naor-pinkas/kdf/v1";

const RistrettoPoint& np_constant() {
  static const RistrettoPoint c =  // one-off set-up, no party's work (ops.h)
      uncounted([] { return RistrettoPoint::hash(kNpConstantDomain, 0, ByteSpan{}); });
  return c;
}

OtKey np_kdf(std::size_t i, int j, const RistrettoPoint& a, const RistrettoPoint& b,
             const RistrettoPoint& shared) {
  OtKey k;
  Blake2b(kNpKdfDomain, k.size())
      .add_u64(i)
      .add_u64(static_cast<std::uint64_t>(j))
      .add(a.bytes())
      .add(b.bytes())
      .add(shared.bytes())
      .finish(k);
  return k;
}

// Public-key items per thread slice: below this a helper thread costs more than it saves.
constexpr std::size_t kMinSlice = 16;

// The receiver's last step, the same in both base OTs: A from the sender's message, then
// key i = derive(i, A, b_i·A); an identity b_i·A means A was not a usable key share. The
// multiplications run in parallel slices (parallel.h); derive must not throw.
template <class Derive>
std::vector<OtKey> receiver_keys(const Message& from_sender, const std::vector<Scalar>& b,
                                 Derive derive) {
  from_sender.expect_parts(1);
  const RistrettoPoint a = read_points(from_sender, 0, 1)[0];
  std::vector<OtKey> out(b.size());
  std::vector<std::uint8_t> identity(b.size(), 0);
  parallel_slices(b.size(), kMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) {
      const auto shared = a.mul(b[i]);
      if (shared)
        out[i] = derive(i, a, *shared);
      else
        identity[i] = 1;
    }
  });
  if (std::find(identity.begin(), identity.end(), 1) != identity.end())
    throw Abort("base OT: the sender's key-agreement message is the identity",
                {from_sender.sender()}, AbortKind::kCheckFailed);
  return out;
}

}  // namespace

std::vector<RistrettoPoint> read_points(const Message& m, std::size_t index, std::size_t count) {
  if (index >= m.parts().size()) malformed(m, "missing part " + std::to_string(index));
  const MessagePart& p = m.parts()[index];
  if (p.kind != ElementKind::kPoint)
    malformed(m, "part " + std::to_string(index) + " holds " + element_kind_name(p.kind) +
                     " elements, expected point");
  if (p.count != count)
    malformed(m, "part " + std::to_string(index) + " has " + std::to_string(p.count) +
                     " points, expected " + std::to_string(count));
  // Decoding validates each point (a square root): in parallel slices, then the first invalid
  // one in index order is reported, as a serial loop would.
  std::vector<std::optional<RistrettoPoint>> decoded(count);
  parallel_slices(count, kMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t k = lo; k < hi; ++k) {
      PointBytes b;
      std::memcpy(b.data(), p.data.data() + 32 * k, 32);
      decoded[k] = RistrettoPoint::decode(b);
    }
  });
  std::vector<RistrettoPoint> out;
  out.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    if (!decoded[k])
      malformed(m, "point " + std::to_string(k) + " is not a valid ristretto255 encoding");
    out.push_back(*decoded[k]);
  }
  return out;
}

MasnyRindalSender::MasnyRindalSender(std::size_t count, Rng& rng)
    : count_(count), a_(Scalar::random(rng)), big_a_(RistrettoPoint::base_mul(a_)) {}

Message MasnyRindalSender::first_message() const {
  const std::array<PointBytes, 1> a = {big_a_.bytes()};
  return Message().add_points(a);
}

std::vector<std::array<OtKey, 2>> MasnyRindalSender::keys(const Message& from_receiver) const {
  from_receiver.expect_parts(1);
  const auto r = read_points(from_receiver, 0, 2 * count_);
  std::vector<std::array<OtKey, 2>> out(count_);
  for (std::size_t i = 0; i < count_; ++i) {
    for (int j = 0; j < 2; ++j) {
      // Step 3: M_{i,j} = r_{i,j} + H(i, r_{i,1-j}); the receiver knows the discrete log of
      // exactly one of the two.
      const RistrettoPoint m = r[2 * i + j] + ro(i, r[2 * i + (1 - j)]);
      const auto shared = m.mul(a_);
      if (!shared)
        throw Abort("base OT " + std::to_string(i) + ": the receiver's key-agreement message " +
                        std::to_string(j) + " is the identity",
                    {from_receiver.sender()}, AbortKind::kCheckFailed);
      out[i][static_cast<std::size_t>(j)] = kdf(i, big_a_, m, *shared);
    }
  }
  return out;
}

MasnyRindalReceiver::MasnyRindalReceiver(const std::vector<bool>& choices, Rng& rng) {
  b_.reserve(choices.size());
  big_b_.reserve(choices.size());
  r_.reserve(choices.size());
  for (std::size_t i = 0; i < choices.size(); ++i) {
    // Step 2: r_{1-c} uniform, r_c = B - H(i, r_{1-c}), so the sender recovers M_c = B.
    const int c = choices[i] ? 1 : 0;
    b_.push_back(Scalar::random(rng));
    big_b_.push_back(RistrettoPoint::base_mul(b_.back()));
    std::array<RistrettoPoint, 2> pair;
    pair[static_cast<std::size_t>(1 - c)] = RistrettoPoint::random(rng);
    pair[static_cast<std::size_t>(c)] =
        big_b_.back() - ro(i, pair[static_cast<std::size_t>(1 - c)]);
    r_.push_back(pair);
  }
}

Message MasnyRindalReceiver::first_message() const {
  std::vector<PointBytes> pts;
  pts.reserve(2 * r_.size());
  for (const auto& pair : r_) {
    pts.push_back(pair[0].bytes());
    pts.push_back(pair[1].bytes());
  }
  return Message().add_points(pts);
}

std::vector<OtKey> MasnyRindalReceiver::keys(const Message& from_sender) const {
  // Step 4: b_i·A = a·B_i = a·M_{i,c}.
  return receiver_keys(from_sender, b_, [&](std::size_t i, const RistrettoPoint& a,
                                            const RistrettoPoint& shared) {
    return kdf(i, a, big_b_[i], shared);
  });
}

// ---- Naor–Pinkas ----------------------------------------------------------------------------

NaorPinkasSender::NaorPinkasSender(std::size_t count, Rng& rng)
    : count_(count), a_(Scalar::random(rng)), big_a_(RistrettoPoint::base_mul(a_)) {
  // Step 1: T = a·C (C is a valid non-identity point, so this cannot fail).
  const auto t = np_constant().mul(a_);
  SMPC_ASSERT(t.has_value());
  t_ = *t;
}

Message NaorPinkasSender::first_message() const {
  const std::array<PointBytes, 1> a = {big_a_.bytes()};
  return Message().add_points(a);
}

std::vector<std::array<OtKey, 2>> NaorPinkasSender::keys(const Message& from_receiver) const {
  from_receiver.expect_parts(1);
  const auto b = read_points(from_receiver, 0, count_);
  std::vector<std::array<OtKey, 2>> out(count_);
  std::vector<std::uint8_t> identity(count_, 0);
  parallel_slices(count_, kMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) {
      // Step 3: S_i = a·B_i; a·(C − B_i) = T − S_i.
      const auto s = b[i].mul(a_);
      if (!s) {
        identity[i] = 1;
        continue;
      }
      out[i][0] = np_kdf(i, 0, big_a_, b[i], *s);
      out[i][1] = np_kdf(i, 1, big_a_, b[i], t_ - *s);
    }
  });
  // The first identity S_i in index order, as a serial loop would report it.
  const auto bad = std::find(identity.begin(), identity.end(), 1);
  if (bad != identity.end())
    throw Abort("base OT " + std::to_string(bad - identity.begin()) +
                    ": the receiver's point is the identity",
                {from_receiver.sender()}, AbortKind::kCheckFailed);
  return out;
}

NaorPinkasReceiver::NaorPinkasReceiver(const std::vector<bool>& choices, Rng& rng)
    : choices_(choices) {
  // The b_i are drawn in order (the randomness consumed is as before); the multiplications
  // then run in parallel slices.
  b_.reserve(choices.size());
  for (std::size_t i = 0; i < choices.size(); ++i) b_.push_back(Scalar::random(rng));
  big_b_.resize(choices.size());
  const RistrettoPoint& c = np_constant();
  parallel_slices(choices.size(), kMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) {
      // Step 2: B_i = P_i or C − P_i, uniform either way.
      const RistrettoPoint p = RistrettoPoint::base_mul(b_[i]);
      big_b_[i] = choices[i] ? c - p : p;
    }
  });
}

Message NaorPinkasReceiver::first_message() const {
  std::vector<PointBytes> pts;
  pts.reserve(big_b_.size());
  for (const auto& b : big_b_) pts.push_back(b.bytes());
  return Message().add_points(pts);
}

std::vector<OtKey> NaorPinkasReceiver::keys(const Message& from_sender) const {
  // Step 4: b_i·A = a·P_i = a·M_{i,c}.
  return receiver_keys(from_sender, b_, [&](std::size_t i, const RistrettoPoint& a,
                                            const RistrettoPoint& shared) {
    return np_kdf(i, choices_[i] ? 1 : 0, a, big_b_[i], shared);
  });
}

}  // namespace smpc
