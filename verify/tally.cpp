#include "verify/tally.h"

#include <map>
#include <set>

#include "protocols/core/mutants.h"
#include "protocols/crypto/bit_proof.h"
#include "protocols/crypto/pedersen.h"

namespace smpc {
namespace {

using nlohmann::json;

Status bad(const std::string& ptr, const std::string& what, const json& got) {
  std::string text = got.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return Error(ptr + ": " + what + ", got " + text);
}

Result<std::int64_t> integer(const json& j, const std::string& key, std::int64_t lo,
                             std::int64_t hi) {
  if (!j.contains(key)) return Error("/" + key + ": missing");
  const auto& v = j[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
    return bad("/" + key, "must be an integer in " + std::to_string(lo) + " .. " +
                              std::to_string(hi), v);
  return v.get<std::int64_t>();
}

std::optional<Bytes> unhex(const std::string& s) {
  if (s.size() % 2) return std::nullopt;
  Bytes out;
  for (std::size_t i = 0; i < s.size(); i += 2) {
    int v = 0;
    for (std::size_t k = 0; k < 2; ++k) {
      const char c = s[i + k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return std::nullopt;
      v = 16 * v + d;
    }
    out.push_back(static_cast<std::uint8_t>(v));
  }
  return out;
}

Result<Scalar> scalar_at(const json& j, const std::string& ptr) {
  if (!j.is_string()) return bad(ptr, "must be a hex string of 64 digits", j);
  const auto b = unhex(j.get<std::string>());
  if (!b || b->size() != 32) return bad(ptr, "must be a hex string of 64 digits", j);
  ScalarBytes sb{};
  std::copy(b->begin(), b->end(), sb.begin());
  const auto s = Scalar::decode(sb);
  if (!s) return bad(ptr, "is not a canonical scalar (< ℓ)", j);
  return *s;
}

Result<RistrettoPoint> point_at(const json& j, const std::string& ptr) {
  if (!j.is_string()) return bad(ptr, "must be a hex string of 64 digits", j);
  const auto b = unhex(j.get<std::string>());
  if (!b || b->size() != 32) return bad(ptr, "must be a hex string of 64 digits", j);
  PointBytes pb{};
  std::copy(b->begin(), b->end(), pb.begin());
  const auto p = RistrettoPoint::decode(pb);
  if (!p) return bad(ptr, "is not a canonical ristretto255 encoding", j);
  return *p;
}

Result<std::pair<Scalar, Scalar>> pair_at(const json& j, const std::string& ptr) {
  if (!j.is_array() || j.size() != 2) return bad(ptr, "must be a pair [value, randomness]", j);
  SMPC_ASSIGN_OR_RETURN(auto a, scalar_at(j[0], ptr + "/0"));
  SMPC_ASSIGN_OR_RETURN(auto b, scalar_at(j[1], ptr + "/1"));
  return std::pair{a, b};
}

// The post layout of protocols/vote/ballot.h: per candidate C_0..C_t, F_0..F_t, E_1..E_2t.
struct Post {
  std::vector<RistrettoPoint> c0, f0;  // per candidate: C_{i,0}, F_{i,0}
};

std::optional<std::string> parse_post(const Bytes& b, int k, int t, Post& out) {
  const std::size_t per = static_cast<std::size_t>(4 * t + 2);
  if (b.size() != per * 32 * static_cast<std::size_t>(k))
    return "has " + std::to_string(b.size()) + " bytes, expected " +
           std::to_string(per * 32 * static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i)
    for (std::size_t m = 0; m < per; ++m) {
      PointBytes pb{};
      const std::size_t at = (static_cast<std::size_t>(i) * per + m) * 32;
      std::copy(b.begin() + static_cast<std::ptrdiff_t>(at),
                b.begin() + static_cast<std::ptrdiff_t>(at + 32), pb.begin());
      const auto p = RistrettoPoint::decode(pb);
      const bool committed = m < static_cast<std::size_t>(2 * t + 2);  // C and F, not E
      if (!p || (committed && p->is_identity()))
        return "point " + std::to_string(m) + " of candidate " + std::to_string(i) +
               " is not a valid commitment";
      if (m == 0) out.c0.push_back(*p);
      if (m == static_cast<std::size_t>(t) + 1) out.f0.push_back(*p);
    }
  return std::nullopt;
}

struct Shape {
  int version = 2;  // smpc-vote-transcript/1 or /2
  int servers = 0, k = 0, t = 0;
  bool one_of_k = true;
};

// The bit proofs' Fiat–Shamir context (docs/applications.md "Voting"): "smpc-vote-ballot/2",
// then servers, threshold, candidates, mode (1 one_of_k, 0 approval), voter, candidate as u32
// little-endian.
Bytes proof_context(const Shape& s, std::int64_t voter, int candidate) {
  constexpr std::string_view kTag = "smpc-vote-ballot/2";
  Bytes out(kTag.begin(), kTag.end());
  for (const std::int64_t x : {std::int64_t{s.servers}, std::int64_t{s.t}, std::int64_t{s.k},
                               std::int64_t{s.one_of_k ? 1 : 0}, voter, std::int64_t{candidate}})
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(x) >> (8 * b)));
  return out;
}

// The ballot's bit proofs (version 2), parsed: nullopt failures are format errors (exit 2),
// among them a non-canonical point or scalar (so the batch below never sees one).
Result<std::vector<BitProof>> bit_proofs(const json& b, const std::string& ptr, const Shape& s) {
  const std::string p = ptr + "/bit_proofs";
  if (!b.contains("bit_proofs") || !b["bit_proofs"].is_array() ||
      b["bit_proofs"].size() != static_cast<std::size_t>(s.k))
    return bad(p, "must hold one proof [A0, A1, c0, z0, z1] per candidate", b.value("bit_proofs", json()));
  std::vector<BitProof> out;
  for (int i = 0; i < s.k; ++i) {
    const std::string pi = p + "/" + std::to_string(i);
    const json& q = b["bit_proofs"][static_cast<std::size_t>(i)];
    if (!q.is_array() || q.size() != 5) return bad(pi, "must be [A0, A1, c0, z0, z1]", q);
    BitProof proof;
    SMPC_ASSIGN_OR_RETURN(proof.a0, point_at(q[0], pi + "/0"));
    SMPC_ASSIGN_OR_RETURN(proof.a1, point_at(q[1], pi + "/1"));
    Scalar* parts[] = {&proof.c0, &proof.z0, &proof.z1};
    for (std::size_t m = 0; m < 3; ++m) {
      SMPC_ASSIGN_OR_RETURN(*parts[m], scalar_at(q[m + 2], pi + "/" + std::to_string(m + 2)));
    }
    out.push_back(proof);
  }
  return out;
}

// The first candidate whose bit proof fails, or -1 (one ballot on its own).
int failing_proof(const Shape& s, std::int64_t voter, const Post& post,
                  const std::vector<BitProof>& proofs) {
  for (int i = 0; i < s.k; ++i)
    if (!verify_bit_proof(post.c0[static_cast<std::size_t>(i)], proofs[static_cast<std::size_t>(i)],
                          proof_context(s, voter, i)))
      return i;
  return -1;
}

// Per ballot index, the first failing bit proof (or -1) of every counted or rejected ballot
// whose post and bit proofs parse: all their proofs in one batch test (bit_proof.h), the weights
// hashed from all of them (bit_proof_batch_seed), so no prover can choose a proof after them.
// The answers are the per-proof ones; a ballot missing here (it does not parse, or it was
// disqualified for a failing bit proof: expected to fail, so checked on its own, not allowed
// to fail the batch) is checked by the checks below.
std::map<std::size_t, int> batch_failing_proofs(const json& j, const Shape& s) {
  std::map<std::size_t, int> out;
  if (s.version < 2 || !j.contains("ballots") || !j["ballots"].is_array()) return out;
  std::vector<std::size_t> ballot;
  std::vector<Post> posts;
  std::vector<std::vector<BitProof>> proofs;
  std::vector<std::int64_t> voters;
  for (std::size_t n = 0; n < j["ballots"].size(); ++n) {
    const json& b = j["ballots"][n];
    if (!b.is_object() || !b.value("voter", json()).is_number_integer()) continue;
    const auto st = b.value("status", json());
    if (st != "counted" && st != "rejected") continue;
    const auto hex = b.value("post", json());
    const auto bytes = hex.is_string() ? unhex(hex.get<std::string>()) : std::nullopt;
    if (!bytes) continue;
    auto parsed = bit_proofs(b, "", s);
    Post post;
    if (!parsed.ok() || parse_post(*bytes, s.k, s.t, post)) continue;
    ballot.push_back(n);
    posts.push_back(std::move(post));
    proofs.push_back(std::move(parsed).value());
    voters.push_back(b["voter"].get<std::int64_t>());
  }
  std::vector<Bytes> contexts;
  for (std::size_t m = 0; m < ballot.size(); ++m)
    for (int i = 0; i < s.k; ++i) contexts.push_back(proof_context(s, voters[m], i));
  std::vector<BitStatement> st;
  for (std::size_t m = 0, at = 0; m < ballot.size(); ++m)
    for (std::size_t i = 0; i < static_cast<std::size_t>(s.k); ++i, ++at)
      st.push_back({&posts[m].c0[i], &proofs[m][i], contexts[at]});
  const std::vector<bool> ok = verify_bit_proofs_batch(st, bit_proof_batch_seed(st));
  for (std::size_t m = 0, at = 0; m < ballot.size(); ++m) {
    int first = -1;
    for (int i = 0; i < s.k; ++i, ++at)
      if (!ok[at] && first < 0) first = i;
    out[ballot[m]] = first;
  }
  return out;
}

// The batch's answer for ballot `n` if it had one, else the ballot checked on its own.
int failing_proof_of(const std::map<std::size_t, int>& batched, std::size_t n, const Shape& s,
                     std::int64_t voter, const Post& post, const std::vector<BitProof>& proofs) {
  const auto it = batched.find(n);
  return it != batched.end() ? it->second : failing_proof(s, voter, post, proofs);
}

// Checks 2 and 3 for one counted or rejected ballot; returns its C_{i,0} for the tally.
Result<std::optional<Post>> check_ballot(const json& b, const std::string& ptr, const Shape& s,
                                         std::int64_t voter, const std::string& status,
                                         const std::map<std::size_t, int>& batched,
                                         std::size_t n, TallyCheck& out) {
  if (!b.contains("post") || !b["post"].is_string())
    return bad(ptr + "/post", "must be a hex string for a " + status + " ballot", b.value("post", json()));
  const auto bytes = unhex(b["post"].get<std::string>());
  if (!bytes) return bad(ptr + "/post", "must be hex", b["post"]);
  if (!b.contains("check_openings") || !b["check_openings"].is_array() ||
      b["check_openings"].size() != static_cast<std::size_t>(s.k))
    return bad(ptr + "/check_openings", "must hold one pair per candidate", b.value("check_openings", json()));
  std::vector<BitProof> proofs;
  if (s.version >= 2) {
    SMPC_ASSIGN_OR_RETURN(proofs, bit_proofs(b, ptr, s));
  }
  Post post;
  if (const auto why = parse_post(*bytes, s.k, s.t, post)) {
    out.failures.push_back(ptr + "/post: " + *why);
    return std::optional<Post>();
  }
  // Check 2b: every entry's commitment C_i,0 holds a bit. M91: skipped.
  if (s.version >= 2 && !mutant_active(Mutant::kM91))
    if (const int i = failing_proof_of(batched, n, s, voter, post, proofs); i >= 0)
      out.failures.push_back(ptr + "/bit_proofs/" + std::to_string(i) +
                             ": does not prove that C_" + std::to_string(i) +
                             ",0 commits to 0 or 1 (for this election, voter and candidate)");
  bool malformed = false;
  for (int i = 0; i < s.k; ++i) {
    const std::string p = ptr + "/check_openings/" + std::to_string(i);
    SMPC_ASSIGN_OR_RETURN(auto cg, pair_at(b["check_openings"][static_cast<std::size_t>(i)], p));
    if (!(pedersen_commit(cg.first, cg.second) == post.f0[static_cast<std::size_t>(i)]))
      out.failures.push_back(p + ": does not open the check commitment F_" + std::to_string(i) + ",0");
    malformed |= !cg.first.is_zero();
  }
  if (s.one_of_k) {
    if (!b.contains("sum_opening")) return Error(ptr + "/sum_opening: missing (one_of_k)");
    SMPC_ASSIGN_OR_RETURN(auto sr, pair_at(b["sum_opening"], ptr + "/sum_opening"));
    RistrettoPoint sum = RistrettoPoint::identity();
    for (const auto& c : post.c0) sum = sum + c;
    if (!(pedersen_commit(sr.first, sr.second) == sum))
      out.failures.push_back(ptr + "/sum_opening: does not open Σ_i C_i,0");
    malformed |= !(sr.first == Scalar::from_u64(1));
  }
  if (status == "counted" && malformed)
    out.failures.push_back(ptr + ": counted, but its openings show a malformed ballot");
  if (status == "rejected" && !malformed)
    out.failures.push_back(ptr + ": rejected, but its openings show a well-formed ballot");
  return std::optional<Post>(std::move(post));
}

}  // namespace

namespace {

Result<Shape> read_shape(const json& j) {
  if (!j.is_object()) return bad("", "a transcript is a JSON object", j);
  const auto format = j.value("format", json());
  if (format != "smpc-vote-transcript/1" && format != "smpc-vote-transcript/2")
    return bad("/format", "must be \"smpc-vote-transcript/2\" (or /1)", format);
  Shape s;
  s.version = format == "smpc-vote-transcript/1" ? 1 : 2;
  SMPC_ASSIGN_OR_RETURN(const auto servers, integer(j, "servers", 1, 1000));
  s.servers = static_cast<int>(servers);
  SMPC_ASSIGN_OR_RETURN(const auto t, integer(j, "threshold", 0, 333));
  if (3 * t + 1 > servers)
    return bad("/threshold", "needs 3t + 1 <= servers = " + std::to_string(servers), j["threshold"]);
  SMPC_ASSIGN_OR_RETURN(const auto k, integer(j, "candidates", 1, 1000));
  const auto mode = j.value("mode", json());
  if (mode != "one_of_k" && mode != "approval")
    return bad("/mode", "must be \"one_of_k\" or \"approval\"", mode);
  s.k = static_cast<int>(k);
  s.t = static_cast<int>(t);
  s.one_of_k = mode == "one_of_k";
  return s;
}

// Check 6 (version 2): a voter disqualified for a failing bit proof (its reason says so) has a
// post with a proof that fails; others are trusted (complaints).
Status check_disqualified(const json& b, const std::string& ptr, const Shape& s,
                          std::int64_t voter, const std::map<std::size_t, int>& batched,
                          std::size_t n, TallyCheck& out) {
  const auto reason = b.value("reason", json());
  if (s.version < 2 || !reason.is_string() ||
      reason.get<std::string>().find("bit proof") == std::string::npos)
    return OkStatus();
  ++out.disqualified_by_proof;
  const auto post_hex = b.value("post", json());
  const auto bytes = post_hex.is_string() ? unhex(post_hex.get<std::string>()) : std::nullopt;
  if (!bytes) return bad(ptr + "/post", "must be hex for a ballot disqualified by its bit proof", post_hex);
  SMPC_ASSIGN_OR_RETURN(const auto proofs, bit_proofs(b, ptr, s));
  Post post;
  if (const auto why = parse_post(*bytes, s.k, s.t, post)) {
    out.failures.push_back(ptr + "/post: " + *why);
    return OkStatus();
  }
  if (failing_proof_of(batched, n, s, voter, post, proofs) < 0)
    out.failures.push_back(ptr + ": disqualified for a failing bit proof, but every bit proof verifies");
  return OkStatus();
}

// Check 4 for candidate i: Σ C_{v,i,0} over the counted ballots = Commit(T_i, R_i).
Status check_tally(const json& j, const Shape& s, const std::vector<Post>& counted,
                   TallyCheck& out) {
  for (const char* key : {"tally", "randomness"})
    if (!j.contains(key) || !j[key].is_array() || j[key].size() != static_cast<std::size_t>(s.k))
      return bad(std::string("/") + key, "must hold one entry per candidate", j.value(key, json()));
  for (int i = 0; i < s.k; ++i) {
    const std::string p = "/tally/" + std::to_string(i);
    const auto& tv = j["tally"][static_cast<std::size_t>(i)];
    if (!tv.is_number_unsigned()) return bad(p, "must be a non-negative integer", tv);
    SMPC_ASSIGN_OR_RETURN(const auto r, scalar_at(j["randomness"][static_cast<std::size_t>(i)],
                                                  "/randomness/" + std::to_string(i)));
    out.tally.push_back(tv.get<std::uint64_t>());
    RistrettoPoint sum = RistrettoPoint::identity();
    for (const auto& post : counted) sum = sum + post.c0[static_cast<std::size_t>(i)];
    if (!(pedersen_commit(Scalar::from_u64(out.tally.back()), r) == sum))
      out.failures.push_back(p + ": Commit(T, R) differs from the product of the counted "
                                 "ballots' commitments C_" + std::to_string(i) + ",0");
  }
  return OkStatus();
}

}  // namespace

Result<TallyCheck> verify_tally(const json& j) {
  SMPC_ASSIGN_OR_RETURN(const Shape s, read_shape(j));
  SMPC_ASSIGN_OR_RETURN(const auto first, integer(j, "first_voter", 0, 1 << 30));
  SMPC_ASSIGN_OR_RETURN(const auto voters, integer(j, "voters", 0, 1 << 24));
  if (!j.contains("ballots") || !j["ballots"].is_array())
    return bad("/ballots", "must be an array", j.value("ballots", json()));
  TallyCheck out;
  const std::map<std::size_t, int> batched = batch_failing_proofs(j, s);
  std::vector<Post> counted;
  std::set<std::int64_t> seen;
  for (std::size_t n = 0; n < j["ballots"].size(); ++n) {
    const std::string ptr = "/ballots/" + std::to_string(n);
    const json& b = j["ballots"][n];
    if (!b.is_object()) return bad(ptr, "must be an object", b);
    const auto v = b.value("voter", json()), st = b.value("status", json());
    if (!v.is_number_integer()) return bad(ptr + "/voter", "must be an integer", v);
    if (st != "counted" && st != "rejected" && st != "disqualified")
      return bad(ptr + "/status", "must be counted, rejected or disqualified", st);
    const auto id = v.get<std::int64_t>();
    if (id < first || id >= first + voters)
      out.failures.push_back(ptr + "/voter: " + std::to_string(id) + " is not on the roll");
    else if (!seen.insert(id).second)
      out.failures.push_back(ptr + "/voter: voter " + std::to_string(id) + " has two ballots");
    const std::string status = st.get<std::string>();
    if (status == "disqualified") {
      ++out.disqualified;
      SMPC_RETURN_IF_ERROR(check_disqualified(b, ptr, s, id, batched, n, out));
      continue;
    }
    ++(status == "counted" ? out.counted : out.rejected);
    SMPC_ASSIGN_OR_RETURN(auto post, check_ballot(b, ptr, s, id, status, batched, n, out));
    if (post && status == "counted") counted.push_back(std::move(*post));
  }
  if (seen.size() != static_cast<std::size_t>(voters))
    out.failures.push_back("/ballots: " + std::to_string(seen.size()) + " of the " +
                           std::to_string(voters) + " voters on the roll have a ballot");
  SMPC_RETURN_IF_ERROR(check_tally(j, s, counted, out));
  const std::size_t unproven = out.disqualified - out.disqualified_by_proof;
  if (s.version == 1)
    out.trusted.push_back(
        "format smpc-vote-transcript/1 carries no bit proofs: that each counted entry is 0 or 1 "
        "was NOT checked; it rests on c_i(0) = b_i(b_i - 1), the servers' pointwise checks of "
        "D = f(f - 1) - c (at most t = " + std::to_string(s.t) + " servers corrupted)");
  out.trusted.push_back(std::to_string(unproven) +
                        " disqualification(s) not for a failing bit proof: complaints are not "
                        "publicly provable");
  out.trusted.push_back("the bulletin board showed every server the same posts");
  out.trusted.push_back("discrete logarithms in ristretto255 are hard (the commitments bind)");
  if (s.version >= 2)
    out.trusted.push_back("the bit proofs' Fiat-Shamir hash (BLAKE2b) behaves as a random oracle");
  out.ok = out.failures.empty();
  return out;
}

}  // namespace smpc
