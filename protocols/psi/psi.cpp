#include "protocols/psi/psi.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "protocols/core/abort.h"
#include "protocols/core/message.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/parallel.h"
#include "protocols/psi/labels.h"

namespace smpc {
namespace {

// Slices of fewer scalar products are not worth a thread.
constexpr std::size_t kMinSlice = 64;

struct PointHash {
  std::size_t operator()(const PointBytes& p) const {
    std::size_t h;
    std::memcpy(&h, p.data(), sizeof h);  // encodings of hashed points are uniform
    return h;
  }
};
using PointSet = std::unordered_set<PointBytes, PointHash>;

// Steps 3 and 5: the points of a set of distinct elements are distinct (canonical encodings are
// unique), so a repeated point is the sender's deviation (it would shrink its set, or inflate a
// match count): abort blaming it.
PointSet distinct_points(const std::vector<PointBytes>& points, PartyId sender,
                         std::string_view label) {
  PointSet set;
  set.reserve(points.size());
  for (std::size_t j = 0; j < points.size(); ++j)
    if (!set.insert(points[j]).second && !mutant_active(Mutant::kM48))
      throw Abort("psi_dh: party " + std::to_string(sender) + " sent the same point twice in " +
                      std::string(label) + " (point " + std::to_string(j) + ")",
                  {sender}, AbortKind::kCheckFailed);
  return set;
}

std::vector<std::uint64_t> count_bits(std::size_t count, std::size_t width) {
  std::vector<std::uint64_t> bits(width);
  for (std::size_t t = 0; t < width; ++t) bits[t] = (count >> t) & 1;
  return bits;
}

// Step 5: the learner's output from its doubly blinded points (in the order it sent them,
// `order`) and the other's doubly blinded set.
// first[i]: the position of x_i's first occurrence in the input (i unless x_i repeats).
std::vector<std::size_t> first_occurrences(const std::vector<std::uint64_t>& elements) {
  std::unordered_map<std::uint64_t, std::size_t> seen;
  std::vector<std::size_t> first(elements.size());
  for (std::size_t i = 0; i < elements.size(); ++i)
    first[i] = seen.emplace(elements[i], i).first->second;
  return first;
}

PartyOutput compare(const std::vector<PointBytes>& mine_ab, const PointSet& theirs_ab,
                    const std::vector<std::size_t>& order, const std::vector<std::size_t>& first,
                    bool cardinality, std::size_t m) {
  PartyOutput out;
  if (cardinality) {
    std::size_t hits = 0;
    for (const auto& p : mine_ab) hits += theirs_ab.contains(p) ? 1 : 0;
    out.values = count_bits(hits, psi_count_bits(m));
    return out;
  }
  out.values.assign(mine_ab.size(), 0);
  for (std::size_t j = 0; j < mine_ab.size(); ++j)
    out.values[order[j]] = theirs_ab.contains(mine_ab[j]) ? 1 : 0;
  for (std::size_t i = 0; i < first.size(); ++i) out.values[i] = out.values[first[i]];
  return out;
}

}  // namespace

SecurityClaim psi_claim() {
  return {AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect,
          "semi-honest, 1 of 2 parties corrupted, correct output; leakage: both parties learn "
          "|X| and |Y|; in cardinality mode party 0 learns only |X ∩ Y| (DDH, random oracle)"};
}

Message psi_points_message(const std::vector<RistrettoPoint>& points) {
  std::vector<PointBytes> bytes;
  bytes.reserve(points.size());
  for (const auto& p : points) bytes.push_back(p.bytes());
  return Message().add_points(bytes);
}

SecurityClaim DhPsi::claim(int /*parties*/) const { return psi_claim(); }

std::optional<std::string_view> DhPsi::abort_notice_label() const { return labels::psi::kAbort; }

std::vector<std::size_t> psi_random_order(std::size_t n, Rng& rng) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.uniform_below(i)]);
  return order;
}

std::vector<RistrettoPoint> psi_hash_and_raise(std::span<const std::uint64_t> elements,
                                               std::span<const std::size_t> order,
                                               const Scalar& a) {
  std::vector<std::optional<RistrettoPoint>> out(order.size());
  parallel_slices(order.size(), kMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t j = lo; j < hi; ++j) {
      std::array<std::uint8_t, 8> x;
      store_le64(x.data(), elements[order[j]]);
      out[j] = RistrettoPoint::hash_sha512(kPsiHashDomain, x).mul(a);
    }
  });
  std::vector<RistrettoPoint> points;
  points.reserve(out.size());
  // A hash to the identity has probability 2^-252: treat it as the bug it would be.
  for (auto& p : out) points.push_back(p.value());
  return points;
}

std::vector<PointBytes> psi_read_points(const Message& m, std::size_t count, PartyId sender) {
  const auto bad = [&](const std::string& what) {
    return Abort("psi_dh: malformed " + m.label() + " message from party " +
                     std::to_string(sender) + ": " + what,
                 {sender}, AbortKind::kMalformed);
  };
  if (m.parts().size() != 1) throw bad(std::to_string(m.parts().size()) + " parts, expected 1");
  const MessagePart& part = m.parts()[0];
  if (part.kind != ElementKind::kPoint)
    throw bad(std::string(element_kind_name(part.kind)) + " elements, expected points");
  if (part.count != count || part.data.size() != 32 * count)
    throw bad(std::to_string(part.count) + " points, expected " + std::to_string(count));
  std::vector<PointBytes> out(count);
  for (std::size_t j = 0; j < count; ++j)
    std::memcpy(out[j].data(), part.data.data() + 32 * j, 32);
  return out;
}

std::vector<RistrettoPoint> psi_raise(const std::vector<PointBytes>& points, const Scalar& a,
                                      PartyId sender) {
  std::vector<std::optional<RistrettoPoint>> out(points.size());
  parallel_slices(points.size(), kMinSlice, [&](std::size_t lo, std::size_t hi) {
    for (std::size_t j = lo; j < hi; ++j) out[j] = RistrettoPoint::mul_encoded(points[j], a);
  });
  std::vector<RistrettoPoint> raised;
  raised.reserve(out.size());
  for (std::size_t j = 0; j < out.size(); ++j) {
    if (!out[j])
      throw Abort("psi_dh: point " + std::to_string(j) + " from party " + std::to_string(sender) +
                      " is not a ristretto255 encoding of a group element other than the identity",
                  {sender}, AbortKind::kMalformed);
    raised.push_back(*out[j]);
  }
  return raised;
}

PartyOutput DhPsi::run_steps(PartyContext& ctx, const PartyInput& input) const {
  NoticeAwareChannel net(ctx.net, labels::psi::kAbort);
  const PartyId me = net.self(), peer = 1 - me;
  const auto mine = psi_elements_of_bits(input.values);
  const std::size_t theirs_count = me == 0 ? shape_.k : shape_.m;
  const bool cardinality = shape_.output == PsiOutput::kCardinality;

  // Step 1: the secret exponent.
  const Scalar a = Scalar::random(ctx.rng);
  // Step 2: H(x)^a for my elements, in a random order (order[j]: my element at position j).
  const auto order = psi_random_order(mine.size(), ctx.rng);
  // A set holds each element once; an input that repeats one (an adversary's substituted input)
  // counts it once: the repeat is sent as a random point, which matches nothing, and its output
  // bit is its first occurrence's. Repeated points on the wire are then always a deviation.
  const auto first = first_occurrences(mine);
  auto blinded = psi_hash_and_raise(mine, order, a);
  for (std::size_t j = 0; j < blinded.size(); ++j)
    if (first[order[j]] != order[j]) blinded[j] = RistrettoPoint::random(ctx.rng);
  net.send(peer, labels::psi::kBlinded, psi_points_message(blinded));
  // Step 3: the other's blinded points, distinct.
  const auto theirs = psi_read_points(net.recv(peer), theirs_count, peer);
  distinct_points(theirs, peer, labels::psi::kBlinded);
  const auto theirs_ab = psi_raise(theirs, a, peer);
  // Step 4: return the other's points raised to a, if it learns; for a count only, shuffled.
  if (psi_learns(shape_.output, peer)) {
    auto back = theirs_ab;
    // M47: the points go back in the order received, so the count reveals which elements.
    if (cardinality && !mutant_active(Mutant::kM47)) {
      const auto perm = psi_random_order(back.size(), ctx.rng);
      for (std::size_t j = 0; j < back.size(); ++j) back[j] = theirs_ab[perm[j]];
    }
    net.send(peer, labels::psi::kReblinded, psi_points_message(back));
  }
  if (!psi_learns(shape_.output, me)) return {};
  // Step 5: my points raised to both exponents, compared with the other's.
  // Compared by encoding only, never used in arithmetic: an invalid encoding matches nothing,
  // as a wrong valid point would not, so no decode() is needed (it would cost a square root).
  const auto mine_ab = psi_read_points(net.recv(peer), mine.size(), peer);
  distinct_points(mine_ab, peer, labels::psi::kReblinded);
  PointSet theirs_set;
  theirs_set.reserve(theirs_ab.size());
  for (const auto& p : theirs_ab) theirs_set.insert(p.bytes());
  return compare(mine_ab, theirs_set, order, first, cardinality, mine.size());
}

}  // namespace smpc
