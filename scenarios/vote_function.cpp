#include "scenarios/vote_function.h"

#include <algorithm>

#include "protocols/core/json_text.h"
#include "protocols/core/mutants.h"
#include "protocols/vote/ideal.h"

namespace smpc {
namespace {

Status bad(const std::string& ptr, const std::string& problem, const nlohmann::json& got) {
  return Error(ptr + ": " + problem + ", got " + short_json(got));
}

bool empty_array(const nlohmann::json& j) { return j.is_array() && j.empty(); }

std::string words_text(const std::vector<std::uint64_t>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

}  // namespace

bool valid_ballot(const std::vector<std::uint64_t>& ballot, bool one_of_k) {
  std::uint64_t ones = 0;
  for (auto x : ballot) {
    if (x > 1) return false;
    ones += x;
  }
  return !one_of_k || ones == 1;
}

OutputCheck tally_check(int servers, std::vector<std::vector<std::uint64_t>> ballots,
                        bool one_of_k) {
  return [servers, ballots = std::move(ballots), one_of_k](
             const RunResult& run, PartyId p, const std::vector<PartyId>& corrupted) -> std::string {
    const int voters = static_cast<int>(ballots.size());
    const int board = servers + voters;
    const auto& out = run.parties[static_cast<std::size_t>(p)].outputs;
    if (p >= servers && p < board)
      return out.empty() ? "" : "a voter output " + std::to_string(out.size()) + " words";
    const std::size_t k = ballots.empty() ? 0 : ballots[0].size();
    if (out.size() != k)
      return std::to_string(out.size()) + " output words, expected " + std::to_string(k);
    // H: the honest voters' valid ballots; c: the corrupted voters.
    std::vector<std::uint64_t> honest(k, 0);
    std::uint64_t c = 0;
    for (int v = 0; v < voters; ++v) {
      const auto& b = ballots[static_cast<std::size_t>(v)];
      if (is_party_in(corrupted, servers + v)) {
        ++c;
      } else if (valid_ballot(b, one_of_k)) {
        for (std::size_t i = 0; i < k; ++i) honest[i] += b[i];
      }
    }
    std::uint64_t extra = 0;
    for (std::size_t i = 0; i < k; ++i) {
      if (out[i] < honest[i])
        return "candidate " + std::to_string(i) + " has " + std::to_string(out[i]) +
               " votes, fewer than the honest voters' valid ballots give it (" +
               std::to_string(honest[i]) + "); tally " + words_text(out);
      const std::uint64_t x = out[i] - honest[i];
      // Seeded bug M82: the corrupted voters' share of the tally is not bounded, so a ballot
      // entry 2 counted for a corrupted voter passes as its choice.
      if (!one_of_k && x > c && !mutant_active(Mutant::kM82))
        return "candidate " + std::to_string(i) + " has " + std::to_string(x) +
               " votes beyond the honest voters' valid ballots, more than the " +
               std::to_string(c) + " corrupted voters can cast with valid approval ballots; "
               "tally " + words_text(out);
      extra += x;
    }
    if (one_of_k && extra > c && !mutant_active(Mutant::kM82))
      return "the tally " + words_text(out) + " holds " + std::to_string(extra) +
             " votes beyond the honest voters' valid ballots " + words_text(honest) +
             ", more than the " + std::to_string(c) +
             " corrupted voters can cast with valid one_of_k ballots";
    // Every honest output receiver (servers and board) agrees.
    for (const auto& q : run.parties) {
      if (q.party == p || q.status != PartyStatus::kOutput || is_party_in(corrupted, q.party) ||
          (q.party >= servers && q.party < board))
        continue;
      if (q.outputs != out)
        return "its tally " + words_text(out) + " differs from honest party " +
               std::to_string(q.party) + "'s " + words_text(q.outputs);
    }
    return "";
  };
}

Result<Function> build_tally(const nlohmann::json& spec, const std::vector<nlohmann::json>& in) {
  const auto cj = spec.value("candidates", nlohmann::json());
  if (!cj.is_number_integer() || cj.get<std::int64_t>() < 1 ||
      cj.get<std::int64_t>() > vote::kMaxCandidates)
    return bad("/function/candidates",
               "must be an integer 1 .. " + std::to_string(vote::kMaxCandidates), cj);
  const auto mj = spec.value("mode", nlohmann::json("one_of_k"));
  if (!mj.is_string() || (mj != "one_of_k" && mj != "approval"))
    return bad("/function/mode", "must be \"one_of_k\" or \"approval\"", mj);
  vote::ElectionShape shape;
  shape.candidates = cj.get<int>();
  shape.one_of_k = mj == "one_of_k";
  const std::size_t n = in.size();
  if (n < 3)
    return Error("/parties: tally needs servers, at least one voter and the bulletin board "
                 "(the last party), got " + std::to_string(n) + " parties");
  if (!empty_array(in[n - 1]))
    return bad("/inputs/" + std::to_string(n - 1),
               "the last party is the bulletin board and gives no input ([])", in[n - 1]);
  // The servers: the parties before the first one that gives a ballot.
  std::size_t s = 0;
  while (s + 1 < n && empty_array(in[s])) ++s;
  if (s == 0)
    return bad("/inputs/0", "party 0 is a server and gives no input ([]); servers come first, "
                            "then the voters, then the bulletin board", in[0]);
  if (s + 1 == n) return Error("/inputs: tally needs at least one voter (a party with a ballot)");
  shape.servers = static_cast<int>(s);
  shape.voters = static_cast<int>(n - 1 - s);
  if (shape.voters > vote::kMaxVoters)
    return Error("/inputs: at most " + std::to_string(vote::kMaxVoters) + " voters, got " +
                 std::to_string(shape.voters));
  Function f;
  f.party_inputs.resize(n);
  std::vector<std::vector<std::uint64_t>> ballots;
  for (std::size_t p = s; p + 1 < n; ++p) {
    const std::string ptr = "/inputs/" + std::to_string(p);
    if (!in[p].is_array() || in[p].size() != static_cast<std::size_t>(shape.candidates))
      return bad(ptr, "voter " + std::to_string(p) + "'s ballot needs one entry per candidate (" +
                          std::to_string(shape.candidates) + ")", in[p]);
    std::vector<std::uint64_t> ballot;
    for (std::size_t i = 0; i < in[p].size(); ++i) {
      const auto& x = in[p][i];
      if (!x.is_number_unsigned() && !(x.is_number_integer() && x.get<std::int64_t>() >= 0))
        return bad(ptr + "/" + std::to_string(i),
                   "a ballot entry is a non-negative integer (0 or 1 to be valid)", x);
      ballot.push_back(x.get<std::uint64_t>());
    }
    f.party_inputs[p].values = ballot;
    ballots.push_back(std::move(ballot));
  }
  f.circuit = vote::election_circuit(shape);
  for (const auto& g : f.circuit.outputs) f.output_names.push_back(g.name);
  f.output_check = tally_check(shape.servers, std::move(ballots), shape.one_of_k);
  f.output_check_doc =
      "every honest server's and the bulletin board's tally equal, and equal to the honest "
      "voters' valid ballots counted plus what the corrupted voters can add with valid ballots "
      "or abstention (one_of_k: at most one vote each; approval: at most one per candidate "
      "each); malformed ballots are not counted";
  return f;
}

}  // namespace smpc
