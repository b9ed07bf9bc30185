#include "protocols/spdz/extract.h"

#include <array>
#include <optional>
#include <string>

#include "protocols/core/mutants.h"

namespace smpc {

std::vector<std::uint64_t> mascot_transcript_words(const MascotCopeTranscript& t) {
  std::vector<std::uint64_t> words;
  for (const Digest& d : t)
    for (std::size_t i = 0; i < d.size(); i += 4)
      words.push_back(std::uint64_t{d[i]} | std::uint64_t{d[i + 1]} << 8 |
                      std::uint64_t{d[i + 2]} << 16 | std::uint64_t{d[i + 3]} << 24);
  return words;
}

namespace {

constexpr std::uint64_t kWordBound = std::uint64_t{1} << 32;
constexpr std::array<const char*, kMascotTranscriptMessages> kTranscriptMessage = {
    "spdz.mascot.cope.base: its Naor–Pinkas sender message to",
    "spdz.mascot.cope.base: the Naor–Pinkas receiver message it got from",
    "spdz.mascot.cope: its Π_COPE u to"};

// A corrupted owner's MASCOT input masks r, or why the run does not pin them down.
struct MascotMasks {
  std::optional<std::vector<std::uint64_t>> r;
  std::string why;
};

// Why the owner's own record of r is the effective r. In MASCOT's proof the ideal-world
// simulator reads r off the F_OT inputs (it plays the base OTs). The testbed has no F_OT, but a
// corrupted party runs the project's own code, and only its outgoing messages can be altered
// (adversary/: scripts and programs behind AdversarialChannel). Honest party p's MAC share on
// r is Σ 2^i (t^i_{Δ_i} + Δ_i·u^i) (mascot.h, Π_COPE Extend): a function of p's own Δ, of the
// base-OT keys fixed by the two kMascotCopeBase messages between o (P_A) and p, and of o's u.
// When all three are the messages o's code produced and received, p's share is exactly the one
// for the r that o's code holds — the one it recorded and masked its input with. When any
// differs, an honest p's MAC key may pin down another r (adding δ to each u^i for one value
// shifts that value by δ, a valid input substitution that MASCOT's checks cannot see when
// the adversary adjusts its y and openings to match), so the run defines no r we can read:
// "not extracted", and the judge falls back to the ideal-world oracle. Every honest party that
// took part in the input phase (it recorded ε) or finished the preprocessing (it recorded a
// transcript) is compared. M102 (seeded bug) skips the comparison.
MascotMasks mascot_masks(const ExtractionQuery& q, PartyId owner, std::size_t count) {
  const std::string o = std::to_string(owner);
  const auto r = input_phase_record(*q.run, owner, kMascotMaskRecord, owner, count, Fp61::kModulus);
  if (!r.ok())
    return {std::nullopt, "not extracted: with MASCOT preprocessing only party " + o +
                              " knows its input masks, and its record of them is unusable (" +
                              r.status().message() + ")"};
  if (mutant_active(Mutant::kM102)) return {*r, ""};
  const int n = static_cast<int>(q.run->parties.size());
  for (PartyId p = 0; p < n; ++p) {
    if (p == owner || is_party_in(q.corrupted, p)) continue;
    const auto theirs = input_phase_record(*q.run, p, kMascotAsBRecord, owner,
                                           kMascotTranscriptWords, kWordBound);
    const bool took_part =
        input_phase_record(*q.run, p, "opened", owner, count, Fp61::kModulus).ok();
    if (!theirs.ok() && !took_part) continue;  // p stopped before the preprocessing ended
    const std::string pair = "party " + o + " (the owner) and honest party " + std::to_string(p);
    if (!theirs.ok())
      return {std::nullopt, "not extracted: the MASCOT authentication transcript between " +
                                pair + " is missing (" + theirs.status().message() + ")"};
    const auto mine = input_phase_record(*q.run, owner, kMascotAsARecord, p,
                                         kMascotTranscriptWords, kWordBound);
    if (!mine.ok())
      return {std::nullopt, "not extracted: the MASCOT authentication transcript between " +
                                pair + " is missing (" + mine.status().message() + ")"};
    for (std::size_t m = 0; m < kMascotTranscriptMessages; ++m)
      if (!std::equal(mine->begin() + 8 * m, mine->begin() + 8 * (m + 1), theirs->begin() + 8 * m))
        return {std::nullopt, "not extracted: party " + o + "'s MASCOT authentication messages " +
                                  "to party " + std::to_string(p) + " were altered in flight (" +
                                  kTranscriptMessage[m] + " party " + std::to_string(p) +
                                  " differs from what party " + o + "'s code produced), so party " +
                                  std::to_string(p) + "'s MAC key need not pin down the r party " +
                                  o + " holds"};
  }
  return {*r, ""};
}

// x = ε + r for one corrupted owner, with ε as every honest party received it (they must
// agree) and r from the dealer's record or, with MASCOT, from the owner's (mascot_masks).
Result<ExtractedInput> extract_owner(const ExtractionQuery& q, PartyId owner) {
  const int n = static_cast<int>(q.run->parties.size());
  const std::size_t count = q.circuit->input_wires_of(owner).size();
  ExtractedInput e{owner, std::vector<std::uint64_t>{}, ""};
  if (count == 0) return e;
  std::optional<std::vector<std::uint64_t>> agreed;
  std::optional<MascotMasks> mascot;
  for (PartyId h = 0; h < n; ++h) {
    if (is_party_in(q.corrupted, h)) continue;
    const auto eps = input_phase_record(*q.run, h, "opened", owner, count, Fp61::kModulus);
    if (!eps.ok()) continue;  // stopped before the input phase ended
    const auto dealt = input_phase_record(*q.run, h, "mask", owner, count, Fp61::kModulus);
    std::vector<std::uint64_t> r;
    if (dealt.ok()) {
      r = *dealt;
    } else {  // "preprocessing": "mascot": no honest party knows r
      if (!mascot) mascot = mascot_masks(q, owner, count);
      if (!mascot->r) {
        e.values.reset();
        e.note = mascot->why;
        return e;
      }
      r = *mascot->r;
    }
    std::vector<std::uint64_t> x;
    for (std::size_t k = 0; k < count; ++k)
      x.push_back((Fp61::from_u64((*eps)[k]) + Fp61::from_u64(r[k])).value());
    if (agreed && *agreed != x) {
      e.values.reset();
      e.note = "inconsistent input broadcast: honest parties hold different ε + r";
      return e;
    }
    agreed = std::move(x);
  }
  if (!agreed) return Error("no honest party recorded party " + std::to_string(owner) + "'s ε");
  e.values = std::move(agreed);
  return e;
}

}  // namespace

Extractor spdz_extractor() {
  return [](const ExtractionQuery& q) -> Result<std::vector<ExtractedInput>> {
    std::vector<ExtractedInput> out;
    for (PartyId owner : q.extract) {
      SMPC_ASSIGN_OR_RETURN(auto e, extract_owner(q, owner));
      out.push_back(std::move(e));
    }
    return out;
  };
}

}  // namespace smpc
