#include "scenarios/vote_checks.h"

#include <algorithm>
#include <functional>
#include <variant>

#include "protocols/core/hex.h"
#include "scenarios/pipeline.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "verify/tally.h"

namespace smpc::vote {

Dealing cheating_dealing(const Election& e, Rng& rng) {
  const auto& ballot = e.ballots[static_cast<std::size_t>(e.cheater)];
  Dealing d = deal_ballot(ballot, e.cfg.context(), e.cfg.servers + e.cheater, rng);
  for (auto& s : d.shares) s[0].f = s[0].f + Scalar::from_u64(1);  // shares of b_0 + 1
  // kNonBit: C_0 += G matches the shifted f (checks 1 and 3 hold; 4 does not, nor the proof).
  if (e.cheat == Election::Cheat::kNonBit)
    d.post.c[0][0] = d.post.c[0][0] + RistrettoPoint::base_mul(Scalar::from_u64(1));
  return d;
}

PartyBody election_body(const Election& e) {
  return [&e](PartyContext& ctx) {
    const int me = ctx.net.self();
    const int voter = me - e.cfg.servers;
    if (e.cheater >= 0 && voter == e.cheater) {
      const Dealing d = cheating_dealing(e, ctx.rng);
      return run_voter(ctx, e.cfg, d);
    }
    const std::vector<std::uint64_t> none;
    const auto& ballot =
        voter >= 0 && voter < e.cfg.voters ? e.ballots[static_cast<std::size_t>(voter)] : none;
    if (me == e.faulty_server) {
      FaultyChannel ch(ctx.net, e.fault);
      PartyContext faulty{ch, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
      return run_vote(faulty, e.cfg, ballot);
    }
    return run_vote(ctx, e.cfg, ballot);
  };
}

RunResult run_election(const Election& e) {
  return run_local(e.cfg.parties(), {e.seed, 30}, election_body(e));
}

Result<RunResult> run_election_simulated(const Election& e, const NetworkSpec& net) {
  SimRunOptions o;
  o.seed = e.seed;
  o.network = net;
  o.deadline_s = (kRounds + 2) * e.cfg.round_timeout_s;
  return run_simulated(e.cfg.parties(), o, election_body(e));
}

std::vector<std::uint64_t> plain_tally(const Election& e, std::vector<int>* rejected,
                                       std::vector<int>* nonbit) {
  std::vector<std::uint64_t> t(static_cast<std::size_t>(e.cfg.candidates), 0);
  for (std::size_t v = 0; v < e.ballots.size(); ++v) {
    const auto& b = e.ballots[v];
    std::uint64_t sum = 0;
    bool bits = true;
    for (auto x : b) {
      bits &= x <= 1;
      sum += x;
    }
    if (static_cast<int>(v) == e.cheater) continue;
    if (!bits) {
      if (nonbit) nonbit->push_back(static_cast<int>(v));
      continue;
    }
    if (e.cfg.one_of_k && sum != 1) {
      if (rejected) rejected->push_back(static_cast<int>(v));
      continue;
    }
    for (std::size_t i = 0; i < b.size(); ++i) t[i] += b[i];
  }
  return t;
}

namespace {

// Voter 0's scalar of entry i's polynomial `which` at 0, from t + 1 servers' shares.
Scalar at_zero(const Dealing& d, int t, std::size_t i, Scalar EntryShare::*which) {
  std::vector<std::uint64_t> xs;
  std::vector<Scalar> ys;
  for (int j = 0; j <= t; ++j) {
    xs.push_back(server_point(j));
    ys.push_back(d.shares[static_cast<std::size_t>(j)][i].*which);
  }
  return *interpolate_at_zero(xs, ys);
}

Scalar scalar_of_hex(const std::string& h) {
  ScalarBytes b{};
  for (std::size_t i = 0; i < 32; ++i) b[i] = static_cast<std::uint8_t>(std::stoi(h.substr(2 * i, 2), nullptr, 16));
  return *Scalar::decode(b);
}

}  // namespace

nlohmann::json with_counted_non_bit(const Election& e, const nlohmann::json& honest) {
  nlohmann::json tr = honest;
  const std::size_t k = static_cast<std::size_t>(e.cfg.candidates);
  std::vector<std::uint64_t> tally;
  for (const auto& x : tr["tally"]) tally.push_back(x.get<std::uint64_t>());
  std::size_t j = 0, m = 0;
  while (j < k && tally[j] == 0) ++j;
  if (e.cfg.one_of_k) {
    while (m < k && (m == j || tally[m] == 0)) ++m;
  }
  SMPC_ASSERT(j < k && (!e.cfg.one_of_k || m < k));
  std::vector<std::uint64_t> bits(k, 0);
  bits[j] = 1;  // the bits dealt; the commitments then shifted to entry j = 2, entry m = −1
  const int voter = tr["first_voter"].get<int>() + tr["voters"].get<int>();
  Rng rng(e.seed, static_cast<std::uint64_t>(voter), "forged ballot");
  Dealing d = deal_ballot(bits, e.cfg.context(), voter, rng);
  const RistrettoPoint g = RistrettoPoint::base_mul(Scalar::from_u64(1));
  d.post.c[j][0] = d.post.c[j][0] + g;
  if (e.cfg.one_of_k) d.post.c[m][0] = d.post.c[m][0] - g;
  nlohmann::json b = {{"voter", voter}, {"status", "counted"},
                      {"post", hex_text(encode_commitments(d.post))}};
  nlohmann::json proofs = nlohmann::json::array(), checks = nlohmann::json::array();
  Scalar gsum = Scalar::from_u64(0);
  for (std::size_t i = 0; i < k; ++i) {
    const auto& p = d.post.proof[i];
    proofs.push_back({hex_text(p.a0.bytes()), hex_text(p.a1.bytes()), hex_text(p.c0.bytes()),
                      hex_text(p.z0.bytes()), hex_text(p.z1.bytes())});
    // c(0) = 0 for every entry (dealt as bits); its randomness γ(0).
    checks.push_back({hex_text(Scalar::from_u64(0).bytes()),
                      hex_text(at_zero(d, e.cfg.t, i, &EntryShare::gamma).bytes())});
    const Scalar gi = at_zero(d, e.cfg.t, i, &EntryShare::g);
    gsum = gsum + gi;
    tr["randomness"][i] = hex_text((scalar_of_hex(tr["randomness"][i].get<std::string>()) + gi).bytes());
  }
  b["bit_proofs"] = proofs;
  b["check_openings"] = checks;
  if (e.cfg.one_of_k) b["sum_opening"] = {hex_text(Scalar::from_u64(1).bytes()), hex_text(gsum.bytes())};
  tr["ballots"].push_back(b);
  tr["voters"] = tr["voters"].get<int>() + 1;
  tr["tally"][j] = tally[j] + 2;
  if (e.cfg.one_of_k) tr["tally"][m] = tally[m] - 1;
  return tr;
}

nlohmann::json with_cancelling_proofs(const nlohmann::json& honest, std::size_t a,
                                      std::size_t b) {
  nlohmann::json tr = honest;
  const Scalar one = Scalar::from_u64(1);
  auto& za = tr["ballots"][a]["bit_proofs"][0][3];
  auto& zb = tr["ballots"][b]["bit_proofs"][0][3];
  za = hex_text((scalar_of_hex(za.get<std::string>()) + one).bytes());
  zb = hex_text((scalar_of_hex(zb.get<std::string>()) - one).bytes());
  return tr;
}

nlohmann::json with_swapped_posts(const nlohmann::json& honest, std::size_t a, std::size_t b) {
  nlohmann::json tr = honest;
  for (const char* key : {"post", "bit_proofs", "check_openings", "sum_opening"})
    if (tr["ballots"][a].contains(key)) std::swap(tr["ballots"][a][key], tr["ballots"][b][key]);
  return tr;
}

namespace {

Election audit_election(bool one_of_k, std::uint64_t seed) {
  Election e;
  e.cfg = {.servers = 4, .voters = 5, .t = 1, .candidates = 3, .one_of_k = one_of_k,
           .round_timeout_s = 2.0};
  e.ballots = {{2, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}};
  e.seed = seed;
  return e;
}

// "" when every server and the board output the plain tally and the transcript verifies with
// exactly the malformed ballots rejected and the cheater and the non-bit ballots (no bit proof)
// disqualified; else the first difference.
std::string judge_election(const Election& e, const RunResult& run) {
  std::vector<int> rejected, disqualified;
  const auto want = plain_tally(e, &rejected, &disqualified);
  if (e.cheater >= 0) disqualified.push_back(e.cheater);
  std::sort(disqualified.begin(), disqualified.end());
  for (int p = 0; p < e.cfg.parties(); ++p) {
    if (p >= e.cfg.servers && p < e.cfg.board()) continue;
    const auto& r = run.parties[static_cast<std::size_t>(p)];
    if (r.status != PartyStatus::kOutput) return "party " + std::to_string(p) + ": " + r.abort_reason;
    if (r.outputs != want) return "party " + std::to_string(p) + "'s tally is not the plain count";
  }
  const auto& tr = run.parties.back().annotations["vote_transcript"];
  std::vector<int> got_rejected, got_disqualified;
  for (const auto& b : tr["ballots"]) {
    const int v = b["voter"].get<int>() - e.cfg.servers;
    if (b["status"] == "rejected") got_rejected.push_back(v);
    if (b["status"] == "disqualified") got_disqualified.push_back(v);
  }
  if (got_rejected != rejected) return "the malformed ballots were not exactly the rejected ones";
  if (got_disqualified != disqualified)
    return "the cheating voter and the non-bit ballots were not exactly the disqualified ones";
  const auto check = verify_tally(tr);
  if (!check.ok()) return check.status().message();
  if (!check.value().ok) return "the transcript does not verify: " + check.value().failures[0];
  return "";
}

VoteCheck over_seeds(bool one_of_k, int cheater, Election::Cheat cheat) {
  VoteCheck c;
  for (std::uint64_t seed = 1; seed <= 3 && !c.alarm; ++seed) {
    Election e = audit_election(one_of_k, seed);
    e.cheater = cheater;
    e.cheat = cheat;
    ++c.runs;
    const auto why = judge_election(e, run_election(e));
    if (!why.empty()) {
      c.alarm = true;
      c.evidence = "seed " + std::to_string(seed) + ": " + why;
    }
  }
  if (!c.alarm) c.evidence = "every tally the plain count, the transcript verified";
  return c;
}

// The election of the two verdict checks (vote_checks.h).
nlohmann::json verdict_election(nlohmann::json adversary) {
  nlohmann::json doc = {
      {"name", "mutant check: vote verdict"}, {"seed", 1}, {"parties", 8},
      {"protocol", {{"name", "vote"}, {"threshold", 1}, {"round_timeout_s", 0.5}}},
      {"roles", {{"servers", 4}}},
      {"function", {{"name", "tally"}, {"candidates", 2}}},
      {"inputs", {nlohmann::json::array(), nlohmann::json::array(), nlohmann::json::array(),
                  nlohmann::json::array(), {1, 0}, {0, 1}, {0, 1}, nlohmann::json::array()}},
      {"network", {{"latency_ms", 5}, {"bandwidth_mbps", 100}}}};
  doc["adversary"] = std::move(adversary);
  return doc;
}

Result<RunPlan> verdict_plan(const nlohmann::json& doc) {
  SMPC_ASSIGN_OR_RETURN(const Scenario s, parse_scenario(doc.dump(), "<vote check>"));
  return resolve(s, RunOptions{});
}

}  // namespace

VoteCheck vote_tally_verdict_check() {
  VoteCheck c;
  const auto plan = verdict_plan(verdict_election(
      {{"corrupt", {5}}, {"model", "malicious"},
       {"script", {{{"strategy", "input_substitution"}, {"value", {2, 0}}}}}}));
  if (!plan.ok()) return {0, true, "the election did not plan: " + plan.status().message()};
  const auto ex = execute(*plan);
  if (!ex.ok()) return {0, true, "the election did not run: " + ex.status().message()};
  c.runs = 1;
  const Verdict honest = judge_run(*plan, ex->run);
  if (!honest.holds || honest.scope != ClaimScope::kWithin)
    return {1, true, "the honest run (the invalid ballot not counted) is not ok: " +
                         honest.explanation};
  RunResult altered = ex->run;
  for (auto& p : altered.parties)
    if (p.outputs.size() == 2) p.outputs[0] += 2;  // [1, 1] -> [3, 1]: [2, 0] counted
  const Verdict v = judge_run(*plan, altered);
  if (v.holds)
    return {1, true, "a tally counting the corrupted voter's [2, 0] is judged ok: " +
                         v.explanation};
  c.evidence = "the tally counting [2, 0] is a violation: " + v.explanation;
  return c;
}

VoteCheck vote_trusted_board_check() {
  const auto plan = verdict_plan(verdict_election(
      {{"corrupt", {7}}, {"model", "malicious"},
       {"script", {{{"strategy", "drop"}, {"label", std::string(labels::vote::kBoard)}}}}}));
  if (!plan.ok()) return {0, true, "the election did not plan: " + plan.status().message()};
  const auto ex = execute(*plan);
  if (!ex.ok()) return {0, true, "the election did not run: " + ex.status().message()};
  const Verdict v = judge_run(*plan, ex->run);
  if (v.scope == ClaimScope::kWithin)
    return {1, true, "the run with the corrupted bulletin board is judged within the claim: " +
                         v.explanation};
  return {1, false, "outside the claim: " + v.explanation};
}

VoteCheck vote_range_check() { return over_seeds(true, -1, Election::Cheat::kNonBit); }
VoteCheck vote_share_check() { return over_seeds(false, 2, Election::Cheat::kBadShares); }

namespace {

// The transcript of audit_election(one_of_k, seed) if it verifies, else the alarm's evidence.
std::variant<nlohmann::json, std::string> verified_transcript(const Election& e) {
  const RunResult run = run_election(e);
  if (const auto why = judge_election(e, run); !why.empty()) return why;
  return run.parties.back().annotations["vote_transcript"];
}

VoteCheck tampered_over_seeds(bool one_of_k, const std::string& what,
                              const std::function<nlohmann::json(const Election&,
                                                                 const nlohmann::json&)>& tamper) {
  VoteCheck c;
  for (std::uint64_t seed = 1; seed <= 3 && !c.alarm; ++seed) {
    const Election e = audit_election(one_of_k, seed);
    ++c.runs;
    const auto got = verified_transcript(e);
    if (const auto* why = std::get_if<std::string>(&got)) {
      c = {c.runs, true, "seed " + std::to_string(seed) + ": " + *why};
      break;
    }
    const auto check = verify_tally(tamper(e, std::get<nlohmann::json>(got)));
    if (check.ok() && check.value().ok)
      c = {c.runs, true, "seed " + std::to_string(seed) + ": the transcript with " + what +
                             " verifies"};
  }
  if (!c.alarm) c.evidence = "every honest transcript verified, every one with " + what + " rejected";
  return c;
}

}  // namespace

// Voters 2 and 3 (ballots [0, 1, 0] and [0, 0, 1]) are counted in audit_election.
VoteCheck vote_bit_proof_binding_check() {
  return tampered_over_seeds(true, "two counted voters' posts swapped",
                             [](const Election&, const nlohmann::json& tr) {
                               return with_swapped_posts(tr, 2, 3);
                             });
}

VoteCheck vote_bit_proof_batch_check() {
  return tampered_over_seeds(true, "two counted voters' bit proofs off by +H and -H",
                             [](const Election&, const nlohmann::json& tr) {
                               return with_cancelling_proofs(tr, 2, 3);
                             });
}

VoteCheck vote_bit_proof_counted_check() {
  return tampered_over_seeds(false, "a counted ballot committing to an entry 2",
                             [](const Election& e, const nlohmann::json& tr) {
                               return with_counted_non_bit(e, tr);
                             });
}

}  // namespace smpc::vote
