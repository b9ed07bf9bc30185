#include "protocols/core/mutants.h"

#include <atomic>
#include <cctype>

namespace smpc {

namespace {
std::atomic<int> g_active{0};
}  // namespace

const std::vector<MutantInfo>& mutant_catalog() {
  static const std::vector<MutantInfo> kCatalog = {
      {Mutant::kM01, "M01", "SPDZ: MAC check skipped on some openings (the output opening)",
       "protocols/spdz/spdz.cpp"},
      {Mutant::kM02, "M02", "commitment not bound to the committing party and the session",
       "protocols/crypto/commit.cpp"},
      {Mutant::kM04, "M04", "biased randomness: field elements drawn from 32 random bits",
       "protocols/core/rng.cpp"},
      {Mutant::kM05, "M05", "Shamir polynomial of degree t-1 instead of t",
       "protocols/bgw/shamir.cpp"},
      {Mutant::kM08, "M08",
       "robust BGW: broadcast sent as plain multicast without agreement, so equivocation goes "
       "unseen",
       "protocols/bgw/bgw_robust.cpp"},
      {Mutant::kM10, "M10",
       "Yao: evaluator accepts output labels without checking them (not the 1-label: taken as 0)",
       "protocols/yao/yao.cpp"},
      {Mutant::kM13, "M13", "SPDZ: a Beaver triple used twice", "protocols/spdz/spdz.cpp"},
      {Mutant::kM14, "M14",
       "robust BGW: output reconstruction by interpolation, without error correction",
       "protocols/bgw/bgw_robust.cpp"},
      {Mutant::kM15, "M15", "BGW: multiplication without re-randomisation (reshare with a "
                            "constant polynomial)",
       "protocols/bgw/bgw_semi_honest.cpp"},
      {Mutant::kM17, "M17", "vote application: ballots not range-checked inside the circuit",
       "scenarios/functions.cpp"},
      {Mutant::kM18, "M18",
       "secure_sum: the summand for the dealer's last peer is not subtracted from the one it "
       "keeps (its summands add up to x + s)",
       "protocols/sum/secure_sum.cpp"},
      {Mutant::kM19, "M19",
       "SPDZ: outputs opened to everyone skip the output MAC check (only masked, private "
       "outputs are checked)",
       "protocols/spdz/spdz.cpp"},
      {Mutant::kM30, "M30",
       "Yao: the garbler's input-wire zero labels have colour bit 0, so the active label's "
       "point-and-permute bit is the garbler's input bit",
       "protocols/yao/yao.cpp"},
      {Mutant::kM31, "M31",
       "GMW dealer: bit triples with a = 0, so the AND opening d = x ⊕ a is the plaintext wire "
       "value",
       "protocols/gmw/bit_triples.cpp"},
      {Mutant::kM32, "M32", "commitment randomness of 8 random bits (the rest zero)",
       "protocols/crypto/commit.cpp"},
      {Mutant::kM33, "M33",
       "GMW dealer: every party's a and b shares are party 0's (triple shares reused across "
       "parties; for odd n the coalition knows a and b)",
       "protocols/gmw/bit_triples.cpp"},
      {Mutant::kM34, "M34", "SPDZ dealer: one input mask r for every input wire (mask reused)",
       "protocols/spdz/spdz_dealer.cpp"},
      {Mutant::kM35, "M35",
       "IKNP: the base-OT seeds of column 0 are left zero on both sides (one base OT short), so "
       "the receiver's extension message u^0 is its choice bits in the clear",
       "protocols/ot/iknp.cpp"},
  };
  return kCatalog;
}

std::string mutant_name(Mutant m) {
  if (m == Mutant::kNone) return "none";
  for (const auto& info : mutant_catalog())
    if (info.id == m) return info.name;
  return "M" + std::to_string(static_cast<int>(m));
}

Result<Mutant> parse_mutant(std::string_view text) {
  std::string t;
  for (char c : text) t.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (t == "NONE") return Mutant::kNone;
  if (!t.empty() && t[0] != 'M') t = (t.size() == 1 ? "M0" : "M") + t;
  std::string names;
  for (const auto& info : mutant_catalog()) {
    if (info.name == t) return info.id;
    names += (names.empty() ? "" : ", ") + info.name;
  }
  return Error("unknown mutant '" + std::string(text) + "' (the catalogue: " + names + ")");
}

#ifdef SMPC_MUTANTS
bool mutant_active(Mutant m) {
  return m != Mutant::kNone && g_active.load(std::memory_order_relaxed) == static_cast<int>(m);
}
#endif

Status set_active_mutant(Mutant m) {
  if (m != Mutant::kNone && !kMutantsCompiled)
    return Error("this build has no mutants; configure with -DSMPC_MUTANTS=ON (the `test` "
                 "preset does) to run " + mutant_name(m));
  g_active.store(static_cast<int>(m), std::memory_order_relaxed);
  return OkStatus();
}

Mutant active_mutant() { return static_cast<Mutant>(g_active.load(std::memory_order_relaxed)); }

ScopedMutant::ScopedMutant(Mutant m) : previous_(active_mutant()), status_(set_active_mutant(m)) {}
ScopedMutant::~ScopedMutant() { (void)set_active_mutant(previous_); }

}  // namespace smpc
