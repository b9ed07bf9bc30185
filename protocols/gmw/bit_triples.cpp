#include "protocols/gmw/bit_triples.h"

#include <memory>

#include "protocols/core/status.h"
#include "protocols/crypto/block.h"
#include "protocols/ot/iknp.h"

namespace smpc {
namespace {

std::vector<bool> random_bits(Rng& rng, std::size_t count) {
  std::vector<std::uint8_t> bytes((count + 7) / 8);
  rng.fill(bytes);
  std::vector<bool> bits(count);
  for (std::size_t k = 0; k < count; ++k) bits[k] = (bytes[k / 8] >> (k % 8)) & 1;
  return bits;
}

}  // namespace

bool triple_ot_sender(PartyId i, PartyId j, int parties) {
  const int n = parties;
  const int d = ((j - i) % n + n) % n;
  if (d == 0) return false;
  if (2 * d < n) return true;      // the nearer half, going up
  return 2 * d == n && i < n / 2;  // the diametric pair (n even): the lower half sends
}

BitTriples ot_bit_triples(PartyContext& ctx, std::size_t count, const std::string& label) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const int n = net.party_count();
  SMPC_ASSERT(count > 0 && n >= 2);
  const std::size_t m = count, m2 = 2 * count;
  const std::string ot_label = label + ".ot";
  const auto sends = [n](PartyId i, PartyId j) { return triple_ot_sender(i, j, n); };
  // Only for n = 2 is a party (0) nobody's receiver; it then derives a and b from its OTs with
  // its one receiver and sends no corrections.
  const bool derived = n == 2 && me == 0;

  // One IKNP instance per pair, each with its own randomness stream; the Rngs must outlive the
  // instances that hold references to them.
  std::vector<std::unique_ptr<Rng>> rngs(static_cast<std::size_t>(n));
  std::vector<std::unique_ptr<IknpSender>> sender(static_cast<std::size_t>(n));      // me → j
  std::vector<std::unique_ptr<IknpReceiver>> receiver(static_cast<std::size_t>(n));  // j → me
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    rngs[j] = std::make_unique<Rng>(ctx.rng.derive("gmw.ot." + std::to_string(j)));
    if (sends(me, j))
      sender[j] = std::make_unique<IknpSender>(net, j, *rngs[j], ot_label);
    else
      receiver[j] = std::make_unique<IknpReceiver>(net, j, *rngs[j], ot_label);
  }

  // Step 1 (base OTs): every base message goes out before we wait: one round.
  for (PartyId j = 0; j < n; ++j) {
    if (sender[j]) sender[j]->send_base();
    if (receiver[j]) receiver[j]->send_base();
  }
  for (PartyId j = 0; j < n; ++j) {
    if (sender[j]) sender[j]->receive_base();
    if (receiver[j]) receiver[j]->receive_base();
  }

  // Step 2 (random OT extension): choices (b ‖ a) towards every sender; u goes out to all of
  // them before we, as a sender, wait for our receivers' u.
  BitTriples t;
  t.a.resize(m);
  t.b.resize(m);
  t.c.resize(m);
  if (!derived) {
    Rng ab = ctx.rng.derive("gmw.triples.ab");
    const auto bits = random_bits(ab, m2);
    for (std::size_t k = 0; k < m; ++k) {
      t.b[k] = bits[k] ? 1 : 0;
      t.a[k] = bits[m + k] ? 1 : 0;
    }
  }
  std::vector<bool> choices(m2);
  for (std::size_t k = 0; k < m; ++k) {
    choices[k] = t.b[k] != 0;
    choices[m + k] = t.a[k] != 0;
  }
  std::vector<std::vector<std::uint8_t>> r(static_cast<std::size_t>(n));  // lsb(m_β) from j
  for (PartyId j = 0; j < n; ++j) {
    if (!receiver[j]) continue;
    const auto out = receiver[j]->extend_random(choices);
    r[j].resize(m2);
    for (std::size_t k = 0; k < m2; ++k) r[j][k] = block_lsb(out[k]) ? 1 : 0;
  }
  // Towards our receivers: s0 (our share) and the random difference s0 ⊕ s1.
  std::vector<std::vector<std::uint8_t>> s0(static_cast<std::size_t>(n)),
      diff(static_cast<std::size_t>(n));
  for (PartyId j = 0; j < n; ++j) {
    if (!sender[j]) continue;
    const auto out = sender[j]->extend_random(m2);
    s0[j].resize(m2);
    diff[j].resize(m2);
    for (std::size_t k = 0; k < m2; ++k) {
      s0[j][k] = block_lsb(out[k][0]) ? 1 : 0;
      diff[j][k] = s0[j][k] ^ (block_lsb(out[k][1]) ? 1 : 0);
    }
  }

  // Step 3: corrections turn each receiver's random differences into our a (OT k) and b
  // (OT m + k); with n = 2, party 0's a and b are those differences.
  if (derived) {
    for (std::size_t k = 0; k < m; ++k) {
      t.a[k] = diff[1][k];
      t.b[k] = diff[1][m + k];
    }
  } else {
    for (PartyId j = 0; j < n; ++j) {
      if (!sender[j]) continue;
      std::vector<bool> fix(m2);
      for (std::size_t k = 0; k < m; ++k) {
        fix[k] = (t.a[k] ^ diff[j][k]) != 0;
        fix[m + k] = (t.b[k] ^ diff[j][m + k]) != 0;
      }
      net.send(j, label + ".triple.fix", Message().add_bits(fix));
    }
  }

  // Step 4: c = a·b ⊕ our shares of a_me·b_j, b_me·a_j (as sender) and a_j·b_me, b_j·a_me
  // (as receiver: r ⊕ β·correction).
  for (std::size_t k = 0; k < m; ++k) t.c[k] = t.a[k] & t.b[k];
  for (PartyId j = 0; j < n; ++j) {
    if (sender[j]) {
      for (std::size_t k = 0; k < m; ++k) t.c[k] ^= s0[j][k] ^ s0[j][m + k];
      continue;
    }
    if (!receiver[j]) continue;
    for (std::size_t k = 0; k < m; ++k) t.c[k] ^= r[j][k] ^ r[j][m + k];
    if (n == 2) continue;  // party 0 derived its a and b: no corrections
    const Message msg = net.recv(j);
    msg.expect_parts(1);
    const std::vector<bool> fix = msg.bits(0, m2);
    for (std::size_t k = 0; k < m; ++k)
      t.c[k] ^= (t.b[k] & (fix[k] ? 1 : 0)) ^ (t.a[k] & (fix[m + k] ? 1 : 0));
  }
  return t;
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
