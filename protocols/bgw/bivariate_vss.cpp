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

// One batch of AL Protocol 5.6 from this party's side; the members are what the steps share.
// Step numbers are those of bivariate_vss.h.
class VssRun {
 public:
  VssRun(LockstepNet& net, int t, const std::vector<int>& per_dealer,
         std::span<const Fp61> my_secrets)
      : net_(net), t_(t), n_(net.parties()), me_(net.self()), un_(static_cast<std::size_t>(n_)),
        k_(static_cast<std::size_t>(t) + 1), per_dealer_(per_dealer) {
    SMPC_ASSERT(per_dealer.size() == un_);
    SMPC_ASSERT(my_secrets.size() == static_cast<std::size_t>(per_dealer[me_]));
    for (PartyId d = 0; d < n_; ++d) {
      out_.offset.push_back(dealer_of_.size());
      dealer_of_.insert(dealer_of_.end(), static_cast<std::size_t>(per_dealer[d]), d);
    }
    total_ = dealer_of_.size();
    mine_at_ = out_.offset[static_cast<std::size_t>(me_)];
    for (Fp61 s : my_secrets) dealt_.push_back(Bivariate::random(s, t, net.rng()));
  }

  VssBatch run() {
    send_rows();
    const Bytes complaints = exchange_pairwise();
    broadcast_complaints(complaints);
    answer_complaints();
    broadcast_unhappy();
    reveal_unhappy_rows();
    broadcast_unhappy_again();
    decide();
    return std::move(out_);
  }

 private:
  // Instance id of dealer d's i-th value.
  std::size_t instance(PartyId d, int i) const {
    return out_.offset[static_cast<std::size_t>(d)] + static_cast<std::size_t>(i);
  }
  // Every party's broadcast u32 list (complaints), or nullopt where it is malformed.
  PerParty<std::optional<std::vector<std::uint32_t>>> broadcast_lists(Bytes mine,
                                                                      std::uint32_t bound) {
    const auto all = byzantine_broadcast(net_, t_, std::move(mine));
    PerParty<std::optional<std::vector<std::uint32_t>>> out(n_);
    for (auto [j, list] : out.items())
      list = read_u32_list(all[static_cast<std::size_t>(j)], bound);
    return out;
  }

  // Broadcasts this party's answers as a dealer (steps 4 and 6) and reads every dealer's:
  // read(instance, reader) per instance of the dealer, with reader null when its broadcast is
  // missing. Returns, by dealer, whether its payload was missing, short or too long.
  template <typename ReadInstance>
  std::vector<bool> dealer_broadcast(Bytes mine, ReadInstance read) {
    std::vector<bool> failed(un_, false);
    const auto all = byzantine_broadcast(net_, t_, std::move(mine));
    for (PartyId d = 0; d < n_; ++d) {
      const auto& payload = all[static_cast<std::size_t>(d)];
      std::optional<ByteReader> r;
      if (payload) r.emplace(*payload);
      for (int i = 0; i < per_dealer_[static_cast<std::size_t>(d)]; ++i)
        read(instance(d, i), r ? &*r : nullptr);
      if (!r || !r->at_end()) failed[static_cast<std::size_t>(d)] = true;
    }
    return failed;
  }

  void send_rows();
  Bytes exchange_pairwise();
  void broadcast_complaints(Bytes complaints);
  void answer_complaints();
  void broadcast_unhappy();
  void reveal_unhappy_rows();
  void broadcast_unhappy_again();
  void decide();

  LockstepNet& net_;
  int t_;
  int n_;
  PartyId me_;
  std::size_t un_;
  std::size_t k_;  // coefficients per row
  const std::vector<int>& per_dealer_;
  VssBatch out_;
  std::vector<PartyId> dealer_of_;  // by instance
  std::size_t total_ = 0;
  std::size_t mine_at_ = 0;
  std::vector<Bivariate> dealt_;
  std::vector<std::optional<std::vector<Fp61>>> row_;    // by instance: the row received
  std::vector<std::set<Edge>> edges_;                    // step 3
  std::vector<std::map<Edge, Fp61>> edge_value_;         // step 4
  std::vector<bool> dealer_failed_values_;               // step 4, by dealer
  std::vector<std::set<PartyId>> unhappy_;               // step 5 (U1)
  std::vector<std::map<PartyId, std::vector<Fp61>>> revealed_;  // step 6
  std::vector<bool> dealer_failed_rows_;                 // step 6, by dealer
  std::vector<std::set<PartyId>> unhappy_again_;         // step 7 (U2)
};

// Step 1: the dealer sends party j its row R_j(x) = S(x, α_j).
void VssRun::send_rows() {
  net_.begin_round();
  row_.assign(total_, std::nullopt);
  for (PartyId j : other_parties(n_, me_)) {
    if (dealt_.empty()) break;
    std::vector<Fp61> coeffs;
    for (const auto& b : dealt_) {
      const auto r = b.row(j);
      coeffs.insert(coeffs.end(), r.begin(), r.end());
    }
    net_.send(j, labels::bgw_robust::kVssRows, Message().add_field61(coeffs));
  }
  for (std::size_t i = 0; i < dealt_.size(); ++i) row_[mine_at_ + i] = dealt_[i].row(me_);
  for (PartyId d : other_parties(n_, me_)) {
    const auto m = static_cast<std::size_t>(per_dealer_[static_cast<std::size_t>(d)]);
    if (m == 0) continue;
    const auto got = read_field61(net_.recv(d), m * k_);
    if (!got) continue;
    for (std::size_t i = 0; i < m; ++i)
      row_[out_.offset[static_cast<std::size_t>(d)] + i] =
          std::vector<Fp61>(got->begin() + static_cast<std::ptrdiff_t>(i * k_),
                            got->begin() + static_cast<std::ptrdiff_t>((i + 1) * k_));
  }
}

// Step 2: pairwise sub-shares R_i(α_j), checked against R_j(α_i); a missing row sends zeros
// (its holder complains anyway). Returns this party's complaints (instance, other party).
Bytes VssRun::exchange_pairwise() {
  net_.begin_round();
  for (PartyId j : other_parties(n_, me_)) {
    std::vector<Fp61> v(total_);
    for (std::size_t i = 0; i < total_; ++i) v[i] = row_[i] ? eval(*row_[i], j) : Fp61();
    net_.send(j, labels::bgw_robust::kVssPairwise, Message().add_field61(v));
  }
  ByteWriter complaints;
  for (PartyId j : other_parties(n_, me_)) {
    const auto got = read_field61(net_.recv(j), total_);
    for (std::size_t i = 0; i < total_; ++i) {
      if (row_[i] && got && (*got)[i] == eval(*row_[i], j)) continue;
      complaints.u32(static_cast<std::uint32_t>(i));
      complaints.u32(static_cast<std::uint32_t>(j));
    }
  }
  return complaints.take();
}

// Step 3: complaints, broadcast; each complaint of j against k is the edge {j, k}.
void VssRun::broadcast_complaints(Bytes complaints) {
  edges_.assign(total_, {});
  const auto lists =
      broadcast_lists(std::move(complaints), static_cast<std::uint32_t>(std::max(total_, un_)));
  for (const auto& [j, list] : lists.items()) {
    if (!list || list->size() % 2 != 0) continue;
    bool valid = true;
    for (std::size_t c = 0; c < list->size(); c += 2)
      valid = valid && (*list)[c] < total_ && (*list)[c + 1] < un_ &&
              static_cast<PartyId>((*list)[c + 1]) != j;
    if (!valid) continue;  // a malformed complaint list can only come from a corrupted party
    for (std::size_t c = 0; c < list->size(); c += 2) {
      const auto other = static_cast<PartyId>((*list)[c + 1]);
      edges_[(*list)[c]].insert({std::min(j, other), std::max(j, other)});
    }
  }
}

// Step 4: the dealer answers every edge with the disputed value S(α_j, α_k).
void VssRun::answer_complaints() {
  edge_value_.assign(total_, {});
  ByteWriter w;
  for (std::size_t i = 0; i < dealt_.size(); ++i)
    for (const auto& [a, b] : edges_[mine_at_ + i]) w.u64(dealt_[i].at(a, b).value());
  dealer_failed_values_ = dealer_broadcast(w.take(), [this](std::size_t id, ByteReader* r) {
    for (const auto& e : edges_[id]) edge_value_[id][e] = r ? r->fp61() : Fp61();
  });
}

// Step 5: unhappy parties (U1): no row, or a row that disagrees with an answered edge of theirs.
void VssRun::broadcast_unhappy() {
  unhappy_.assign(total_, {});
  ByteWriter w;
  for (std::size_t i = 0; i < total_; ++i) {
    bool sad = !row_[i];
    if (!sad && !dealer_failed_values_[static_cast<std::size_t>(dealer_of_[i])]) {
      for (const auto& [e, v] : edge_value_[i]) {
        if (e.first != me_ && e.second != me_) continue;
        const PartyId other = e.first == me_ ? e.second : e.first;
        sad = sad || v != eval(*row_[i], other);
      }
    }
    if (sad) w.u32(static_cast<std::uint32_t>(i));
  }
  const auto lists = broadcast_lists(w.take(), static_cast<std::uint32_t>(total_));
  for (const auto& [j, list] : lists.items())
    if (list)
      for (auto i : *list) unhappy_[i].insert(j);
}

// Step 6: the dealer reveals the rows of U1.
void VssRun::reveal_unhappy_rows() {
  revealed_.assign(total_, {});
  ByteWriter w;
  for (std::size_t i = 0; i < dealt_.size(); ++i)
    for (PartyId j : unhappy_[mine_at_ + i])
      for (Fp61 c : dealt_[i].row(j)) w.u64(c.value());
  dealer_failed_rows_ = dealer_broadcast(w.take(), [this](std::size_t id, ByteReader* r) {
    for (PartyId j : unhappy_[id]) {
      std::vector<Fp61> coeffs(k_);
      for (auto& c : coeffs) c = r ? r->fp61() : Fp61();
      revealed_[id][j] = std::move(coeffs);
    }
  });
}

// Step 7: parties outside U1 check the revealed rows against their own (U2).
void VssRun::broadcast_unhappy_again() {
  unhappy_again_.assign(total_, {});
  ByteWriter w;
  for (std::size_t i = 0; i < total_; ++i) {
    if (!row_[i] || unhappy_[i].count(me_)) continue;
    bool sad = false;
    for (const auto& [j, r] : revealed_[i]) sad = sad || eval(r, me_) != eval(*row_[i], j);
    if (sad) w.u32(static_cast<std::uint32_t>(i));
  }
  const auto lists = broadcast_lists(w.take(), static_cast<std::uint32_t>(total_));
  for (const auto& [j, list] : lists.items())
    if (list)
      for (auto i : *list)
        if (!unhappy_[i].count(j)) unhappy_again_[i].insert(j);
}

// Decision: the same for every honest party, since it reads only broadcast data.
void VssRun::decide() {
  out_.rows.assign(total_, std::vector<Fp61>(k_));
  out_.accepted.assign(total_, false);
  for (std::size_t i = 0; i < total_; ++i) {
    const auto d = static_cast<std::size_t>(dealer_of_[i]);
    const bool disqualified =
        (!edges_[i].empty() && dealer_failed_values_[d]) ||
        (!unhappy_[i].empty() && dealer_failed_rows_[d]) ||
        unhappy_[i].size() + unhappy_again_[i].size() > static_cast<std::size_t>(t_);
    if (disqualified) continue;
    out_.accepted[i] = true;
    if (unhappy_[i].count(me_))
      out_.rows[i] = revealed_[i][me_];
    else if (row_[i])
      out_.rows[i] = *row_[i];
  }
}

}  // namespace

int vss_rounds(int t) { return 2 + 5 * broadcast_rounds(t); }

VssBatch vss_share(LockstepNet& net, int t, const std::vector<int>& per_dealer,
                   std::span<const Fp61> my_secrets) {
  return VssRun(net, t, per_dealer, my_secrets).run();
}

}  // namespace smpc
