// Verifiable secret sharing with symmetric bivariate polynomials, n ≥ 3t + 1, perfectly secure:
// BGW's VSS as presented by Asharov–Lindell (eprint 2011/136, §5.5, Protocol 5.6), with
// Feldman's simplification to one symmetric polynomial S(x, y) = S(y, x) (Feldman, PhD thesis,
// 1988; Gennaro–Rabin–Rabin, PODC 1998, "simplified VSS"), and its complaint resolution made
// explicit: the dealer first answers complaints with the disputed values only, and reveals a
// whole row only for a party that is still unhappy, so an honest dealer never reveals an honest
// party's row.
//
// A dealt value s is held as "rows": party j holds R_j(x) = S(x, α_j) (degree ≤ t), its share
// is R_j(0) = S(0, α_j), and R_k(α_j) = S(α_j, α_k) is party k's share of party j's share (the
// sub-shares that Asharov–Lindell's F_VSS^subshare and F_eval rely on). Rows are linear: the
// rows of a sum are the sums of the rows, so BgwRobust keeps every wire in this form.
//
// Steps for one batch (every party may deal several values; all run in the same rounds):
//   1. (rows)      the dealer picks S with S(0,0) = s and sends R_j to party j.
//   2. (pairwise)  party j sends R_j(α_k) to party k; k compares with R_k(α_j).
//   3. (broadcast) every party broadcasts the parties it disagrees with (a missing or
//                  malformed message counts as a disagreement): complaints define "edges".
//   4. (broadcast) the dealer broadcasts S(α_j, α_k) for every edge {j, k}.
//   5. (broadcast) party j is unhappy if a public edge value disagrees with its own row (or it
//                  has no row): U1.
//   6. (broadcast) the dealer broadcasts the rows of U1.
//   7. (broadcast) a party outside U1 is unhappy if a revealed row disagrees with its own: U2.
//   Decision: the dealer is disqualified if a broadcast of step 4 or 6 was needed but is missing
//   or malformed, or |U1 ∪ U2| > t; otherwise every party in U1 takes its revealed row.
// Why every honest row then lies on one S: the honest parties outside U1 ∪ U2 (at least
// n − 2t ≥ t + 1) agree pairwise (a disagreement between two of them would be an edge whose
// public value contradicts one of them), so they define S; the revealed rows agree with them
// (else they would be in U2), hence are S's rows; and an honest party with a row other than S's
// disagrees with some party of that set, so it is in U1 and takes its revealed, correct row.
// An honest dealer is never disqualified: only corrupted parties can be unhappy.
//
// Cost of a batch where dealer D deals m_D values (I = Σ m_D), with no complaints (every honest
// run): rounds 2 + 5·(1 + 3(t + 1)), and
//   "bgwr.vss.rows"      round 1   Σ_{D: m_D>0} (n−1)(6 + 8(t+1)m_D) bytes
//   "bgwr.vss.pairwise"  round 2   n(n−1)(6 + 8I) bytes
//   five broadcasts of empty payloads (phase_king.h): per broadcast 6n(n−1) bytes of
//   "bgwr.bcast.send", and per phase (t + 1 of them) n(n−1)(6 + 4n) of "bgwr.bcast.vote",
//   as much of "bgwr.bcast.propose", and (n−1)(6 + 4n) of "bgwr.bcast.king".
#pragma once

#include <span>
#include <vector>

#include "protocols/bgw/lockstep.h"

namespace smpc {

struct VssBatch {
  std::vector<std::size_t> offset;      // instance id of dealer D's k-th value: offset[D] + k
  std::vector<std::vector<Fp61>> rows;  // by instance: this party's row (t + 1 coefficients)
  std::vector<bool> accepted;           // by instance: false = dealer disqualified, row 0
};

// Runs the batch. per_dealer[D] = how many values party D deals (known to all); my_secrets has
// per_dealer[self()] entries. Rows of disqualified instances are the zero polynomial (the
// default sharing of 0). Every honest party gets the same `accepted`.
VssBatch vss_share(LockstepNet& net, int t, const std::vector<int>& per_dealer,
                   std::span<const Fp61> my_secrets);

// Rounds vss_share takes.
int vss_rounds(int t);

}  // namespace smpc
