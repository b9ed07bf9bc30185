#include "protocols/vote/vote.h"

#include <algorithm>
#include <optional>
#include <string>

#include "protocols/bgw/lockstep.h"
#include "protocols/core/abort.h"
#include "protocols/core/hex.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/ristretto_msm.h"
#include "protocols/vote/labels.h"

namespace smpc::vote {
namespace {

namespace L = labels::vote;
constexpr std::uint32_t kNone = 0xFFFFFFFFu;

void at_round(LockstepNet& net, int r) {
  while (net.round() < r) net.begin_round();
}

// What every honest server and the board decide from the (relayed, hence common) board data.
struct Board {
  std::vector<std::optional<Bytes>> post_bytes;   // per voter
  std::vector<std::optional<BallotPost>> posts;   // per voter, decoded
  std::vector<std::optional<std::vector<std::uint64_t>>> complaints;  // per server
  std::vector<std::vector<int>> accused_by;       // per voter: complaining servers, ascending
  std::vector<std::optional<Bytes>> answers;      // per voter
  std::vector<std::string> status;                // "", "disqualified", "rejected", "counted"
  std::vector<std::string> reason;
  std::vector<std::vector<std::pair<Scalar, Scalar>>> check;  // per voter: opened (c_i, γ_i)
  std::vector<std::optional<std::pair<Scalar, Scalar>>> sum;  // per voter: opened (Σf, Σg)
};

Bytes encode_posts(const Board& b) {
  ByteWriter w;
  for (const auto& p : b.post_bytes) {
    w.u32(p ? static_cast<std::uint32_t>(p->size()) : kNone);
    if (p) w.raw(*p);
  }
  return w.take();
}

// Length-prefixed byte strings (kNone: absent), `count` of them, or nullopt if malformed.
std::optional<std::vector<std::optional<Bytes>>> read_strings(ByteSpan in, std::size_t count) {
  ByteReader r(in);
  std::vector<std::optional<Bytes>> out;
  for (std::size_t i = 0; i < count; ++i) {
    const auto len = r.u32();
    if (len == kNone) {
      out.emplace_back();
      continue;
    }
    if (len > r.remaining()) return std::nullopt;
    out.emplace_back(r.raw(len));
  }
  if (!r.at_end()) return std::nullopt;
  return out;
}

// The bit proofs of every readable post are checked in one batch (bit_proof.h) under weights
// from this party's own Rng; the outcome is the per-proof one, so every honest party agrees.
void set_posts(Board& b, const VoteConfig& cfg, std::vector<std::optional<Bytes>> raw, Rng& rng) {
  b.post_bytes = std::move(raw);
  const auto v = static_cast<std::size_t>(cfg.voters);
  b.posts.assign(v, std::nullopt);
  b.status.assign(v, "");
  b.reason.assign(v, "");
  std::vector<std::size_t> readable;
  std::vector<const BallotPost*> posts;
  std::vector<int> voters;
  for (std::size_t i = 0; i < v; ++i) {
    if (b.post_bytes[i]) b.posts[i] = decode_post(*b.post_bytes[i], cfg.candidates, cfg.t);
    if (!b.posts[i]) {
      b.status[i] = "disqualified";
      b.reason[i] = b.post_bytes[i] ? "malformed post" : "no post";
      continue;
    }
    readable.push_back(i);
    posts.push_back(&*b.posts[i]);
    voters.push_back(cfg.servers + static_cast<int>(i));
  }
  std::array<std::uint8_t, 32> seed{};
  rng.fill(seed);
  const std::vector<int> bad = failing_bit_proofs(posts, voters, cfg.context(), seed);
  for (std::size_t n = 0; n < readable.size(); ++n)
    if (bad[n] >= 0) {
      b.status[readable[n]] = "disqualified";
      b.reason[readable[n]] = "bit proof of entry " + std::to_string(bad[n]) + " fails";
    }
}

void set_complaints(Board& b, const VoteConfig& cfg,
                    std::vector<std::optional<std::vector<std::uint64_t>>> lists) {
  b.complaints = std::move(lists);
  b.accused_by.assign(static_cast<std::size_t>(cfg.voters), {});
  for (int s = 0; s < cfg.servers; ++s) {
    const auto& l = b.complaints[static_cast<std::size_t>(s)];
    if (!l) continue;
    for (std::uint64_t v : *l)
      if (v < static_cast<std::uint64_t>(cfg.voters)) {
        auto& a = b.accused_by[v];
        if (a.empty() || a.back() != s) a.push_back(s);
      }
  }
}

Bytes encode_complaints(const Board& b) {
  ByteWriter w;
  for (const auto& l : b.complaints) {
    w.u32(l ? static_cast<std::uint32_t>(l->size()) : kNone);
    if (l)
      for (auto v : *l) w.u64(v);
  }
  return w.take();
}

std::optional<std::vector<std::optional<std::vector<std::uint64_t>>>> read_complaints(
    ByteSpan in, int servers) {
  ByteReader r(in);
  std::vector<std::optional<std::vector<std::uint64_t>>> out;
  for (int s = 0; s < servers; ++s) {
    const auto n = r.u32();
    if (n == kNone) {
      out.emplace_back();
      continue;
    }
    if (n > r.remaining() / 8) return std::nullopt;
    std::vector<std::uint64_t> l;
    for (std::uint32_t i = 0; i < n; ++i) l.push_back(r.u64());
    out.emplace_back(std::move(l));
  }
  if (!r.at_end()) return std::nullopt;
  return out;
}

// Step 6's rule for voter v; `mine` (a server's own shares) is replaced by the answered ones
// when this server complained. The answer holds the complainers' share sets in order.
void resolve(Board& b, const VoteConfig& cfg, std::size_t v, int me,
             std::optional<ShareSet>* mine) {
  const auto& accusers = b.accused_by[v];
  if (!b.status[v].empty() || accusers.empty()) return;
  if (accusers.size() > static_cast<std::size_t>(cfg.t)) {
    b.status[v] = "disqualified";
    b.reason[v] = std::to_string(accusers.size()) + " servers complained (more than t)";
    return;
  }
  const std::size_t per = static_cast<std::size_t>(cfg.candidates) * 6 * 32;
  const auto& ans = b.answers[v];
  if (!ans || ans->size() != per * accusers.size()) {
    b.status[v] = "disqualified";
    b.reason[v] = "no valid answer to complaints";
    return;
  }
  for (std::size_t q = 0; q < accusers.size(); ++q) {
    const auto s = decode_shares(ByteSpan(*ans).subspan(q * per, per), cfg.candidates);
    if (!s || !share_valid(*b.posts[v], server_point(accusers[q]), *s)) {
      b.status[v] = "disqualified";
      b.reason[v] = "complaint of server " + std::to_string(accusers[q]) + " upheld";
      return;
    }
    if (accusers[q] == me && mine) *mine = *s;
  }
}

}  // namespace

namespace {

using Pair = std::pair<Scalar, Scalar>;

Bytes encode_pairs(const std::vector<Pair>& v) {
  Bytes out;
  for (const auto& [a, b] : v) {
    out.insert(out.end(), a.bytes().begin(), a.bytes().end());
    out.insert(out.end(), b.bytes().begin(), b.bytes().end());
  }
  return out;
}

std::optional<std::vector<Pair>> decode_pairs(const std::optional<Bytes>& in, std::size_t count) {
  if (!in || in->size() != count * 64) return std::nullopt;
  std::vector<Pair> out;
  for (std::size_t i = 0; i < count; ++i) {
    ScalarBytes a{}, b{};
    std::copy_n(in->begin() + static_cast<std::ptrdiff_t>(64 * i), 32, a.begin());
    std::copy_n(in->begin() + static_cast<std::ptrdiff_t>(64 * i + 32), 32, b.begin());
    const auto sa = Scalar::decode(a), sb = Scalar::decode(b);
    if (!sa || !sb) return std::nullopt;
    out.emplace_back(*sa, *sb);
  }
  return out;
}

// Whether sender `s`'s pairs (value, randomness) of the items `items` all open their commitment
// polynomials at its point: one random linear combination, one multi-scalar multiplication
// (the batch test of ballot.h's shares_valid_batch: a false pair passes with probability 1/ℓ).
bool pairs_valid_batch(const std::vector<Pair>& pairs, const std::vector<std::size_t>& items,
                       const std::vector<std::vector<RistrettoPoint>>& commitments,
                       std::uint64_t alpha, Rng& rng) {
  const Scalar x = Scalar::from_u64(alpha);
  std::vector<RistrettoPoint> points{RistrettoPoint::base_mul(Scalar::from_u64(1)), pedersen_h()};
  std::vector<Scalar> scalars{Scalar::from_u64(0), Scalar::from_u64(0)};
  for (std::size_t i : items) {
    const Scalar rho = Scalar::random(rng);
    scalars[0] = scalars[0] + rho * pairs[i].first;
    scalars[1] = scalars[1] + rho * pairs[i].second;
    Scalar w = Scalar::from_u64(0) - rho;
    for (const auto& c : commitments[i]) {
      points.push_back(c);
      scalars.push_back(w);
      w = w * x;
    }
  }
  const auto sum = ristretto_multi_scalar_mul(points, scalars);
  return sum && sum->is_identity();
}

// One robust opening (steps 7 and 8): servers send their pairs (value, randomness) to the other
// servers and the board; every receiver keeps, per value, the shares that match the
// commitment polynomial `commitments[i]` at the sender's point (its own first) and interpolates
// from t + 1 of them. With at most t faulty servers, S − t ≥ t + 1 honest shares are valid.
// Senders are taken in that order, each checked on every value that still lacks shares in one
// batch (pairs_valid_batch), value by value only when the batch fails: the shares kept are
// those the value-by-value rule keeps.
std::vector<Pair> open_pairs(LockstepNet& net, const VoteConfig& cfg, std::string_view label,
                             const std::vector<Pair>* mine,
                             const std::vector<std::vector<RistrettoPoint>>& commitments,
                             Rng& rng) {
  const int me = net.self();
  if (mine) {
    const Message m = Message().add_bytes(encode_pairs(*mine));
    for (int s = 0; s < cfg.servers; ++s)
      if (s != me) net.send(s, label, m);
    net.send(cfg.board(), label, m);
  }
  std::vector<std::optional<std::vector<Pair>>> got(static_cast<std::size_t>(cfg.servers));
  for (int s = 0; s < cfg.servers; ++s)
    got[static_cast<std::size_t>(s)] =
        s == me ? std::optional(*mine) : decode_pairs(read_bytes(net.recv(s)), commitments.size());
  std::vector<int> order;  // a server trusts its own share: it needs only t more
  if (mine) order.push_back(me);
  for (int s = 0; s < cfg.servers; ++s)
    if (s != me) order.push_back(s);
  const std::size_t n = commitments.size();
  std::vector<std::vector<std::uint64_t>> xs(n);
  std::vector<std::vector<Scalar>> vs(n), rs(n);
  for (int s : order) {
    const auto& g = got[static_cast<std::size_t>(s)];
    if (!g) continue;
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < n; ++i)
      if (static_cast<int>(xs[i].size()) <= cfg.t) pending.push_back(i);
    if (pending.empty()) break;
    const bool all = s == me || pairs_valid_batch(*g, pending, commitments, server_point(s), rng);
    for (std::size_t i : pending) {
      const auto& [v, r] = (*g)[i];
      if (!all && !(pedersen_commit(v, r) ==
                    evaluate_vss_commitment(commitments[i], server_point(s))))
        continue;
      xs[i].push_back(server_point(s));
      vs[i].push_back(v);
      rs[i].push_back(r);
    }
  }
  std::vector<Pair> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (static_cast<int>(xs[i].size()) <= cfg.t)
      throw Abort("fewer than t + 1 valid shares of '" + std::string(label) +
                  "': more than t servers faulty");
    out.emplace_back(*interpolate_at_zero(xs[i], vs[i]), *interpolate_at_zero(xs[i], rs[i]));
  }
  return out;
}

std::vector<RistrettoPoint> add_points(const std::vector<RistrettoPoint>& a,
                                       const std::vector<RistrettoPoint>& b) {
  if (a.empty()) return b;
  std::vector<RistrettoPoint> out(a.size());
  for (std::size_t m = 0; m < a.size(); ++m) out[m] = a[m] + b[m];
  return out;
}

std::vector<std::size_t> with_status(const Board& b, std::string_view s) {
  std::vector<std::size_t> out;
  for (std::size_t v = 0; v < b.status.size(); ++v)
    if (b.status[v] == s) out.push_back(v);
  return out;
}

// Step 7: open every admitted ballot's check values; reject the malformed ones.
void check_ballots(LockstepNet& net, const VoteConfig& cfg, Board& b,
                   const std::vector<std::optional<ShareSet>>* mine, Rng& rng) {
  const auto admitted = with_status(b, "");
  const std::size_t per = static_cast<std::size_t>(cfg.candidates) + (cfg.one_of_k ? 1 : 0);
  std::vector<std::vector<RistrettoPoint>> com;
  std::vector<Pair> shares;
  for (std::size_t v : admitted) {
    std::vector<RistrettoPoint> sum;
    Pair ssum{Scalar::from_u64(0), Scalar::from_u64(0)};
    for (int i = 0; i < cfg.candidates; ++i) {
      com.push_back(b.posts[v]->f[static_cast<std::size_t>(i)]);
      sum = add_points(sum, b.posts[v]->c[static_cast<std::size_t>(i)]);
      if (!mine) continue;
      const EntryShare x = (*mine)[v] ? (*(*mine)[v])[static_cast<std::size_t>(i)] : EntryShare{};
      shares.emplace_back(x.c, x.gamma);
      ssum = {ssum.first + x.f, ssum.second + x.g};
    }
    if (cfg.one_of_k) {
      com.push_back(sum);
      if (mine) shares.push_back(ssum);
    }
  }
  at_round(net, 7);
  const auto opened = open_pairs(net, cfg, L::kCheckOpen, mine ? &shares : nullptr, com, rng);
  b.check.assign(b.status.size(), {});
  b.sum.assign(b.status.size(), std::nullopt);
  for (std::size_t a = 0; a < admitted.size(); ++a) {
    const std::size_t v = admitted[a];
    b.check[v].assign(opened.begin() + static_cast<std::ptrdiff_t>(a * per),
                      opened.begin() + static_cast<std::ptrdiff_t>(a * per) + cfg.candidates);
    if (cfg.one_of_k) b.sum[v] = opened[a * per + per - 1];
    b.status[v] = "counted";
    for (int i = 0; i < cfg.candidates; ++i)
      if (!b.check[v][static_cast<std::size_t>(i)].first.is_zero())
        b.reason[v] = "entry " + std::to_string(i) + " is not 0 or 1";
    if (cfg.one_of_k && b.reason[v].empty() && !(b.sum[v]->first == Scalar::from_u64(1)))
      b.reason[v] = "entries do not add up to 1";
    // M76: the range check's result is ignored and the malformed ballot counted.
    if (!b.reason[v].empty() && !mutant_active(Mutant::kM76)) b.status[v] = "rejected";
  }
}

// Step 8: open the tally of the counted ballots; returns (T_i, R_i) per candidate.
std::vector<Pair> open_tally(LockstepNet& net, const VoteConfig& cfg, const Board& b,
                             const std::vector<std::optional<ShareSet>>* mine, Rng& rng) {
  std::vector<std::vector<RistrettoPoint>> com(static_cast<std::size_t>(cfg.candidates));
  std::vector<Pair> shares(static_cast<std::size_t>(cfg.candidates),
                           {Scalar::from_u64(0), Scalar::from_u64(0)});
  for (std::size_t v : with_status(b, "counted"))
    for (std::size_t i = 0; i < com.size(); ++i) {
      com[i] = add_points(com[i], b.posts[v]->c[i]);
      if (mine && (*mine)[v])
        shares[i] = {shares[i].first + (*(*mine)[v])[i].f, shares[i].second + (*(*mine)[v])[i].g};
    }
  for (auto& c : com)
    if (c.empty()) c.assign(static_cast<std::size_t>(cfg.t) + 1, RistrettoPoint::identity());
  at_round(net, 8);
  return open_pairs(net, cfg, L::kTallyOpen, mine ? &shares : nullptr, com, rng);
}

PartyOutput tally_output(const std::vector<Pair>& tally) {
  PartyOutput out;
  for (const auto& [t, r] : tally) {
    const auto v = scalar_to_u64(t);
    if (!v) throw Abort("a tally does not fit in 64 bits");
    out.values.push_back(*v);
  }
  return out;
}

}  // namespace

namespace {

nlohmann::json transcript(const VoteConfig& cfg, const Board& b, const std::vector<Pair>& tally) {
  nlohmann::json j = {{"format", "smpc-vote-transcript/2"},
                      {"servers", cfg.servers},
                      {"threshold", cfg.t},
                      {"candidates", cfg.candidates},
                      {"mode", cfg.one_of_k ? "one_of_k" : "approval"},
                      {"first_voter", cfg.servers},
                      {"voters", cfg.voters}};
  nlohmann::json ballots = nlohmann::json::array();
  for (std::size_t v = 0; v < b.status.size(); ++v) {
    nlohmann::json e = {{"voter", cfg.servers + static_cast<int>(v)}, {"status", b.status[v]}};
    if (!b.reason[v].empty()) e["reason"] = b.reason[v];
    // A readable post is shown as its commitments and its bit proofs; an unreadable one raw.
    if (b.posts[v]) {
      e["post"] = hex_text(encode_commitments(*b.posts[v]));
      nlohmann::json proofs = nlohmann::json::array();
      for (const auto& p : b.posts[v]->proof)
        proofs.push_back({hex_text(p.a0.bytes()), hex_text(p.a1.bytes()),
                          hex_text(p.c0.bytes()), hex_text(p.z0.bytes()),
                          hex_text(p.z1.bytes())});
      e["bit_proofs"] = proofs;
    } else {
      e["post"] = b.post_bytes[v] ? nlohmann::json(hex_text(*b.post_bytes[v])) : nlohmann::json();
    }
    if (b.status[v] != "disqualified") {
      nlohmann::json check = nlohmann::json::array();
      for (const auto& [c, g] : b.check[v]) check.push_back({hex_text(c.bytes()), hex_text(g.bytes())});
      e["check_openings"] = check;
      if (b.sum[v]) e["sum_opening"] = {hex_text(b.sum[v]->first.bytes()), hex_text(b.sum[v]->second.bytes())};
    }
    ballots.push_back(e);
  }
  j["ballots"] = ballots;
  nlohmann::json complaints = nlohmann::json::array();
  for (int s = 0; s < cfg.servers; ++s) {
    const auto& l = b.complaints[static_cast<std::size_t>(s)];
    nlohmann::json who = nlohmann::json::array();
    if (l)
      for (auto v : *l) who.push_back(v + static_cast<std::uint64_t>(cfg.servers));
    complaints.push_back({{"server", s}, {"voters", l ? who : nlohmann::json()}});
  }
  j["complaints"] = complaints;
  nlohmann::json t = nlohmann::json::array(), r = nlohmann::json::array();
  for (const auto& [tv, rv] : tally) {
    t.push_back(*scalar_to_u64(tv));
    r.push_back(hex_text(rv.bytes()));
  }
  j["tally"] = t;
  j["randomness"] = r;
  return j;
}

PartyOutput run_server(LockstepNet& net, PartyContext& ctx, const VoteConfig& cfg) {
  const auto V = static_cast<std::size_t>(cfg.voters);
  const int me = net.self(), board = cfg.board();
  std::vector<std::optional<ShareSet>> mine(V);
  at_round(net, 1);
  for (std::size_t v = 0; v < V; ++v)
    if (const auto raw = read_bytes(net.recv(cfg.servers + static_cast<int>(v))))
      mine[v] = decode_shares(*raw, cfg.candidates);
  Board b;
  at_round(net, 2);
  const auto raw_board = read_bytes(net.recv(board));
  auto posts = raw_board ? read_strings(*raw_board, V) : std::nullopt;
  if (!posts) throw Abort("the bulletin board sent nothing readable", {board});
  set_posts(b, cfg, std::move(*posts), ctx.rng);
  // Checks 1–4 of every admitted voter's shares, batched (ballot.h); complaints in voter order.
  std::vector<std::size_t> checked;
  std::vector<const BallotPost*> to_check;
  std::vector<const ShareSet*> sets;
  for (std::size_t v = 0; v < V; ++v)
    if (b.status[v].empty() && mine[v]) {
      checked.push_back(v);
      to_check.push_back(&*b.posts[v]);
      sets.push_back(&*mine[v]);
    }
  const std::vector<bool> valid = shares_valid_batch(to_check, server_point(me), sets, ctx.rng);
  std::vector<bool> bad(V, false);
  for (std::size_t n = 0; n < checked.size(); ++n) bad[checked[n]] = !valid[n];
  std::vector<std::uint64_t> complain;
  for (std::size_t v = 0; v < V; ++v)
    if (b.status[v].empty() && (!mine[v] || bad[v])) complain.push_back(v);
  at_round(net, 3);
  net.send(board, L::kComplain, Message().add_ring64(complain));
  at_round(net, 4);
  const auto raw_c = read_bytes(net.recv(board));
  auto lists = raw_c ? read_complaints(*raw_c, cfg.servers) : std::nullopt;
  if (!lists) throw Abort("the bulletin board's complaints are unreadable", {board});
  set_complaints(b, cfg, std::move(*lists));
  at_round(net, 6);
  const auto raw_a = read_bytes(net.recv(board));
  auto answers = raw_a ? read_strings(*raw_a, V) : std::nullopt;
  if (!answers) throw Abort("the bulletin board's answers are unreadable", {board});
  b.answers = std::move(*answers);
  for (std::size_t v = 0; v < V; ++v) resolve(b, cfg, v, me, &mine[v]);
  check_ballots(net, cfg, b, &mine, ctx.rng);
  return tally_output(open_tally(net, cfg, b, &mine, ctx.rng));
}

std::optional<std::vector<std::uint64_t>> read_ring64(const std::optional<Message>& m) {
  if (!m || m->parts().size() != 1 || m->parts()[0].kind != ElementKind::kRing64)
    return std::nullopt;
  return m->ring64(0, m->parts()[0].count);
}

PartyOutput run_board(LockstepNet& net, PartyContext& ctx, const VoteConfig& cfg) {
  const auto V = static_cast<std::size_t>(cfg.voters);
  Board b;
  at_round(net, 1);
  std::vector<std::optional<Bytes>> raw(V);
  for (std::size_t v = 0; v < V; ++v) raw[v] = read_bytes(net.recv(cfg.servers + static_cast<int>(v)));
  set_posts(b, cfg, std::move(raw), ctx.rng);
  at_round(net, 2);
  const Message board_msg = Message().add_bytes(encode_posts(b));
  for (int s = 0; s < cfg.servers; ++s) net.send(s, L::kBoard, board_msg);
  at_round(net, 3);
  std::vector<std::optional<std::vector<std::uint64_t>>> lists;
  for (int s = 0; s < cfg.servers; ++s) lists.push_back(read_ring64(net.recv(s)));
  set_complaints(b, cfg, std::move(lists));
  at_round(net, 4);
  for (std::size_t v = 0; v < V; ++v) {
    std::vector<std::uint64_t> who(b.accused_by[v].begin(), b.accused_by[v].end());
    net.send(cfg.servers + static_cast<int>(v), L::kAccused, Message().add_ring64(who));
  }
  const Message complaints_msg = Message().add_bytes(encode_complaints(b));
  for (int s = 0; s < cfg.servers; ++s) net.send(s, L::kComplaints, complaints_msg);
  at_round(net, 5);
  b.answers.assign(V, std::nullopt);
  for (std::size_t v = 0; v < V; ++v)
    if (!b.accused_by[v].empty()) b.answers[v] = read_bytes(net.recv(cfg.servers + static_cast<int>(v)));
  at_round(net, 6);
  ByteWriter w;
  for (const auto& a : b.answers) {
    w.u32(a ? static_cast<std::uint32_t>(a->size()) : kNone);
    if (a) w.raw(*a);
  }
  const Message answers_msg = Message().add_bytes(w.take());
  for (int s = 0; s < cfg.servers; ++s) net.send(s, L::kAnswers, answers_msg);
  for (std::size_t v = 0; v < V; ++v) resolve(b, cfg, v, -1, nullptr);
  check_ballots(net, cfg, b, nullptr, ctx.rng);
  const auto tally = open_tally(net, cfg, b, nullptr, ctx.rng);
  PartyOutput out = tally_output(tally);  // aborts before the transcript if a tally overflows
  if (ctx.annotations) (*ctx.annotations)["vote_transcript"] = transcript(cfg, b, tally);
  return out;
}

}  // namespace

PartyOutput run_voter(PartyContext& ctx, const VoteConfig& cfg, const Dealing& d) {
  LockstepNet net(ctx, cfg.round_timeout_s);
  at_round(net, 1);
  for (int s = 0; s < cfg.servers; ++s)
    net.send(s, L::kShares, Message().add_bytes(encode_shares(d.shares[static_cast<std::size_t>(s)])));
  net.send(cfg.board(), L::kPost, Message().add_bytes(encode_post(d.post)));
  at_round(net, 4);
  const auto accused = read_ring64(net.recv(cfg.board()));
  if (!accused || accused->empty()) return {};
  at_round(net, 5);
  Bytes answer;
  for (std::uint64_t s : *accused)
    if (s < d.shares.size()) {
      const Bytes one = encode_shares(d.shares[s]);
      answer.insert(answer.end(), one.begin(), one.end());
    }
  net.send(cfg.board(), L::kAnswer, Message().add_bytes(answer));
  return {};
}

PartyOutput run_vote(PartyContext& ctx, const VoteConfig& cfg,
                     const std::vector<std::uint64_t>& ballot) {
  SMPC_ASSERT(3 * cfg.t + 1 <= cfg.servers && cfg.candidates >= 1 &&
              ctx.net.party_count() == cfg.parties());
  const int me = ctx.net.self();
  if (me >= cfg.servers && me < cfg.board()) {
    if (ballot.size() != static_cast<std::size_t>(cfg.candidates))
      throw Abort("a ballot needs one entry per candidate");
    return run_voter(ctx, cfg, deal_ballot(ballot, cfg.context(), me, ctx.rng));
  }
  LockstepNet net(ctx, cfg.round_timeout_s);
  return me < cfg.servers ? run_server(net, ctx, cfg) : run_board(net, ctx, cfg);
}

VoteMessageSizes vote_message_sizes(const VoteConfig& c) {
  const std::uint64_t S = static_cast<std::uint64_t>(c.servers),
                      V = static_cast<std::uint64_t>(c.voters),
                      k = static_cast<std::uint64_t>(c.candidates),
                      t = static_cast<std::uint64_t>(c.t);
  VoteMessageSizes m;
  m.shares = 6 + 6 * 32 * k;
  m.post = 6 + ((4 * t + 2) * 32 + kBitProofBytes) * k;
  m.board_msg = 6 + V * (4 + ((4 * t + 2) * 32 + kBitProofBytes) * k);
  m.complain = 6;
  m.complaints = 6 + 4 * S;
  m.accused = 6;
  m.answers = 6 + 4 * V;
  m.check = 6 + 64 * V * (k + (c.one_of_k ? 1 : 0));
  m.tally = 6 + 64 * k;
  return m;
}

VoteCost vote_cost(const VoteConfig& c) {
  const std::uint64_t S = static_cast<std::uint64_t>(c.servers),
                      V = static_cast<std::uint64_t>(c.voters);
  const VoteMessageSizes m = vote_message_sizes(c);
  VoteCost r;
  r.voter_sent = S * m.shares + m.post;
  r.server_sent = m.complain + S * (m.check + m.tally);
  r.server_received =
      V * m.shares + m.board_msg + m.complaints + m.answers + (S - 1) * (m.check + m.tally);
  r.board_received = V * m.post + S * m.complain + S * (m.check + m.tally);
  r.board_sent = S * (m.board_msg + m.complaints + m.answers) + V * m.accused;
  return r;
}

}  // namespace smpc::vote
