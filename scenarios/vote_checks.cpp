#include "scenarios/vote_checks.h"

#include "scenarios/pipeline.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "verify/tally.h"

namespace smpc::vote {

Dealing cheating_dealing(const Election& e, Rng& rng) {
  auto ballot = e.ballots[static_cast<std::size_t>(e.cheater)];
  ballot[0] = 1;  // deal a bit's check polynomials ...
  Dealing d = deal_ballot(ballot, e.cfg.t, e.cfg.servers, rng);
  for (auto& s : d.shares) s[0].f = s[0].f + Scalar::from_u64(1);  // ... but shares of b + 1
  // The commitments C must match the shifted f: C_0 += G.
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

std::vector<std::uint64_t> plain_tally(const Election& e, std::vector<int>* rejected) {
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
    if (!bits || (e.cfg.one_of_k && sum != 1)) {
      if (rejected) rejected->push_back(static_cast<int>(v));
      continue;
    }
    for (std::size_t i = 0; i < b.size(); ++i) t[i] += b[i];
  }
  return t;
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
// exactly `rejected` rejected and `disqualified` disqualified; else the first difference.
std::string judge_election(const Election& e, const RunResult& run, std::vector<int> disqualified) {
  std::vector<int> rejected;
  const auto want = plain_tally(e, &rejected);
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
  if (got_disqualified != disqualified) return "the cheating voter was not disqualified";
  const auto check = verify_tally(tr);
  if (!check.ok()) return check.status().message();
  if (!check.value().ok) return "the transcript does not verify: " + check.value().failures[0];
  return "";
}

VoteCheck over_seeds(bool one_of_k, int cheater) {
  VoteCheck c;
  for (std::uint64_t seed = 1; seed <= 3 && !c.alarm; ++seed) {
    Election e = audit_election(one_of_k, seed);
    e.cheater = cheater;
    ++c.runs;
    const auto why = judge_election(e, run_election(e),
                                    cheater >= 0 ? std::vector<int>{cheater} : std::vector<int>{});
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
    return {1, true, "the honest run (the invalid ballot rejected) is not ok: " +
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

VoteCheck vote_range_check() { return over_seeds(true, -1); }
VoteCheck vote_share_check() { return over_seeds(false, 2); }

}  // namespace smpc::vote
