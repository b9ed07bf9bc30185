#include "protocols/spdz/spdz.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "protocols/core/abort.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/commit.h"
#include "protocols/crypto/hash.h"
#include "protocols/spdz/spdz_dealer.h"
#include "protocols/spdz/labels.h"

namespace smpc {
namespace {

constexpr std::string_view kAbortNotice = labels::spdz::kAbort;
constexpr std::size_t kSeedBytes = 32;

bool is_abort_notice(const Message& m) {
  if (m.parts().size() != 1 || m.parts()[0].kind != ElementKind::kByte) return false;
  const Bytes& d = m.parts()[0].data;
  return d.size() == kAbortNotice.size() && std::memcmp(d.data(), kAbortNotice.data(), d.size()) == 0;
}

Bytes fp61_bytes(std::span<const Fp61> values) {
  Bytes out;
  for (Fp61 v : values)
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v.value() >> (8 * i)));
  return out;
}

// The triple for the g-th multiplication of a layer whose triples start at `first`.
// M13: every multiplication of the layer reuses the layer's first triple, so the opened
// d_g = x_g − a reveal the differences x_g − x_h.
std::size_t triple_index(std::size_t first, std::size_t g) {
  return mutant_active(Mutant::kM13) ? first : first + g;
}

struct Opened {
  Fp61 value;
  std::array<Fp61, kSpdzMaxMacKeys> mac{};
};

// One party's run of Π_Online; keeps the per-run state the steps share.
class SpdzParty {
 public:
  SpdzParty(const Circuit& c, int k, std::uint64_t dealer_seed, PartyContext& ctx)
      : c_(c),
        k_(k),
        dealer_seed_(dealer_seed),
        ctx_(ctx),
        net_(ctx.net),
        me_(net_.self()),
        n_(net_.party_count()) {}

  PartyOutput run(const PartyInput& input);

 private:
  Message recv(PartyId from) {
    Message m = net_.recv(from);
    if (is_abort_notice(m))
      throw Abort("party " + std::to_string(from) + " aborted", {}, AbortKind::kCheckFailed);
    return m;
  }
  std::vector<Fp61> recv_field61(PartyId from, std::size_t count) {
    const Message m = recv(from);
    m.expect_parts(1);
    return m.field61(0, count);
  }
  void send_all(std::string_view label, const Message& m) { send_to_all(net_, label, m); }
  Bytes recv_bytes(PartyId from, std::size_t size) {
    const Message m = recv(from);
    m.expect_parts(1);
    Bytes b = m.bytes(0);
    if (b.size() != size)
      throw Abort("malformed message from party " + std::to_string(from) + ": expected " +
                      std::to_string(size) + " bytes, got " + std::to_string(b.size()),
                  {from}, AbortKind::kMalformed);
    return b;
  }

  // [[x]] + c for a public c: party 0 adds c to its value share, every party α_i·c to its MACs.
  void add_public(AuthShare& s, Fp61 c) const {
    if (me_ == 0) s.value += c;
    for (int l = 0; l < k_; ++l)
      s.mac[static_cast<std::size_t>(l)] += prep_.alpha[static_cast<std::size_t>(l)] * c;
  }
  AuthShare linear(const AuthShare& a, const AuthShare& b, Fp61 sign) const {
    AuthShare out;
    out.value = a.value + sign * b.value;
    for (int l = 0; l < k_; ++l) {
      const auto ul = static_cast<std::size_t>(l);
      out.mac[ul] = a.mac[ul] + sign * b.mac[ul];
    }
    return out;
  }
  AuthShare scaled(const AuthShare& a, Fp61 c) const {
    AuthShare out;
    out.value = a.value * c;
    for (int l = 0; l < k_; ++l)
      out.mac[static_cast<std::size_t>(l)] = a.mac[static_cast<std::size_t>(l)] * c;
    return out;
  }
  AuthShare constant(Fp61 c) const {
    AuthShare out;
    add_public(out, c);
    return out;
  }

  // Partial opening (Π_Online): everyone sends its value shares to everyone; the MACs stay
  // secret and are remembered for the next MACCheck.
  std::vector<Fp61> open(std::string_view label, const std::vector<AuthShare>& shares,
                         std::vector<Opened>& log);
  // MACCheck (eprint 2012/642) of `log`; check 1 also compares the input broadcasts.
  void mac_check(int which, const std::vector<Opened>& log, const Bytes* input_digest);

  const Circuit& c_;
  int k_;
  std::uint64_t dealer_seed_;
  PartyContext& ctx_;
  Channel& net_;
  PartyId me_;
  int n_;
  SpdzPreprocessing prep_;
  std::array<std::array<std::uint8_t, kSeedBytes>, 2> coin_seed_{};
  std::array<Opening, 2> coin_opening_{};
  std::vector<std::array<Digest, 2>> coin_commitment_;
};

std::vector<Fp61> SpdzParty::open(std::string_view label, const std::vector<AuthShare>& shares,
                                  std::vector<Opened>& log) {
  std::vector<Fp61> mine;
  for (const auto& s : shares) mine.push_back(s.value);
  send_all(label, Message().add_field61(mine));
  std::vector<Fp61> sum = mine;
  for (PartyId p = 0; p < n_; ++p) {
    if (p == me_) continue;
    const auto got = recv_field61(p, mine.size());
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += got[i];
  }
  for (std::size_t i = 0; i < sum.size(); ++i) log.push_back({sum[i], shares[i].mac});
  return sum;
}

void SpdzParty::mac_check(int which, const std::vector<Opened>& log, const Bytes* input_digest) {
  const auto w = static_cast<std::size_t>(which - 1);
  const std::string coin_session = "spdz.coin/" + std::to_string(which);
  const std::string check_session = "spdz.maccheck/" + std::to_string(which);

  // MACCheck step 1: open the seed committed in round 1; s = ⊕ s_i is uniform as long as one
  // party is honest, and fixed only after every value of `log` was opened.
  {
    Bytes open_msg(coin_opening_[w].value);
    open_msg.insert(open_msg.end(), coin_opening_[w].randomness.begin(),
                    coin_opening_[w].randomness.end());
    send_all(labels::spdz::kCoinOpen, Message().add_bytes(open_msg));
    if (input_digest) send_all(labels::spdz::kInputCheck, Message().add_bytes(*input_digest));
  }
  std::array<std::uint8_t, kSeedBytes> seed = coin_seed_[w];
  for (PartyId p = 0; p < n_; ++p) {
    if (p == me_) continue;
    const Bytes b = recv_bytes(p, 2 * kSeedBytes);
    Opening o;
    o.value.assign(b.begin(), b.begin() + kSeedBytes);
    std::memcpy(o.randomness.data(), b.data() + kSeedBytes, kSeedBytes);
    if (!verify_commitment({coin_session, p}, coin_commitment_[static_cast<std::size_t>(p)][w], o))
      throw Abort("party " + std::to_string(p) +
                      " opened its MACCheck seed inconsistently with "
                      "its commitment",
                  {p});
    for (std::size_t i = 0; i < kSeedBytes; ++i) seed[i] ^= o.value[i];
    if (input_digest && recv_bytes(p, input_digest->size()) != *input_digest)
      throw Abort("the input broadcasts were inconsistent: party " + std::to_string(p) +
                  " received other ε values than this party");
  }

  // MACCheck step 2: per key, random coefficients, a = Σ r_j a_j, σ_i = Σ r_j γ_ij − α_i a.
  Rng coeffs(0, -1, check_session + "/" + std::string(seed.begin(), seed.end()));
  std::vector<Fp61> sigma(static_cast<std::size_t>(k_));
  for (int l = 0; l < k_; ++l) {
    const auto ul = static_cast<std::size_t>(l);
    Fp61 a, gamma;
    for (const auto& o : log) {
      const Fp61 r = coeffs.uniform_fp61();
      a += r * o.value;
      gamma += r * o.mac[ul];
    }
    sigma[ul] = gamma - prep_.alpha[ul] * a;
  }

  // MACCheck step 3: commit to σ_i, then open; nobody can choose σ after seeing the others.
  const Bytes sigma_bytes = fp61_bytes(sigma);
  const auto [digest, opening] = commit({check_session, me_}, sigma_bytes, ctx_.rng);
  send_all(labels::spdz::kMacCheckCommit, Message().add_bytes(digest));
  std::vector<Bytes> their_digest(static_cast<std::size_t>(n_));
  for (PartyId p = 0; p < n_; ++p)
    if (p != me_) their_digest[static_cast<std::size_t>(p)] = recv_bytes(p, sizeof(Digest));
  send_all(labels::spdz::kMacCheckOpen, Message().add_field61(sigma).add_bytes(opening.randomness));
  std::vector<Fp61> total = sigma;
  for (PartyId p = 0; p < n_; ++p) {
    if (p == me_) continue;
    const Message m = recv(p);
    m.expect_parts(2);
    const auto theirs = m.field61(0, static_cast<std::size_t>(k_));
    const Bytes rnd = m.bytes(1);
    if (rnd.size() != kSeedBytes)
      throw Abort("malformed MACCheck opening from party " + std::to_string(p), {p},
                  AbortKind::kMalformed);
    Opening o{fp61_bytes(theirs), {}};
    std::memcpy(o.randomness.data(), rnd.data(), kSeedBytes);
    Digest d{};
    std::memcpy(d.data(), their_digest[static_cast<std::size_t>(p)].data(), d.size());
    if (!verify_commitment({check_session, p}, d, o))
      throw Abort("party " + std::to_string(p) + " opened σ inconsistently with its commitment",
                  {p});
    for (std::size_t l = 0; l < total.size(); ++l) total[l] += theirs[l];
  }
  // MACCheck step 4: Σ σ_i = 0 for every key, else some opened value or MAC was wrong.
  for (std::size_t l = 0; l < total.size(); ++l)
    if (total[l] != Fp61())
      throw Abort("MAC check " + std::to_string(which) + " failed (key " + std::to_string(l + 1) +
                  "): an opened value was not the one the MACs authenticate");
}

PartyOutput SpdzParty::run(const PartyInput& input) {
  // Step 0 (offline): the dealer's common stream; the MACCheck seeds are committed right away,
  // before anything is opened.
  ctx_.meter.set_phase("offline");
  std::array<std::uint8_t, kSeedBytes> contribution{};
  ctx_.rng.fill(contribution);
  send_all(labels::spdz::kDealerSeed, Message().add_bytes(contribution));
  ctx_.meter.set_phase("online");
  Bytes commitments;
  for (std::size_t w = 0; w < 2; ++w) {
    ctx_.rng.fill(coin_seed_[w]);
    auto [d, o] = commit({"spdz.coin/" + std::to_string(w + 1), me_}, coin_seed_[w], ctx_.rng);
    coin_opening_[w] = o;
    commitments.insert(commitments.end(), d.begin(), d.end());
  }
  send_all(labels::spdz::kCoinCommit, Message().add_bytes(commitments));
  std::string dealer_stream = "spdz.dealer/";
  coin_commitment_.resize(static_cast<std::size_t>(n_));
  for (PartyId p = 0; p < n_; ++p) {
    const Bytes b =
        p == me_ ? Bytes(contribution.begin(), contribution.end()) : recv_bytes(p, kSeedBytes);
    dealer_stream.append(b.begin(), b.end());
  }
  for (PartyId p = 0; p < n_; ++p) {
    if (p == me_) continue;
    const Bytes b = recv_bytes(p, 2 * sizeof(Digest));
    for (std::size_t w = 0; w < 2; ++w)
      std::memcpy(coin_commitment_[static_cast<std::size_t>(p)][w].data(),
                  b.data() + w * sizeof(Digest), sizeof(Digest));
  }
  Rng dealer(dealer_seed_, -1, dealer_stream);
  prep_ = spdz_deal(c_, n_, k_, me_, dealer);

  // Step 1 (Π_Online, Input): the owner opens ε = x − r to everybody; [[x]] = [[r]] + ε.
  std::vector<AuthShare> wire(c_.num_wires);
  {
    std::vector<Fp61> eps;
    std::size_t idx = 0;
    for (const auto& g : c_.inputs)
      for (std::size_t k = 0; k < g.wires.size(); ++k, ++idx)
        if (g.owner == me_)
          eps.push_back(Fp61::from_u64(input.values[eps.size()]) - prep_.input_mask_clear[idx]);
    SMPC_ASSERT(eps.size() == input.values.size());
    if (!eps.empty()) send_all(labels::spdz::kInput, Message().add_field61(eps));
    std::vector<std::vector<Fp61>> by_owner(static_cast<std::size_t>(n_));
    by_owner[static_cast<std::size_t>(me_)] = eps;
    for (PartyId p = 0; p < n_; ++p) {
      const auto count = c_.input_wires_of(p).size();
      if (p != me_ && count > 0) by_owner[static_cast<std::size_t>(p)] = recv_field61(p, count);
    }
    std::vector<std::size_t> used(static_cast<std::size_t>(n_));
    idx = 0;
    for (const auto& g : c_.inputs)
      for (auto w : g.wires) {
        const Fp61 e =
            by_owner[static_cast<std::size_t>(g.owner)][used[static_cast<std::size_t>(g.owner)]++];
        wire[w] = prep_.input_mask[idx++];
        add_public(wire[w], e);
      }
    Blake2b h("spdz.input.check/v1", 32);
    for (const auto& e : by_owner) h.add(fp61_bytes(e));
    Bytes digest(32);
    h.finish(digest);

    // Step 2 (Π_Online, Multiply with Beaver triples), one round per layer.
    std::vector<Opened> log;
    std::size_t triple = 0;
    for (const CircuitLayer& layer : layer_schedule(c_)) {
      const std::size_t m = layer.nonlinear.size();
      if (m > 0) {
        std::vector<AuthShare> de;
        for (std::size_t g = 0; g < m; ++g) {
          const Gate& gate = c_.gates[layer.nonlinear[g]];
          const SpdzTriple& tr = prep_.triples[triple_index(triple, g)];
          de.push_back(linear(wire[gate.in0], tr.a, -Fp61::from_u64(1)));
          de.push_back(linear(wire[gate.in1], tr.b, -Fp61::from_u64(1)));
        }
        const auto opened = open(labels::spdz::kOpen, de, log);
        for (std::size_t g = 0; g < m; ++g) {
          const Gate& gate = c_.gates[layer.nonlinear[g]];
          const SpdzTriple& tr = prep_.triples[triple_index(triple, g)];
          const Fp61 d = opened[2 * g], e = opened[2 * g + 1];
          AuthShare z = linear(linear(tr.c, scaled(tr.b, d), Fp61::from_u64(1)), scaled(tr.a, e),
                               Fp61::from_u64(1));
          add_public(z, d * e);
          wire[gate.out] = z;
        }
        triple += m;
      }
      for (std::size_t gi : layer.linear) {
        const Gate& g = c_.gates[gi];
        wire[g.out] = linear_gate(
            g, wire,
            [this](const AuthShare& a, const AuthShare& b, Fp61 sign) { return linear(a, b, sign); },
            [this](const AuthShare& a, Fp61 c) { return scaled(a, c); },
            [this](Fp61 c) { return constant(c); });
      }
    }

    // Step 3: MACCheck of everything opened so far, before any output is revealed: an
    // unchecked wrong d or e would make the output leak honest inputs (e.g. z = xy + δ·y).
    mac_check(1, log, &digest);
  }

  // Step 4 (Π_Online, Output): open y, or y + s for a group with restricted receivers.
  std::vector<AuthShare> out_shares;
  std::size_t entry = 0;
  for (const auto& g : c_.outputs)
    for (auto w : g.wires) {
      AuthShare s = wire[w];
      if (prep_.output_mask[entry]) s = linear(s, *prep_.output_mask[entry], Fp61::from_u64(1));
      out_shares.push_back(s);
      ++entry;
    }
  std::vector<Opened> out_log;
  const auto opened = open(labels::spdz::kOutput, out_shares, out_log);

  // Step 5: MACCheck of the outputs; only then are they used.
  // M01: the output opening goes unchecked, so a tampered output share goes unnoticed.
  if (!mutant_active(Mutant::kM01)) mac_check(2, out_log, nullptr);
  PartyOutput out;
  entry = 0;
  for (const auto& g : c_.outputs)
    for (std::size_t k = 0; k < g.wires.size(); ++k, ++entry)
      if (g.delivered_to(me_))
        out.values.push_back((opened[entry] - prep_.output_mask_clear[entry]).value());
  return out;
}

}  // namespace

Spdz::Spdz(Circuit circuit, int mac_keys, std::uint64_t dealer_seed)
    : circuit_(std::move(circuit)), mac_keys_(mac_keys), dealer_seed_(dealer_seed) {
  SMPC_ASSERT(circuit_.domain == CircuitDomain::kField61);
  SMPC_ASSERT(mac_keys_ >= 1 && mac_keys_ <= kSpdzMaxMacKeys);
}

double Spdz::log2_forgery_per_check() const {
  return mac_keys_ * (1.0 - std::log2(static_cast<double>(Fp61::kModulus)));
}

SecurityClaim Spdz::claim(int parties) const {
  char bound[64];
  std::snprintf(bound, sizeof bound, "%.0f", std::floor(log2_forgery_per_check() + 1.0));
  return {AdversaryModel::kMalicious, parties - 1, OutputGuarantee::kCorrectOrAbort,
          "malicious, up to n - 1 = " + std::to_string(parties - 1) + " of n = " +
              std::to_string(parties) + " parties corrupted, correct output or abort (" +
              std::to_string(mac_keys_) + " MAC key" + (mac_keys_ > 1 ? "s" : "") +
              " over Mersenne-61: a run accepts a forged opening with probability <= 2^" + bound +
              "); preprocessing by a trusted dealer (simulated)"};
}

PartyOutput Spdz::run(PartyContext& ctx, const PartyInput& input) const {
  std::optional<Abort> failure;
  try {
    SpdzParty party(circuit_, mac_keys_, dealer_seed_, ctx);
    return party.run(input);
  } catch (const Abort& a) {
    failure = a;
  }
  // Tell the others before giving up, so nobody waits for this party until the deadline.
  // Outside the handler on purpose: a send may switch to another simulated party, and SimGrid's
  // raw contexts share one thread's C++ exception state, so a `throw;` after a switch inside
  // the handler could rethrow another party's Abort (found by tests/property).
  const Bytes notice(kAbortNotice.begin(), kAbortNotice.end());
  send_to_all(ctx.net, labels::spdz::kAbort, Message().add_bytes(notice));
  throw *failure;
}

Result<std::unique_ptr<Protocol>> make_spdz(const nlohmann::json& params, const Circuit& c,
                                            int /*parties*/) {
  if (c.domain != CircuitDomain::kField61)
    return Error(std::string("/function: spdz evaluates circuits over field61, got ") +
                 domain_name(c.domain));
  if (params.contains("preprocessing")) {
    const auto& v = params["preprocessing"];
    if (!v.is_string() || v.get<std::string>() != "dealer")
      return Error(
          "/protocol/preprocessing: must be \"dealer\" (a simulated trusted dealer; "
          "MASCOT is not implemented), got " +
          v.dump());
  }
  int keys = 1;
  if (params.contains("mac_keys")) {
    const auto& v = params["mac_keys"];
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > kSpdzMaxMacKeys)
      return Error("/protocol/mac_keys: must be an integer from 1 to " +
                   std::to_string(kSpdzMaxMacKeys) + ", got " + v.dump());
    keys = static_cast<int>(v.get<long long>());
  }
  std::uint64_t seed = 0;
  if (params.contains("dealer_seed")) {
    const auto& v = params["dealer_seed"];
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
      return Error("/protocol/dealer_seed: must be a non-negative integer, got " + v.dump());
    seed = v.get<std::uint64_t>();
  }
  return std::unique_ptr<Protocol>(std::make_unique<Spdz>(c, keys, seed));
}

}  // namespace smpc
