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

BitTriples ot_bit_triples(PartyContext& ctx, std::size_t count, const std::string& label) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const int n = net.party_count();
  SMPC_ASSERT(count > 0 && n >= 2);
  const auto next = [n](PartyId p) { return (p + 1) % n; };
  const std::string ot_label = label + ".ot";

  // One IKNP instance per direction per peer, each with its own randomness stream; the Rngs
  // must outlive the instances that hold references to them.
  std::vector<std::unique_ptr<Rng>> rngs;
  std::vector<std::unique_ptr<IknpSender>> to(static_cast<std::size_t>(n));      // me → j
  std::vector<std::unique_ptr<IknpReceiver>> from(static_cast<std::size_t>(n));  // j → me
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    rngs.push_back(std::make_unique<Rng>(ctx.rng.derive("gmw.ot.send." + std::to_string(j))));
    to[j] = std::make_unique<IknpSender>(net, j, *rngs.back(), ot_label);
    rngs.push_back(std::make_unique<Rng>(ctx.rng.derive("gmw.ot.recv." + std::to_string(j))));
    from[j] = std::make_unique<IknpReceiver>(net, j, *rngs.back(), ot_label);
  }

  // Step 1 (base OTs): both of our base messages to every peer go out before we wait, so the
  // whole base phase is one round. Per link the peer sent its sender's message first.
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    to[j]->send_base();
    from[j]->send_base();
  }
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    from[j]->receive_base();
    to[j]->receive_base();
  }

  // Step 2 (random OT extension): our b-bits are our choices towards every sender.
  BitTriples t;
  Rng choice_rng = ctx.rng.derive("gmw.triples.b");
  const std::vector<bool> b = random_bits(choice_rng, count);
  std::vector<std::vector<std::uint8_t>> r(static_cast<std::size_t>(n));   // lsb(m_b) from j
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    const auto out = from[j]->extend_random(b);  // sends u; receives nothing
    r[j].resize(count);
    for (std::size_t k = 0; k < count; ++k) r[j][k] = block_lsb(out[k]) ? 1 : 0;
  }
  std::vector<std::vector<std::uint8_t>> s0(static_cast<std::size_t>(n)),
      s1(static_cast<std::size_t>(n));
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    const auto out = to[j]->extend_random(count);  // receives j's u
    s0[j].resize(count);
    s1[j].resize(count);
    for (std::size_t k = 0; k < count; ++k) {
      s0[j][k] = block_lsb(out[k][0]) ? 1 : 0;
      s1[j][k] = block_lsb(out[k][1]) ? 1 : 0;
    }
  }

  // Step 3: a = s0 ⊕ s1 of the OT towards our anchor; the other receivers get corrections.
  t.a.resize(count);
  t.b.resize(count);
  t.c.resize(count);
  const PartyId anchor = next(me);
  for (std::size_t k = 0; k < count; ++k) {
    t.a[k] = s0[anchor][k] ^ s1[anchor][k];
    t.b[k] = b[k] ? 1 : 0;
  }
  for (PartyId j = 0; j < n; ++j) {
    if (j == me || j == anchor) continue;
    std::vector<bool> fix(count);
    for (std::size_t k = 0; k < count; ++k) fix[k] = (t.a[k] ^ s0[j][k] ^ s1[j][k]) != 0;
    net.send(j, label + ".triple.fix", Message().add_bits(fix));
  }

  // Step 4: c = a·b ⊕ Σ_j (our share of a·b_j as sender ⊕ our share of a_j·b as receiver).
  for (std::size_t k = 0; k < count; ++k) t.c[k] = t.a[k] & t.b[k];
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    for (std::size_t k = 0; k < count; ++k) t.c[k] ^= s0[j][k] ^ r[j][k];
    if (next(j) == me) continue;  // we are j's anchor: j's a-bit is its own OT difference
    const Message m = net.recv(j);
    m.expect_parts(1);
    const std::vector<bool> fix = m.bits(0, count);
    for (std::size_t k = 0; k < count; ++k) t.c[k] ^= t.b[k] & (fix[k] ? 1 : 0);
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
