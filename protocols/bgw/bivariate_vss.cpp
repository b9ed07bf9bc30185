#include "protocols/bgw/bivariate_vss.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "protocols/bgw/phase_king.h"
#include "protocols/bgw/shamir.h"
#include "protocols/bgw/labels_robust.h"

namespace smpc {
namespace {

using Edge = std::pair<PartyId, PartyId>;  // (smaller, larger)

// A symmetric (t+1)×(t+1) coefficient matrix: S(x, y) = Σ s[a][b] x^a y^b.
struct Bivariate {
  std::vector<std::vector<Fp61>> s;

  static Bivariate random(Fp61 secret, int t, Rng& rng) {
    const auto k = static_cast<std::size_t>(t) + 1;
    Bivariate b{std::vector<std::vector<Fp61>>(k, std::vector<Fp61>(k))};
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = i; j < k; ++j) b.s[i][j] = b.s[j][i] = rng.uniform_fp61();
    b.s[0][0] = secret;
    return b;
  }
  // R_j(x) = S(x, α_j): coefficient a is Σ_b s[a][b] α_j^b.
  std::vector<Fp61> row(PartyId j) const {
    std::vector<Fp61> r(s.size());
    for (std::size_t a = 0; a < s.size(); ++a) r[a] = evaluate_polynomial(s[a], shamir_point(j));
    return r;
  }
  Fp61 at(PartyId j, PartyId k) const { return evaluate_polynomial(row(k), shamir_point(j)); }
};

Fp61 eval(const std::vector<Fp61>& poly, PartyId p) {
  return evaluate_polynomial(poly, shamir_point(p));
}

// A broadcast list of u32 (sorted, deduplicated by the reader), each < bound; nullopt if
// malformed.
std::optional<std::vector<std::uint32_t>> read_u32_list(const std::optional<Bytes>& payload,
                                                        std::uint32_t bound) {
  if (!payload) return std::nullopt;
  ByteReader r(*payload);
  std::vector<std::uint32_t> out;
  while (r.remaining() > 0) {
    const std::uint32_t v = r.u32();
    if (!r.ok() || v >= bound) return std::nullopt;
    out.push_back(v);
  }
  if (!r.at_end()) return std::nullopt;
  return out;
}

}  // namespace

int vss_rounds(int t) { return 2 + 5 * broadcast_rounds(t); }

VssBatch vss_share(LockstepNet& net, int t, const std::vector<int>& per_dealer,
                   std::span<const Fp61> my_secrets) {
  const int n = net.parties();
  const PartyId me = net.self();
  const auto un = static_cast<std::size_t>(n);
  const auto k = static_cast<std::size_t>(t) + 1;
  SMPC_ASSERT(per_dealer.size() == un);
  SMPC_ASSERT(my_secrets.size() == static_cast<std::size_t>(per_dealer[me]));

  VssBatch out;
  std::vector<PartyId> dealer_of;
  for (PartyId d = 0; d < n; ++d) {
    out.offset.push_back(dealer_of.size());
    dealer_of.insert(dealer_of.end(), static_cast<std::size_t>(per_dealer[d]), d);
  }
  const std::size_t total = dealer_of.size();
  const std::size_t mine_at = out.offset[static_cast<std::size_t>(me)];
  std::vector<Bivariate> dealt;
  for (Fp61 s : my_secrets) dealt.push_back(Bivariate::random(s, t, net.rng()));

  // Step 1: rows.
  net.begin_round();
  std::vector<std::optional<std::vector<Fp61>>> row(total);
  for (PartyId j = 0; j < n; ++j) {
    if (j == me || dealt.empty()) continue;
    std::vector<Fp61> coeffs;
    for (const auto& b : dealt) {
      const auto r = b.row(j);
      coeffs.insert(coeffs.end(), r.begin(), r.end());
    }
    net.send(j, labels::bgw_robust::kVssRows, Message().add_field61(coeffs));
  }
  for (std::size_t i = 0; i < dealt.size(); ++i) row[mine_at + i] = dealt[i].row(me);
  for (PartyId d = 0; d < n; ++d) {
    const auto m = static_cast<std::size_t>(per_dealer[d]);
    if (d == me || m == 0) continue;
    const auto got = read_field61(net.recv(d), m * k);
    if (!got) continue;
    for (std::size_t i = 0; i < m; ++i)
      row[out.offset[static_cast<std::size_t>(d)] + i] =
          std::vector<Fp61>(got->begin() + static_cast<std::ptrdiff_t>(i * k),
                            got->begin() + static_cast<std::ptrdiff_t>((i + 1) * k));
  }

  // Step 2: pairwise sub-shares; a missing row sends zeros (its holder complains anyway).
  net.begin_round();
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    std::vector<Fp61> v(total);
    for (std::size_t i = 0; i < total; ++i) v[i] = row[i] ? eval(*row[i], j) : Fp61();
    net.send(j, labels::bgw_robust::kVssPairwise, Message().add_field61(v));
  }
  ByteWriter complaints;
  for (PartyId j = 0; j < n; ++j) {
    if (j == me) continue;
    const auto got = read_field61(net.recv(j), total);
    for (std::size_t i = 0; i < total; ++i) {
      if (row[i] && got && (*got)[i] == eval(*row[i], j)) continue;
      complaints.u32(static_cast<std::uint32_t>(i));
      complaints.u32(static_cast<std::uint32_t>(j));
    }
  }

  // Step 3: complaints, broadcast; each complaint of j against k is the edge {j, k}.
  std::vector<std::set<Edge>> edges(total);
  {
    const auto all = byzantine_broadcast(net, t, complaints.take());
    for (PartyId j = 0; j < n; ++j) {
      const auto list = read_u32_list(all[static_cast<std::size_t>(j)],
                                      static_cast<std::uint32_t>(std::max(total, un)));
      if (!list || list->size() % 2 != 0) continue;
      bool valid = true;
      for (std::size_t c = 0; c < list->size(); c += 2)
        valid = valid && (*list)[c] < total && (*list)[c + 1] < un &&
                static_cast<PartyId>((*list)[c + 1]) != j;
      if (!valid) continue;  // a malformed complaint list can only come from a corrupted party
      for (std::size_t c = 0; c < list->size(); c += 2) {
        const auto other = static_cast<PartyId>((*list)[c + 1]);
        edges[(*list)[c]].insert({std::min(j, other), std::max(j, other)});
      }
    }
  }

  // Step 4: the dealer answers every edge with the disputed value S(α_j, α_k).
  std::vector<std::map<Edge, Fp61>> edge_value(total);
  std::vector<bool> dealer_failed_values(un, false);
  {
    ByteWriter w;
    for (std::size_t i = 0; i < dealt.size(); ++i)
      for (const auto& [a, b] : edges[mine_at + i]) w.u64(dealt[i].at(a, b).value());
    const auto all = byzantine_broadcast(net, t, w.take());
    for (PartyId d = 0; d < n; ++d) {
      const auto& payload = all[static_cast<std::size_t>(d)];
      std::optional<ByteReader> r;
      if (payload) r.emplace(*payload);
      for (int i = 0; i < per_dealer[d]; ++i) {
        const std::size_t id =
            out.offset[static_cast<std::size_t>(d)] + static_cast<std::size_t>(i);
        for (const auto& e : edges[id]) edge_value[id][e] = r ? r->fp61() : Fp61();
      }
      if (!r || !r->at_end()) dealer_failed_values[static_cast<std::size_t>(d)] = true;
    }
  }

  // Step 5: unhappy parties (U1).
  std::vector<std::set<PartyId>> unhappy(total);
  {
    ByteWriter w;
    for (std::size_t i = 0; i < total; ++i) {
      bool sad = !row[i];
      if (!sad && !dealer_failed_values[static_cast<std::size_t>(dealer_of[i])]) {
        for (const auto& [e, v] : edge_value[i]) {
          if (e.first != me && e.second != me) continue;
          const PartyId other = e.first == me ? e.second : e.first;
          sad = sad || v != eval(*row[i], other);
        }
      }
      if (sad) w.u32(static_cast<std::uint32_t>(i));
    }
    const auto all = byzantine_broadcast(net, t, w.take());
    for (PartyId j = 0; j < n; ++j) {
      const auto list =
          read_u32_list(all[static_cast<std::size_t>(j)], static_cast<std::uint32_t>(total));
      if (!list) continue;
      for (auto i : *list) unhappy[i].insert(j);
    }
  }

  // Step 6: the dealer reveals the rows of U1.
  std::vector<std::map<PartyId, std::vector<Fp61>>> revealed(total);
  std::vector<bool> dealer_failed_rows(un, false);
  {
    ByteWriter w;
    for (std::size_t i = 0; i < dealt.size(); ++i)
      for (PartyId j : unhappy[mine_at + i])
        for (Fp61 c : dealt[i].row(j)) w.u64(c.value());
    const auto all = byzantine_broadcast(net, t, w.take());
    for (PartyId d = 0; d < n; ++d) {
      const auto& payload = all[static_cast<std::size_t>(d)];
      std::optional<ByteReader> r;
      if (payload) r.emplace(*payload);
      for (int i = 0; i < per_dealer[d]; ++i) {
        const std::size_t id =
            out.offset[static_cast<std::size_t>(d)] + static_cast<std::size_t>(i);
        for (PartyId j : unhappy[id]) {
          std::vector<Fp61> coeffs(k);
          for (auto& c : coeffs) c = r ? r->fp61() : Fp61();
          revealed[id][j] = std::move(coeffs);
        }
      }
      if (!r || !r->at_end()) dealer_failed_rows[static_cast<std::size_t>(d)] = true;
    }
  }

  // Step 7: parties outside U1 check the revealed rows against their own (U2).
  std::vector<std::set<PartyId>> unhappy_again(total);
  {
    ByteWriter w;
    for (std::size_t i = 0; i < total; ++i) {
      if (!row[i] || unhappy[i].count(me)) continue;
      bool sad = false;
      for (const auto& [j, r] : revealed[i]) sad = sad || eval(r, me) != eval(*row[i], j);
      if (sad) w.u32(static_cast<std::uint32_t>(i));
    }
    const auto all = byzantine_broadcast(net, t, w.take());
    for (PartyId j = 0; j < n; ++j) {
      const auto list =
          read_u32_list(all[static_cast<std::size_t>(j)], static_cast<std::uint32_t>(total));
      if (!list) continue;
      for (auto i : *list)
        if (!unhappy[i].count(j)) unhappy_again[i].insert(j);
    }
  }

  // Decision: the same for every honest party, since it reads only broadcast data.
  out.rows.assign(total, std::vector<Fp61>(k));
  out.accepted.assign(total, false);
  for (std::size_t i = 0; i < total; ++i) {
    const auto d = static_cast<std::size_t>(dealer_of[i]);
    const bool disqualified =
        (!edges[i].empty() && dealer_failed_values[d]) ||
        (!unhappy[i].empty() && dealer_failed_rows[d]) ||
        unhappy[i].size() + unhappy_again[i].size() > static_cast<std::size_t>(t);
    if (disqualified) continue;
    out.accepted[i] = true;
    if (unhappy[i].count(me))
      out.rows[i] = revealed[i][me];
    else if (row[i])
      out.rows[i] = *row[i];
  }
  return out;
}

}  // namespace smpc
