#include "protocols/broadcast/dolev_strong.h"

#include <algorithm>
#include <set>

#include <sodium.h>

#include "protocols/core/mutants.h"
#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"

namespace smpc {
namespace {

constexpr std::string_view kDomain = "smpc-dolev-strong-v1";

// What a signature covers: SHA-512 of domain ‖ u32 |tag| ‖ tag ‖ u32 s ‖ v (Ed25519 then signs
// the 64-byte digest).
std::array<std::uint8_t, 64> statement(std::string_view tag, PartyId sender, ByteSpan value) {
  const auto u32 = [](std::size_t v) {
    return std::array<std::uint8_t, 4>{static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8),
                                       static_cast<std::uint8_t>(v >> 16),
                                       static_cast<std::uint8_t>(v >> 24)};
  };
  return Sha512()
      .add(kDomain)
      .add(u32(tag.size()))
      .add(tag)
      .add(u32(static_cast<std::size_t>(sender)))
      .add(value)
      .finish();
}

// One party's state: at most two extracted values per sender, and what goes out next round.
struct State {
  std::vector<std::vector<Bytes>> extracted;
  std::vector<RelayEntry> next;
};

// Round r's acceptance rule: at least r distinct signers, the sender among them, every
// signature valid (seeded bug M70 counts them without checking). Returns the first r.
std::optional<std::vector<std::pair<PartyId, Signature64>>> accepted_chain(
    const BroadcastConfig& cfg, const RelayEntry& e, int r) {
  std::set<PartyId> signers;
  bool has_sender = false;
  for (const auto& [signer, sig] : e.chain) {
    if (!signers.insert(signer).second) return std::nullopt;
    has_sender |= signer == e.sender;
    if (!mutant_active(Mutant::kM70) &&
        !broadcast_verify(cfg.pki->public_keys[static_cast<std::size_t>(signer)], cfg.tag,
                          e.sender, e.value, sig))
      return std::nullopt;
  }
  if (!has_sender || static_cast<int>(e.chain.size()) < r) return std::nullopt;
  // The sender's signature first, then the others: r signatures in all.
  std::vector<std::pair<PartyId, Signature64>> out;
  for (const auto& c : e.chain)
    if (c.first == e.sender) out.push_back(c);
  for (const auto& c : e.chain)
    if (c.first != e.sender && static_cast<int>(out.size()) < r) out.push_back(c);
  return out;
}

void accept(LockstepNet& net, const BroadcastConfig& cfg, State& st, const RelayEntry& e, int r) {
  auto& mine = st.extracted[static_cast<std::size_t>(e.sender)];
  if (mine.size() >= 2 || std::find(mine.begin(), mine.end(), e.value) != mine.end()) return;
  const auto chain = accepted_chain(cfg, e, r);
  if (!chain) return;
  mine.push_back(e.value);
  if (r >= dolev_strong_rounds(cfg.max_corrupted)) return;
  RelayEntry out{e.sender, e.value, *chain};
  out.chain.emplace_back(net.self(), broadcast_sign(cfg.pki->secret_keys[static_cast<std::size_t>(
                                                        net.self())],
                                                    cfg.tag, e.sender, e.value));
  st.next.push_back(std::move(out));
}

// Round 1: the senders' signed values.
void round_one(LockstepNet& net, const BroadcastConfig& cfg, const std::vector<PartyId>& senders,
               const Bytes& mine, State& st) {
  const PartyId me = net.self();
  net.begin_round();
  if (std::binary_search(senders.begin(), senders.end(), me)) {
    const auto sig =
        broadcast_sign(cfg.pki->secret_keys[static_cast<std::size_t>(me)], cfg.tag, me, mine);
    const Message m = Message().add_bytes(mine).add_bytes(sig);
    for (PartyId p = 0; p < net.parties(); ++p)
      if (p != me) net.send(p, cfg.send_label, m);
    st.extracted[static_cast<std::size_t>(me)].push_back(mine);
  }
  for (PartyId s : senders) {
    if (s == me) continue;
    const auto m = net.recv(s);
    if (!m || m->parts().size() != 2 || m->parts()[0].kind != ElementKind::kByte ||
        m->parts()[1].kind != ElementKind::kByte || m->parts()[1].data.size() != 64)
      continue;
    Signature64 sig;
    std::copy(m->parts()[1].data.begin(), m->parts()[1].data.end(), sig.begin());
    accept(net, cfg, st, {s, m->parts()[0].data, {{s, sig}}}, 1);
  }
}

// Round r ≥ 2: relay what round r − 1 accepted, accept what arrives with r signatures.
void relay_round(LockstepNet& net, const BroadcastConfig& cfg,
                 const std::vector<PartyId>& senders, State& st, int r) {
  const PartyId me = net.self();
  net.begin_round();
  const Message out = Message().add_bytes(encode_relay(st.next));
  st.next.clear();
  for (PartyId p = 0; p < net.parties(); ++p)
    if (p != me) net.send(p, cfg.relay_label, out);
  for (PartyId p = 0; p < net.parties(); ++p) {
    if (p == me) continue;
    const auto bytes = read_bytes(net.recv(p));
    const auto entries = bytes ? decode_relay(*bytes, net.parties()) : std::nullopt;
    if (!entries) continue;
    for (const RelayEntry& e : *entries)
      if (e.sender != me && std::binary_search(senders.begin(), senders.end(), e.sender))
        accept(net, cfg, st, e, r);
  }
}

}  // namespace

Pki pki_from_seed(std::uint64_t seed, int parties) {
  Pki pki;
  for (PartyId p = 0; p < parties; ++p) {
    Rng rng(seed, p, "dolev-strong-pki");
    std::array<std::uint8_t, crypto_sign_SEEDBYTES> s;
    rng.fill(s);
    SigPublicKey pk;
    SigSecretKey sk;
    crypto_sign_seed_keypair(pk.data(), sk.data(), s.data());
    pki.public_keys.push_back(pk);
    pki.secret_keys.push_back(sk);
  }
  return pki;
}

Signature64 broadcast_sign(const SigSecretKey& sk, std::string_view tag, PartyId sender,
                           ByteSpan value) {
  const auto m = statement(tag, sender, value);
  Signature64 sig;
  crypto_sign_detached(sig.data(), nullptr, m.data(), m.size(), sk.data());
  return sig;
}

bool broadcast_verify(const SigPublicKey& pk, std::string_view tag, PartyId sender,
                      ByteSpan value, const Signature64& sig) {
  const auto m = statement(tag, sender, value);
  return crypto_sign_verify_detached(sig.data(), m.data(), m.size(), pk.data()) == 0;
}

Bytes encode_relay(const std::vector<RelayEntry>& entries) {
  ByteWriter w;
  for (const RelayEntry& e : entries) {
    w.u32(static_cast<std::uint32_t>(e.sender));
    w.u32(static_cast<std::uint32_t>(e.value.size()));
    w.raw(e.value);
    w.u32(static_cast<std::uint32_t>(e.chain.size()));
    for (const auto& [signer, sig] : e.chain) {
      w.u32(static_cast<std::uint32_t>(signer));
      w.raw(sig);
    }
  }
  return w.take();
}

std::optional<std::vector<RelayEntry>> decode_relay(ByteSpan bytes, int parties) {
  ByteReader r(bytes);
  std::vector<RelayEntry> out;
  const auto party_ok = [&](std::uint32_t p) { return p < static_cast<std::uint32_t>(parties); };
  while (r.ok() && !r.at_end()) {
    RelayEntry e;
    const std::uint32_t sender = r.u32(), len = r.u32();
    if (!r.ok() || !party_ok(sender) || len > r.remaining()) return std::nullopt;
    e.sender = static_cast<PartyId>(sender);
    e.value = r.raw(len);
    const std::uint32_t k = r.u32();
    if (!r.ok() || k > static_cast<std::uint32_t>(parties)) return std::nullopt;
    for (std::uint32_t i = 0; i < k; ++i) {
      const std::uint32_t signer = r.u32();
      const Bytes sig = r.raw(64);
      if (!r.ok() || !party_ok(signer)) return std::nullopt;
      Signature64 s;
      std::copy(sig.begin(), sig.end(), s.begin());
      e.chain.emplace_back(static_cast<PartyId>(signer), s);
    }
    out.push_back(std::move(e));
  }
  if (!r.ok()) return std::nullopt;
  return out;
}

std::vector<std::optional<Bytes>> dolev_strong(LockstepNet& net, const BroadcastConfig& cfg,
                                               const std::vector<PartyId>& senders,
                                               const Bytes& mine) {
  SMPC_ASSERT(cfg.pki && cfg.max_corrupted >= 0 &&
              cfg.pki->public_keys.size() == static_cast<std::size_t>(net.parties()));
  const auto n = static_cast<std::size_t>(net.parties());
  State st{std::vector<std::vector<Bytes>>(n), {}};
  round_one(net, cfg, senders, mine, st);
  for (int r = 2; r <= dolev_strong_rounds(cfg.max_corrupted); ++r)
    relay_round(net, cfg, senders, st, r);
  std::vector<std::optional<Bytes>> out(n);
  for (PartyId s : senders)
    if (st.extracted[static_cast<std::size_t>(s)].size() == 1)
      out[static_cast<std::size_t>(s)] = st.extracted[static_cast<std::size_t>(s)][0];
  return out;
}

BroadcastCost dolev_strong_cost(const BroadcastConfig& cfg, int parties,
                                const std::vector<std::size_t>& payload_bytes) {
  const auto n = static_cast<std::uint64_t>(parties);
  const int rounds = dolev_strong_rounds(cfg.max_corrupted);
  std::uint64_t send = 0, entries = 0;
  for (std::size_t l : payload_bytes) {
    send += (n - 1) * (75 + l);
    entries += 148 + l;
  }
  BroadcastCost c;
  if (send > 0) c.bytes[std::string(cfg.send_label)] = send;
  if (rounds >= 2) {
    c.bytes[std::string(cfg.relay_label)] =
        (n - 1) * (6 * n + (n - 1) * entries) +
        static_cast<std::uint64_t>(rounds - 2) * n * (n - 1) * 6;
  }
  c.rounds = static_cast<std::uint32_t>(rounds);
  return c;
}

}  // namespace smpc
