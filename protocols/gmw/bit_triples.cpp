#include "protocols/gmw/bit_triples.h"

#include <memory>

#include "protocols/core/mutants.h"
#include "protocols/core/status.h"
#include "protocols/crypto/block.h"
#include "protocols/ot/iknp.h"

namespace smpc {

std::vector<bool> random_bits(Rng& rng, std::size_t count) {
  std::vector<std::uint8_t> bytes((count + 7) / 8);
  rng.fill(bytes);
  std::vector<bool> bits(count);
  for (std::size_t k = 0; k < count; ++k) bits[k] = (bytes[k / 8] >> (k % 8)) & 1;
  return bits;
}

bool triple_ot_sender(PartyId i, PartyId j, int parties) {
  const int n = parties;
  const int d = ((j - i) % n + n) % n;
  if (d == 0) return false;
  if (2 * d < n) return true;      // the nearer half, going up
  return 2 * d == n && i < n / 2;  // the diametric pair (n even): the lower half sends
}

namespace {

using Bits = std::vector<std::uint8_t>;

// One party's run of the OT triple generation (steps of bit_triples.h), with one IKNP instance
// per pair, each with its own randomness stream; the Rngs outlive the instances that hold
// references to them.
class OtTriples {
 public:
  OtTriples(PartyContext& ctx, std::size_t count, const std::string& label, int parties)
      : ctx_(ctx), net_(ctx.net), me_(net_.self()), n_(parties > 0 ? parties : net_.party_count()), m_(count),
        label_(label), rngs_(n_), sender_(n_), receiver_(n_), r_(n_), s0_(n_), diff_(n_) {
    SMPC_ASSERT(count > 0 && n_ >= 2);
    const std::string ot_label = label + ".ot";
    for (PartyId j : other_parties(n_, me_)) {
      rngs_[j] = std::make_unique<Rng>(ctx.rng.derive("gmw.ot." + std::to_string(j)));
      if (triple_ot_sender(me_, j, n_))
        sender_[j] = std::make_unique<IknpSender>(net_, j, *rngs_[j], ot_label);
      else
        receiver_[j] = std::make_unique<IknpReceiver>(net_, j, *rngs_[j], ot_label);
    }
  }

  BitTriples run() {
    base_ots();
    extend();
    send_corrections();
    return combine();
  }

 private:
  void base_ots();
  void extend();
  void send_corrections();
  BitTriples combine();

  PartyContext& ctx_;
  Channel& net_;
  PartyId me_;
  int n_;
  std::size_t m_;
  std::string label_;
  // Only for n = 2 is a party (0) nobody's receiver; it then derives a and b from its OTs with
  // its one receiver and sends no corrections.
  bool derived() const { return n_ == 2 && me_ == 0; }
  PerParty<std::unique_ptr<Rng>> rngs_;
  PerParty<std::unique_ptr<IknpSender>> sender_;      // me → j
  PerParty<std::unique_ptr<IknpReceiver>> receiver_;  // j → me
  BitTriples t_;
  PerParty<Bits> r_;     // as receiver: lsb(m_β) from j
  PerParty<Bits> s0_;    // as sender: our share s0 towards j
  PerParty<Bits> diff_;  // as sender: the random difference s0 ⊕ s1 towards j
};

// Step 1 (base OTs): every base message goes out before we wait: one round.
void OtTriples::base_ots() {
  for (PartyId j : all_parties(n_)) {
    if (sender_[j]) sender_[j]->send_base();
    if (receiver_[j]) receiver_[j]->send_base();
  }
  for (PartyId j : all_parties(n_)) {
    if (sender_[j]) sender_[j]->receive_base();
    if (receiver_[j]) receiver_[j]->receive_base();
  }
}

// Step 2 (random OT extension): choices (b ‖ a) towards every sender; u goes out to all of them
// before we, as a sender, wait for our receivers' u.
void OtTriples::extend() {
  const std::size_t m = m_, m2 = 2 * m_;
  t_.a.resize(m);
  t_.b.resize(m);
  t_.c.resize(m);
  if (!derived()) {
    Rng ab = ctx_.rng.derive("gmw.triples.ab");
    const auto bits = random_bits(ab, m2);
    for (std::size_t k = 0; k < m; ++k) {
      t_.b[k] = bits[k] ? 1 : 0;
      t_.a[k] = bits[m + k] ? 1 : 0;
    }
  }
  std::vector<bool> choices(m2);
  for (std::size_t k = 0; k < m; ++k) {
    choices[k] = t_.b[k] != 0;
    choices[m + k] = t_.a[k] != 0;
  }
  for (PartyId j : all_parties(n_)) {
    if (!receiver_[j]) continue;
    const auto out = receiver_[j]->extend_random(choices);
    r_[j].resize(m2);
    for (std::size_t k = 0; k < m2; ++k) r_[j][k] = block_lsb(out[k]) ? 1 : 0;
  }
  for (PartyId j : all_parties(n_)) {
    if (!sender_[j]) continue;
    const auto out = sender_[j]->extend_random(m2);
    s0_[j].resize(m2);
    diff_[j].resize(m2);
    for (std::size_t k = 0; k < m2; ++k) {
      s0_[j][k] = block_lsb(out[k][0]) ? 1 : 0;
      diff_[j][k] = s0_[j][k] ^ (block_lsb(out[k][1]) ? 1 : 0);
    }
  }
}

// Step 3: corrections turn each receiver's random differences into our a (OT k) and b
// (OT m + k); with n = 2, party 0's a and b are those differences.
void OtTriples::send_corrections() {
  const std::size_t m = m_;
  if (derived()) {
    for (std::size_t k = 0; k < m; ++k) {
      t_.a[k] = diff_[1][k];
      t_.b[k] = diff_[1][m + k];
    }
    return;
  }
  for (PartyId j : all_parties(n_)) {
    if (!sender_[j]) continue;
    std::vector<bool> fix(2 * m);
    for (std::size_t k = 0; k < m; ++k) {
      fix[k] = (t_.a[k] ^ diff_[j][k]) != 0;
      fix[m + k] = (t_.b[k] ^ diff_[j][m + k]) != 0;
    }
    net_.send(j, label_ + ".triple.fix", Message().add_bits(fix));
  }
}

// Step 4: c = a·b ⊕ our shares of a_me·b_j, b_me·a_j (as sender) and a_j·b_me, b_j·a_me (as
// receiver: r ⊕ β·correction).
BitTriples OtTriples::combine() {
  const std::size_t m = m_;
  for (std::size_t k = 0; k < m; ++k) t_.c[k] = t_.a[k] & t_.b[k];
  for (PartyId j : all_parties(n_)) {
    if (sender_[j]) {
      for (std::size_t k = 0; k < m; ++k) t_.c[k] ^= s0_[j][k] ^ s0_[j][m + k];
      continue;
    }
    if (!receiver_[j]) continue;
    for (std::size_t k = 0; k < m; ++k) t_.c[k] ^= r_[j][k] ^ r_[j][m + k];
    if (n_ == 2) continue;  // party 0 derived its a and b: no corrections
    const Message msg = net_.recv(j);
    msg.expect_parts(1);
    const std::vector<bool> fix = msg.bits(0, 2 * m);
    for (std::size_t k = 0; k < m; ++k)
      t_.c[k] ^= (t_.b[k] & (fix[k] ? 1 : 0)) ^ (t_.a[k] & (fix[m + k] ? 1 : 0));
  }
  return std::move(t_);
}

}  // namespace

BitTriples ot_bit_triples(PartyContext& ctx, std::size_t count, const std::string& label,
                          int parties) {
  return OtTriples(ctx, count, label, parties).run();
}

BitTriples dealer_bit_triples(std::uint64_t dealer_seed, PartyId self, int parties,
                              std::size_t count) {
  SMPC_ASSERT(parties >= 1 && self >= 0 && self < parties);
  Rng dealer(dealer_seed, -1, "gmw.dealer");
  BitTriples t;
  t.a.resize(count);
  t.b.resize(count);
  t.c.resize(count);
  const auto np = static_cast<std::size_t>(parties);
  std::vector<std::uint64_t> a(np), b(np), c(np);
  // 64 triples at a time, one word per party and share: every party draws the same words in the
  // same order and keeps its own column.
  for (std::size_t base = 0; base < count; base += 64) {
    std::uint64_t a_all = 0, b_all = 0, c_rest = 0;
    for (std::size_t p = 0; p < np; ++p) {
      a[p] = dealer.next_u64();
      b[p] = dealer.next_u64();
      // M31 (seeded bug): a = 0, so every AND opening d = x ⊕ a is the plaintext wire value.
      if (mutant_active(Mutant::kM31)) a[p] = 0;
      // M33 (seeded bug): party 0's a and b shares handed to every party; for odd n then
      // a = a_0 and b = b_0, which every party holds.
      if (mutant_active(Mutant::kM33) && p > 0) {
        a[p] = a[0];
        b[p] = b[0];
      }
      a_all ^= a[p];
      b_all ^= b[p];
    }
    for (std::size_t p = 1; p < np; ++p) {
      c[p] = dealer.next_u64();
      c_rest ^= c[p];
    }
    c[0] = (a_all & b_all) ^ c_rest;
    const auto me = static_cast<std::size_t>(self);
    for (std::size_t k = base; k < count && k < base + 64; ++k) {
      const std::size_t bit = k - base;
      t.a[k] = static_cast<std::uint8_t>((a[me] >> bit) & 1);
      t.b[k] = static_cast<std::uint8_t>((b[me] >> bit) & 1);
      t.c[k] = static_cast<std::uint8_t>((c[me] >> bit) & 1);
    }
  }
  return t;
}

}  // namespace smpc
