#include "protocols/bgw/phase_king.h"

#include "protocols/core/mutants.h"

#include <map>

#include "protocols/core/status.h"
#include "protocols/bgw/labels_robust.h"

namespace smpc {
namespace {

using Value = std::optional<Bytes>;     // ⊥ = nullopt
using Proposal = std::optional<Value>;  // no proposal = nullopt

constexpr std::uint32_t kBottom = 0xFFFFFFFF;
constexpr std::uint32_t kNoProposal = 0xFFFFFFFE;

Message encode_proposals(const std::vector<Proposal>& v) {
  ByteWriter w;
  for (const auto& p : v) {
    if (!p) {
      w.u32(kNoProposal);
    } else if (!*p) {
      w.u32(kBottom);
    } else {
      w.u32(static_cast<std::uint32_t>((*p)->size()));
      w.raw(**p);
    }
  }
  return Message().add_bytes(w.take());
}

Message encode_values(const std::vector<Value>& v) {
  std::vector<Proposal> p(v.begin(), v.end());
  return encode_proposals(p);
}

// nullopt when the vector is malformed (then the sender is simply not counted).
std::optional<std::vector<Proposal>> decode_proposals(const std::optional<Message>& m,
                                                      std::size_t n, bool proposals_allowed) {
  const auto bytes = read_bytes(m);
  if (!bytes) return std::nullopt;
  ByteReader r(*bytes);
  std::vector<Proposal> out(n);
  for (std::size_t s = 0; s < n; ++s) {
    const std::uint32_t len = r.u32();
    if (!r.ok()) return std::nullopt;
    if (len == kNoProposal) {
      if (!proposals_allowed) return std::nullopt;
      out[s] = std::nullopt;
    } else if (len == kBottom) {
      out[s] = Value();
    } else {
      if (len > r.remaining()) return std::nullopt;
      out[s] = Value(r.raw(len));
    }
  }
  if (!r.at_end()) return std::nullopt;
  return out;
}

// The value with the most supporters (ties: the smallest), and its count.
std::pair<Value, int> plurality(const std::map<Value, int>& counts) {
  std::pair<Value, int> best{Value(), 0};
  for (const auto& [value, count] : counts)
    if (count > best.second) best = {value, count};
  return best;
}

}  // namespace

std::vector<std::optional<Bytes>> byzantine_broadcast(LockstepNet& net, int t, const Bytes& mine) {
  const int n = net.parties();
  const PartyId me = net.self();
  SMPC_ASSERT(t >= 0 && 3 * t + 1 <= n);
  const auto un = static_cast<std::size_t>(n);

  // Round 1: the senders' payloads.
  net.begin_round();
  for (PartyId p = 0; p < n; ++p)
    if (p != me) net.send(p, labels::bgw_robust::kBcastSend, Message().add_bytes(mine));
  std::vector<Value> v(un);
  v[static_cast<std::size_t>(me)] = mine;
  for (PartyId p = 0; p < n; ++p)
    if (p != me) v[static_cast<std::size_t>(p)] = read_bytes(net.recv(p));
  // M08: "broadcast" as a plain multicast: each party keeps what it was sent, so a sender who
  // equivocates leaves honest parties with different values.
  if (mutant_active(Mutant::kM08)) return v;

  for (PartyId king = 0; king <= t; ++king) {
    // Round A (vote).
    net.begin_round();
    const Message vote = encode_values(v);
    for (PartyId p = 0; p < n; ++p)
      if (p != me) net.send(p, labels::bgw_robust::kBcastVote, vote);
    std::vector<std::map<Value, int>> votes(un);
    for (std::size_t s = 0; s < un; ++s) ++votes[s][v[s]];
    for (PartyId p = 0; p < n; ++p) {
      if (p == me) continue;
      const auto got = decode_proposals(net.recv(p), un, false);
      if (!got) continue;
      for (std::size_t s = 0; s < un; ++s) ++votes[s][*(*got)[s]];
    }
    std::vector<Proposal> proposal(un);
    for (std::size_t s = 0; s < un; ++s) {
      const auto [value, count] = plurality(votes[s]);
      if (count >= n - t) proposal[s] = value;
    }

    // Round B (propose).
    net.begin_round();
    const Message prop = encode_proposals(proposal);
    for (PartyId p = 0; p < n; ++p)
      if (p != me) net.send(p, labels::bgw_robust::kBcastPropose, prop);
    std::vector<std::map<Value, int>> proposals(un);
    for (std::size_t s = 0; s < un; ++s)
      if (proposal[s]) ++proposals[s][*proposal[s]];
    for (PartyId p = 0; p < n; ++p) {
      if (p == me) continue;
      const auto got = decode_proposals(net.recv(p), un, true);
      if (!got) continue;
      for (std::size_t s = 0; s < un; ++s)
        if ((*got)[s]) ++proposals[s][*(*got)[s]];
    }
    std::vector<bool> locked(un, false);
    for (std::size_t s = 0; s < un; ++s) {
      const auto [value, count] = plurality(proposals[s]);
      if (count >= t + 1) v[s] = value;
      locked[s] = count >= n - t;
    }

    // Round C (king).
    net.begin_round();
    if (me == king) {
      const Message kv = encode_values(v);
      for (PartyId p = 0; p < n; ++p)
        if (p != me) net.send(p, labels::bgw_robust::kBcastKing, kv);
    } else {
      const auto got = decode_proposals(net.recv(king), un, false);
      for (std::size_t s = 0; s < un; ++s)
        if (!locked[s]) v[s] = got ? *(*got)[s] : Value();
    }
  }
  return v;
}

}  // namespace smpc
