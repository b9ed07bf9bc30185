#include "protocols/ot/iknp.h"

#include <algorithm>
#include <cstring>

#include "protocols/core/abort.h"
#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"
#include "protocols/core/status.h"
#include "protocols/crypto/block.h"
#include "protocols/crypto/tccr_hash.h"
#include "protocols/ot/bit_matrix.h"

namespace smpc {
namespace {

constexpr std::size_t kHashChunk = 128;  // OTs per tccr_hash call (256 blocks for pairs)

std::size_t round_up_128(std::size_t m) { return (m + 127) / 128 * 128; }

void xor_bytes(std::uint8_t* dst, const std::uint8_t* src, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) dst[k] ^= src[k];
}

void xor2_bytes(std::uint8_t* dst, const std::uint8_t* a, const std::uint8_t* b, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) dst[k] ^= static_cast<std::uint8_t>(a[k] ^ b[k]);
}

// Bits choices[off .. off + m) into out (bit k at byte k/8, bit k mod 8), 64 at a time.
void pack_bits(const std::vector<bool>& choices, std::size_t off, std::size_t m,
               std::uint8_t* out) {
  for (std::size_t k = 0; k < m; k += 8) {
    unsigned byte = 0;
    const std::size_t n = std::min<std::size_t>(8, m - k);
    for (std::size_t b = 0; b < n; ++b) byte |= (choices[off + k + b] ? 1u : 0u) << b;
    out[k / 8] = static_cast<std::uint8_t>(byte);
  }
}

// The u / y payload of a message as a block span, after the typed reader's shape checks.
const Block* blocks_of(const Message& m, std::size_t count) {
  m.expect_parts(1);
  const MessagePart& p = m.parts()[0];
  // Let the typed reader produce the standard Abort for a wrong kind or count.
  if (p.kind != ElementKind::kBlock128 || p.count != count) (void)m.blocks(0, count);
  return reinterpret_cast<const Block*>(p.data.data());
}

// h[j] = {H(q[j], tweak(first + j)), H(q[j] ⊕ s, tweak(first + j))}: the hash writes the pairs
// in place (a pair is two adjacent blocks), with no copy through scratch buffers.
void hash_pairs(const Block* q, const Block& s, std::uint64_t first, std::size_t m,
                std::array<Block, 2>* h) {
  static_assert(sizeof(std::array<Block, 2>) == 2 * sizeof(Block));
  Block x[2 * kHashChunk], tw[2 * kHashChunk];
  for (std::size_t off = 0; off < m; off += kHashChunk) {
    const std::size_t n = std::min(kHashChunk, m - off);
    for (std::size_t k = 0; k < n; ++k) {
      x[2 * k] = q[off + k];
      x[2 * k + 1] = block_xor(q[off + k], s);
      tw[2 * k] = tw[2 * k + 1] = tccr_tweak(kTweakOt, first + off + k);
    }
    tccr_hash(std::span<const Block>(x, 2 * n), std::span<const Block>(tw, 2 * n),
              std::span<Block>(h[off].data(), 2 * n));
  }
}

// h[j] = H(t[j], tweak(first + j)).
void hash_rows_into(const Block* t, std::uint64_t first, std::size_t m, Block* h) {
  Block tw[2 * kHashChunk];
  for (std::size_t off = 0; off < m; off += 2 * kHashChunk) {
    const std::size_t n = std::min(2 * kHashChunk, m - off);
    for (std::size_t k = 0; k < n; ++k) tw[k] = tccr_tweak(kTweakOt, first + off + k);
    tccr_hash(std::span<const Block>(t + off, n), std::span<const Block>(tw, n),
              std::span<Block>(h + off, n));
  }
}

// The base phase's second half, the same in both roles: the peer's base-OT message gives our
// κ seeds, and the base-OT state (its secret exponents) is dropped.
template <typename BaseOt>
auto finish_base(Channel& net, PartyId peer, std::optional<BaseOt>& base) {
  SMPC_ASSERT(base.has_value());
  auto seeds = base->keys(net.recv(peer));
  base.reset();
  return seeds;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Sender.

IknpSender::IknpSender(Channel& net, PartyId receiver, Rng& rng, std::string label)
    : net_(net), peer_(receiver), rng_(rng), label_(std::move(label)) {}

void IknpSender::send_base() {
  // Base phase: s ← {0,1}^κ; we are the base-OT receiver with choices s.
  s_ = random_block(rng_);
  std::vector<bool> choices(kIknpKappa);
  for (std::size_t i = 0; i < kIknpKappa; ++i) choices[i] = block_bit(s_, i);
  base_.emplace(choices, rng_);
  net_.send(peer_, label_ + ".base", base_->first_message());
}

void IknpSender::receive_base() {
  seeds_ = finish_base(net_, peer_, base_);
  // M35 (seeded bug): column 0 keeps a zero seed, as if one base OT too few ran. Both sides
  // agree, so the OTs stay correct, but R's u^0 = G(0) ⊕ G(0) ⊕ r is its choice bits.
  if (mutant_active(Mutant::kM35)) seeds_[0] = OtKey{};
  prg_ = AesPrgBank(seeds_);
}

const Block* IknpSender::receive_rows(std::size_t m) {
  SMPC_ASSERT(seeds_.size() == kIknpKappa && m > 0 && m <= kIknpBatch);
  const std::size_t mp = round_up_128(m), row_bytes = mp / 8;
  const Message msg = net_.recv(peer_);
  const auto* u = reinterpret_cast<const std::uint8_t*>(blocks_of(msg, mp));
  // Step 2: q^i = G(k_i^{s_i}) ⊕ s_i·u^i, i.e. q_j = t_j ⊕ r_j·s after transposing.
  resize_counted(columns_, kIknpKappa * row_bytes);
  prg_.expand(batches_, columns_.data(), row_bytes);
  for (std::size_t i = 0; i < kIknpKappa; ++i)
    if (block_bit(s_, i)) xor_bytes(columns_.data() + i * row_bytes, u + i * row_bytes, row_bytes);
  ++batches_;
  resize_counted(rows_, mp);
  transpose_128xn(columns_.data(), mp, rows_.data());
  return rows_.data();
}

void IknpSender::extend_batch(std::size_t m, std::array<Block, 2>* h) {
  const Block* q = receive_rows(m);
  // Step 3 (every flavour): H(q_j), H(q_j ⊕ s) with the OT's own tweak.
  hash_pairs(q, s_, next_index_, m, h);
  next_index_ += m;
}

void IknpSender::extend_rows(std::span<Block> q) {
  for (std::size_t off = 0; off < q.size(); off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, q.size() - off);
    std::copy_n(receive_rows(mb), mb, q.data() + off);
  }
}

void IknpSender::extend_random(std::span<std::array<Block, 2>> out) {
  const std::size_t m = out.size();
  for (std::size_t off = 0; off < m; off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, m - off);
    extend_batch(mb, out.data() + off);  // Step 3 (random): the pair is (H(q_j), H(q_j ⊕ s))
  }
}

std::vector<std::array<Block, 2>> IknpSender::extend_random(std::size_t m) {
  count_alloc<std::array<Block, 2>>(m);
  std::vector<std::array<Block, 2>> out(m);
  extend_random(out);
  return out;
}

void IknpSender::send_chosen(std::span<const std::array<Block, 2>> messages) {
  const std::size_t m = messages.size();
  for (std::size_t off = 0; off < m; off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, m - off);
    resize_counted(pairs_, mb);
    extend_batch(mb, pairs_.data());
    // Step 3 (chosen): y0_j = x0_j ⊕ H(q_j), y1_j = x1_j ⊕ H(q_j ⊕ s).
    MessagePart y{ElementKind::kBlock128, static_cast<std::uint32_t>(2 * mb), {}};
    count_alloc<std::uint8_t>(32 * mb);
    y.data.resize(32 * mb);
    auto* yb = reinterpret_cast<Block*>(y.data.data());
    for (std::size_t k = 0; k < mb; ++k) {
      yb[2 * k] = block_xor(messages[off + k][0], pairs_[k][0]);
      yb[2 * k + 1] = block_xor(messages[off + k][1], pairs_[k][1]);
    }
    net_.send(peer_, label_ + ".messages", Message().add_part(std::move(y)));
  }
}

void IknpSender::send_correlated(const Block& delta, std::span<Block> x0) {
  const std::size_t m = x0.size();
  for (std::size_t off = 0; off < m; off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, m - off);
    resize_counted(pairs_, mb);
    extend_batch(mb, pairs_.data());
    // Step 3 (correlated): x0_j = H(q_j), y_j = x0_j ⊕ Δ ⊕ H(q_j ⊕ s).
    MessagePart y{ElementKind::kBlock128, static_cast<std::uint32_t>(mb), {}};
    count_alloc<std::uint8_t>(16 * mb);
    y.data.resize(16 * mb);
    auto* yb = reinterpret_cast<Block*>(y.data.data());
    for (std::size_t k = 0; k < mb; ++k) {
      x0[off + k] = pairs_[k][0];
      yb[k] = block_xor(block_xor(pairs_[k][0], delta), pairs_[k][1]);
    }
    net_.send(peer_, label_ + ".messages", Message().add_part(std::move(y)));
  }
}

std::vector<Block> IknpSender::send_correlated(const Block& delta, std::size_t m) {
  count_alloc<Block>(m);
  std::vector<Block> x0(m);
  send_correlated(delta, x0);
  return x0;
}

// ---------------------------------------------------------------------------------------------
// Receiver.

IknpReceiver::IknpReceiver(Channel& net, PartyId sender, Rng& rng, std::string label)
    : net_(net), peer_(sender), rng_(rng), label_(std::move(label)) {}

void IknpReceiver::send_base() {
  // Base phase: we are the base-OT sender of κ random seed pairs.
  base_.emplace(kIknpKappa, rng_);
  net_.send(peer_, label_ + ".base", base_->first_message());
}

void IknpReceiver::receive_base() {
  seeds_ = finish_base(net_, peer_, base_);
  if (mutant_active(Mutant::kM35)) seeds_[0] = {OtKey{}, OtKey{}};  // M35: see the sender
  std::vector<PrgSeed> k0(kIknpKappa), k1(kIknpKappa);
  for (std::size_t i = 0; i < kIknpKappa; ++i) {
    k0[i] = seeds_[i][0];
    k1[i] = seeds_[i][1];
  }
  prg0_ = AesPrgBank(k0);
  prg1_ = AesPrgBank(k1);
}

const Block* IknpReceiver::send_rows_batch(const std::vector<bool>& choices, std::size_t off,
                                           std::size_t mb) {
  SMPC_ASSERT(seeds_.size() == kIknpKappa);
  const std::size_t mp = round_up_128(mb), row_bytes = mp / 8;
  // Step 1: t^i = G(k_i^0), u^i = t^i ⊕ G(k_i^1) ⊕ r.
  MessagePart u{ElementKind::kBlock128, static_cast<std::uint32_t>(mp), {}};
  count_alloc<std::uint8_t>(kIknpKappa * row_bytes);
  u.data.resize(kIknpKappa * row_bytes);
  r_.assign(row_bytes, 0);
  pack_bits(choices, off, mb, r_.data());
  resize_counted(columns_, kIknpKappa * row_bytes);
  prg0_.expand(batches_, columns_.data(), row_bytes);
  prg1_.expand(batches_, u.data.data(), row_bytes);
  for (std::size_t i = 0; i < kIknpKappa; ++i)
    xor2_bytes(u.data.data() + i * row_bytes, columns_.data() + i * row_bytes, r_.data(),
               row_bytes);
  ++batches_;
  net_.send(peer_, label_ + ".extend", Message().add_part(std::move(u)));
  resize_counted(rows_, mp);
  transpose_128xn(columns_.data(), mp, rows_.data());
  return rows_.data();
}

void IknpReceiver::send_extension(const std::vector<bool>& choices, std::span<Block> h) {
  SMPC_ASSERT(h.size() == choices.size());
  const std::size_t m = choices.size();
  for (std::size_t off = 0; off < m; off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, m - off);
    // Step 3, receiver side: H(t_j).
    hash_rows_into(send_rows_batch(choices, off, mb), next_index_, mb, h.data() + off);
    next_index_ += mb;
  }
}

void IknpReceiver::send_rows(const std::vector<bool>& choices, std::span<Block> t) {
  SMPC_ASSERT(t.size() == choices.size());
  for (std::size_t off = 0; off < t.size(); off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, t.size() - off);
    std::copy_n(send_rows_batch(choices, off, mb), mb, t.data() + off);
  }
}

void IknpReceiver::extend_random(const std::vector<bool>& choices, std::span<Block> out) {
  send_extension(choices, out);  // Step 3 (random): H(t_j)
}

void IknpReceiver::receive_chosen(const std::vector<bool>& choices, std::span<Block> out) {
  send_extension(choices, out);
  for (std::size_t off = 0; off < out.size(); off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, out.size() - off);
    const Message msg = net_.recv(peer_);
    const Block* y = blocks_of(msg, 2 * mb);
    // Step 3 (chosen): x_{r_j} = y^{r_j}_j ⊕ H(t_j).
    for (std::size_t k = 0; k < mb; ++k)
      out[off + k] = block_xor(out[off + k], y[2 * k + (choices[off + k] ? 1 : 0)]);
  }
}

void IknpReceiver::receive_correlated(const std::vector<bool>& choices, std::span<Block> out) {
  send_extension(choices, out);
  for (std::size_t off = 0; off < out.size(); off += kIknpBatch) {
    const std::size_t mb = std::min(kIknpBatch, out.size() - off);
    const Message msg = net_.recv(peer_);
    const Block* y = blocks_of(msg, mb);
    // Step 3 (correlated): x_{r_j} = H(t_j) ⊕ r_j·y_j.
    for (std::size_t k = 0; k < mb; ++k)
      if (choices[off + k]) out[off + k] = block_xor(out[off + k], y[k]);
  }
}

std::vector<Block> IknpReceiver::extend_random(const std::vector<bool>& choices) {
  count_alloc<Block>(choices.size());
  std::vector<Block> out(choices.size());
  extend_random(choices, out);
  return out;
}

std::vector<Block> IknpReceiver::receive_chosen(const std::vector<bool>& choices) {
  count_alloc<Block>(choices.size());
  std::vector<Block> out(choices.size());
  receive_chosen(choices, out);
  return out;
}

std::vector<Block> IknpReceiver::receive_correlated(const std::vector<bool>& choices) {
  count_alloc<Block>(choices.size());
  std::vector<Block> out(choices.size());
  receive_correlated(choices, out);
  return out;
}

}  // namespace smpc
