#include "protocols/ot/kos.h"

#include <algorithm>
#include <cstring>

#include "protocols/core/abort.h"
#include "protocols/core/mutants.h"
#include "protocols/core/status.h"
#include "protocols/crypto/block.h"
#include "protocols/crypto/tccr_hash.h"
#include "protocols/ot/gf128.h"

namespace smpc {
namespace {

using Seed = std::array<std::uint8_t, 32>;

std::string session_of(const std::string& label, std::uint64_t call) {
  return label + "/kos/" + std::to_string(call);
}

// χ_1 .. χ_m' from the tossed seed (a ChaCha20 stream keyed by it, modelled as uniform).
std::vector<Block> coefficients(const std::string& session, const Seed& seed, std::size_t count) {
  Rng stream(0, -1, session + "/chi/" + std::string(seed.begin(), seed.end()));
  std::vector<Block> chi(count);
  random_blocks(stream, chi);
  return chi;
}

Bytes exact_bytes(const Message& m, std::size_t part, std::size_t size, PartyId from) {
  Bytes b = m.bytes(part);
  if (b.size() != size)
    throw Abort("malformed KOS message from party " + std::to_string(from) + ": expected " +
                    std::to_string(size) + " bytes, got " + std::to_string(b.size()),
                {from}, AbortKind::kMalformed);
  return b;
}

// Step 5: H(row_j ⊕ c) for the first m rows, tweaks first .. first + m.
void hash_rows(const std::vector<Block>& rows, std::size_t m, const Block* offset,
               std::uint64_t first, Block* out) {
  std::vector<Block> x(m), tw(m);
  for (std::size_t j = 0; j < m; ++j) {
    x[j] = offset ? block_xor(rows[j], *offset) : rows[j];
    tw[j] = tccr_tweak(kTweakOt, first + j);
  }
  std::vector<Block> h(m);
  tccr_hash(x, tw, h);
  for (std::size_t j = 0; j < m; ++j) out[j] = h[j];
}

}  // namespace

KosSender::KosSender(Channel& net, PartyId receiver, Rng& rng, std::string label)
    : iknp_(net, receiver, rng, label), net_(net), peer_(receiver), rng_(rng),
      label_(std::move(label)) {}

void KosSender::receive_extension(std::size_t m) {
  m_ = m;
  q_.resize(m + kKosPadding);
  iknp_.extend_rows(q_);
  const Message c = net_.recv(peer_);
  c.expect_parts(1);
  const Bytes cb = exact_bytes(c, 0, commitment_.size(), peer_);
  std::memcpy(commitment_.data(), cb.data(), commitment_.size());
  // Step 2: seed_S, sent only now that u and c_R are fixed.
  rng_.fill(seed_);
  net_.send(peer_, label_ + ".seed", Message().add_bytes(Bytes(seed_.begin(), seed_.end())));
}

std::vector<std::array<Block, 2>> KosSender::finish() {
  const std::string session = session_of(label_, calls_++);
  const Message msg = net_.recv(peer_);
  msg.expect_parts(2);
  const auto xt = msg.blocks(0, 2);
  const Bytes open = exact_bytes(msg, 1, 64, peer_);
  Opening o;
  o.value.assign(open.begin(), open.begin() + 32);
  std::memcpy(o.randomness.data(), open.data() + 32, 32);
  if (!verify_commitment({session, peer_}, commitment_, o))
    throw Abort("KOS: party " + std::to_string(peer_) + " opened its coin share inconsistently "
                "with its commitment", {peer_});
  Seed seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(o.value[i] ^ seed_[i]);
  // Step 4: Σ q_j·χ_j = t ⊕ x·Δ.
  const std::vector<Block> chi = coefficients(session, seed, q_.size());
  Gf128Wide q, rhs;
  for (std::size_t j = 0; j < q_.size(); ++j) gf128_mul_acc(q_[j], chi[j], q);
  gf128_mul_acc(xt[0], iknp_.s(), rhs);
  const Block expected = block_xor(gf128_reduce(rhs), xt[1]);
  // M67 (seeded bug): the check is computed but its verdict ignored (plain IKNP security).
  if (gf128_reduce(q) != expected && !mutant_active(Mutant::kM67))
    throw Abort("KOS consistency check failed: party " + std::to_string(peer_) +
                    " used inconsistent choice bits across the columns of its OT extension",
                {peer_});
  // Step 5.
  std::vector<Block> h0(m_), h1(m_);
  const Block delta = iknp_.s();
  hash_rows(q_, m_, nullptr, next_index_, h0.data());
  hash_rows(q_, m_, &delta, next_index_, h1.data());
  next_index_ += m_;
  std::vector<std::array<Block, 2>> out(m_);
  for (std::size_t j = 0; j < m_; ++j) out[j] = {h0[j], h1[j]};
  return out;
}

KosReceiver::KosReceiver(Channel& net, PartyId sender, Rng& rng, std::string label)
    : iknp_(net, sender, rng, label), net_(net), peer_(sender), rng_(rng),
      label_(std::move(label)) {}

void KosReceiver::send_extension(const std::vector<bool>& choices) {
  m_ = choices.size();
  choices_ = choices;
  for (std::size_t k = 0; k < kKosPadding; ++k) choices_.push_back(rng_.next_bit());
  t_.resize(choices_.size());
  iknp_.send_rows(choices_, t_);
  // Step 1: commit to seed_R before seeing seed_S.
  Seed seed{};
  rng_.fill(seed);
  auto [digest, opening] = commit({session_of(label_, calls_), net_.self()}, seed, rng_);
  opening_ = opening;
  net_.send(peer_, label_ + ".commit", Message().add_bytes(Bytes(digest.begin(), digest.end())));
}

std::vector<Block> KosReceiver::finish() {
  const std::string session = session_of(label_, calls_++);
  const Message msg = net_.recv(peer_);
  msg.expect_parts(1);
  const Bytes theirs = exact_bytes(msg, 0, 32, peer_);
  Seed seed{};
  for (std::size_t i = 0; i < seed.size(); ++i)
    seed[i] = static_cast<std::uint8_t>(theirs[i] ^ opening_.value[i]);
  // Step 3: x = Σ r'_j·χ_j, t = Σ t_j·χ_j.
  const std::vector<Block> chi = coefficients(session, seed, t_.size());
  Block x{};
  Gf128Wide t;
  for (std::size_t j = 0; j < t_.size(); ++j) {
    if (choices_[j]) x = block_xor(x, chi[j]);
    gf128_mul_acc(t_[j], chi[j], t);
  }
  Bytes open(opening_.value);
  open.insert(open.end(), opening_.randomness.begin(), opening_.randomness.end());
  net_.send(peer_, label_ + ".check",
            Message().add_blocks(std::vector<Block>{x, gf128_reduce(t)}).add_bytes(open));
  // Step 5.
  std::vector<Block> out(m_);
  hash_rows(t_, m_, nullptr, next_index_, out.data());
  next_index_ += m_;
  return out;
}

}  // namespace smpc
