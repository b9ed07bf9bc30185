#include "protocols/spdz/spdz.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <array>
#include <optional>
#include <string>

#include "protocols/core/abort.h"
#include "protocols/core/extraction.h"
#include "protocols/core/forwarding_channel.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/crypto/commit.h"
#include "protocols/crypto/hash.h"
#include "protocols/spdz/extract.h"
#include "protocols/spdz/spdz_dealer.h"
#include "protocols/spdz/labels.h"
#include "protocols/fixedpoint/engine.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {
namespace {

constexpr std::size_t kSeedBytes = 32;
using Seed = std::array<std::uint8_t, kSeedBytes>;

Bytes fp61_bytes(std::span<const Fp61> values) {
  Bytes out(8 * values.size());
  for (std::size_t j = 0; j < values.size(); ++j) store_le64(&out[8 * j], values[j].value());
  return out;
}

// The triple for the g-th multiplication of a layer whose triples start at `first`.
// M13: every multiplication of the layer reuses the layer's first triple, so the opened
// d_g = x_g − a reveal the differences x_g − x_h.
std::size_t triple_index(std::size_t first, std::size_t g) {
  return mutant_active(Mutant::kM13) ? first : first + g;
}

template <int K>
struct BasicOpened {
  Fp61 value;
  std::array<Fp61, K> mac{};
};

std::string coin_session(std::size_t which) { return "spdz.coin/" + std::to_string(which); }
constexpr std::string_view kDealerSession = "spdz.dealer";

// An opening on the wire: the committed value, then the commitment's 32-byte randomness.
Bytes opening_bytes(const Opening& o) {
  Bytes out(o.value);
  out.insert(out.end(), o.randomness.begin(), o.randomness.end());
  return out;
}

// Roles (spdz.h "Roles"): the servers' view of the network, parties 0..S−1, so that every step
// among the servers (send_to_all, recv_each, other_parties) leaves the clients out.
class ServerChannel final : public ForwardingChannel {
 public:
  ServerChannel(Channel& inner, int servers) : ForwardingChannel(inner), servers_(servers) {}
  int party_count() const override { return servers_; }

 private:
  int servers_;
};

// The digest of the dealer's common stream: a client and each server compare theirs (steps C2,
// C3 of spdz.h "Roles"), so a server that handed a client another contribution than it opened
// to the servers cannot give the client masks other than the servers' [[r]].
Bytes stream_digest(const std::string& stream) {
  Blake2b h("spdz.dealer.stream/v1", 32);
  h.add(Bytes(stream.begin(), stream.end()));
  Bytes digest(32);
  h.finish(digest);
  return digest;
}

// One party's run of Π_Online with K MAC keys (every share holds exactly K MACs); keeps the
// per-run state the steps share. Every receive goes through net_, which turns a peer's
// "spdz.abort" notice into an Abort.
template <int K>
class SpdzParty {
  using AuthShare = BasicAuthShare<K>;
  using SpdzTriple = BasicSpdzTriple<K>;
  using SpdzFxMask = BasicSpdzFxMask<K>;
  using Opened = BasicOpened<K>;

 public:
  SpdzParty(const Circuit& c, std::uint64_t dealer_seed,
            const std::optional<MascotNeeds>& mascot, const fx::Program* program,
            const fx::Plan* plan, int servers, PartyContext& ctx)
      : c_(c),
        program_(program),
        plan_(plan),
        dealer_seed_(dealer_seed),
        mascot_(mascot),
        openings_(spdz_output_openings(c, mascot ? SpdzOutputMasks::kPerReceiver
                                                 : SpdzOutputMasks::kPerGroup)),
        ctx_(ctx),
        all_(ctx.net, labels::spdz::kAbort),
        net_(all_, servers > 0 ? servers : all_.party_count()),
        me_(net_.self()),
        n_(net_.party_count()),
        total_(all_.party_count()) {}

  PartyOutput run(const PartyInput& input);

 private:
  // Typed receives: one part of `count` field elements, or of exactly `size` bytes.
  static std::vector<Fp61> field61_of(const Message& m, std::size_t count) {
    m.expect_parts(1);
    return m.field61(0, count);
  }
  static Bytes bytes_of(PartyId from, const Message& m, std::size_t size) {
    m.expect_parts(1);
    Bytes b = m.bytes(0);
    if (b.size() != size)
      throw Abort("malformed message from party " + std::to_string(from) + ": expected " +
                      std::to_string(size) + " bytes, got " + std::to_string(b.size()),
                  {from}, AbortKind::kMalformed);
    return b;
  }
  std::vector<Fp61> recv_field61(PartyId from, std::size_t count) {
    return field61_of(net_.recv(from), count);
  }
  Bytes recv_bytes(PartyId from, std::size_t size) { return bytes_of(from, net_.recv(from), size); }
  PerParty<Bytes> recv_bytes_each(std::size_t size) {
    return recv_each(net_, [size](PartyId p, const Message& m) { return bytes_of(p, m, size); });
  }
  void send_all(std::string_view label, const Message& m) { send_to_all(net_, label, m); }

  // [[x]] + c for a public c: party 0 adds c to its value share, every party α_i·c to its MACs.
  void add_public(AuthShare& s, Fp61 c) const {
    if (me_ == 0) s.value += c;
    for (int l = 0; l < k_; ++l)
      s.mac[static_cast<std::size_t>(l)] += prep_.alpha[static_cast<std::size_t>(l)] * c;
  }
  // a + sign·b. A sign of 0 or ±1 (every program addition and subtraction, BitLT's first
  // level) takes no product but counts the 1 + K the general case counts, so the compute
  // model's times do not depend on it; scaled() alike.
  AuthShare linear(const AuthShare& a, const AuthShare& b, Fp61 sign) const {
    if (const int u = fx::unit_of(sign); u != fx::kNotAUnit) {
      count_op(Op::kFp61Mul, 1 + K);
      return u == 0 ? a : u == 1 ? sum(a, b) : difference(a, b);
    }
    AuthShare out;
    out.value = a.value + sign * b.value;
    for (int l = 0; l < k_; ++l) {
      const auto ul = static_cast<std::size_t>(l);
      out.mac[ul] = a.mac[ul] + sign * b.mac[ul];
    }
    return out;
  }
  // a − b and a + b, without counting products: for callers that count linear(a, b, ∓1)'s.
  static AuthShare difference(const AuthShare& a, const AuthShare& b) {
    AuthShare out;
    out.value = a.value - b.value;
    for (std::size_t l = 0; l < static_cast<std::size_t>(K); ++l) out.mac[l] = a.mac[l] - b.mac[l];
    return out;
  }
  static AuthShare sum(const AuthShare& a, const AuthShare& b) {
    AuthShare out;
    out.value = a.value + b.value;
    for (std::size_t l = 0; l < static_cast<std::size_t>(K); ++l) out.mac[l] = a.mac[l] + b.mac[l];
    return out;
  }
  AuthShare scaled(const AuthShare& a, Fp61 c) const {
    if (const int u = fx::unit_of(c); u != fx::kNotAUnit) {
      count_op(Op::kFp61Mul, 1 + K);
      return u == 0 ? AuthShare{} : u == 1 ? a : difference(AuthShare{}, a);
    }
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

  // The steps of Π_Online (numbered as in spdz.h).
  void offline_setup();                                            // step 0
  Bytes commit_coin_seeds();                                       // step 0
  void receive_coin_commitments();                                 // step 0
  Bytes opened_contribution(PartyId p, const Bytes& digest_bytes); // step 0
  Bytes share_inputs(const PartyInput& input);                     // step 1
  std::vector<Fp61> masked_inputs(const PartyInput& input) const;  // step 1 (or C2): x − r
  // Roles: a client's whole run (steps C1-C3), and the servers' step 6 toward clients.
  PartyOutput run_client(const PartyInput& input);
  void send_client_outputs(const std::vector<Fp61>& opened);
  // The clients that give inputs or receive outputs (they need the dealer's stream).
  bool active_client(PartyId p) const {
    return p >= n_ && (!c_.input_wires_of(p).empty() || !c_.output_wires_of(p).empty());
  }
  void multiply_layer(const CircuitLayer& layer, std::size_t& triple);  // step 2
  // Step 2, every layer; returns [[y]] of every output wire, in output order.
  std::vector<AuthShare> evaluate_circuit();
  // Step 2 with Beaver triples `triples` from `next` on: the products x_g·y_g, opened at once.
  std::vector<AuthShare> beaver(const std::vector<std::pair<AuthShare, AuthShare>>& xy,
                                const std::vector<SpdzTriple>& triples, std::size_t& next);
  // Step 2 for a fixed-point program (fx): its batches; returns its outputs, in output order.
  std::vector<AuthShare> run_program();
  // A product batch of the program: its next m kMuls, factors read from `reg` (engine.h).
  std::vector<AuthShare> multiply_factors(std::size_t m, const std::vector<AuthShare>& reg);
  struct FxBackend;  // the fixed-point engine's view of this party (fixedpoint/engine.h)
  std::vector<Fp61> open_outputs(const std::vector<AuthShare>& y);  // step 4
  // The indices of the openings party p outputs from, in order: one per output wire it
  // receives (the one whose mask it holds, or the public one).
  std::vector<std::size_t> openings_for(PartyId p) const;
  // Step 4's end (or C3): y = (y + s) − s, given the opened values of openings_for(me_).
  PartyOutput unmask(const std::vector<Fp61>& mine) const;

  // Partial opening (Π_Online): everyone sends its value shares to everyone; the MACs stay
  // secret and are remembered for the next MACCheck. The opened values stay in opened_ until
  // the next opening.
  const std::vector<Fp61>& open(std::string_view label, std::span<const AuthShare> shares,
                                std::vector<Opened>& log);
  // The exchange of a partial opening: sends `values` (this party's value shares) to everyone
  // and adds everyone else's to them in place.
  void exchange_and_sum(std::string_view label, std::span<Fp61> values);
  // MACCheck (eprint 2012/642) of `log`; check 1 also compares the input broadcasts.
  void mac_check(std::size_t which, const std::vector<Opened>& log, const Bytes* input_digest);
  Seed mac_check_open_seed(std::size_t which, const Bytes* input_digest);      // MACCheck 1
  std::vector<Fp61> mac_check_sigma(std::size_t which, const Seed& seed,
                                    const std::vector<Opened>& log) const;     // MACCheck 2
  std::vector<Fp61> mac_check_sum_sigma(std::size_t which,
                                        const std::vector<Fp61>& sigma);       // MACCheck 3

  const Circuit& c_;
  const fx::Program* program_;
  const fx::Plan* plan_;  // with program_
  static constexpr int k_ = K;
  std::uint64_t dealer_seed_;
  const std::optional<MascotNeeds>& mascot_;
  std::vector<SpdzOutputOpening> openings_;  // step 4's, in the order prep_.output_mask has them
  PartyContext& ctx_;
  NoticeAwareChannel all_;  // every party, clients included
  ServerChannel net_;       // the servers 0..n_−1 (everyone without roles)
  PartyId me_;
  int n_;
  int total_;         // servers and clients
  Bytes stream_digest_;  // of the dealer's common stream (roles only)
  BasicSpdzPreprocessing<K> prep_;
  std::vector<AuthShare> input_;  // [[x]] of every input, in circuit input order (step 1)
  // Circuit evaluation only: a share per wire. A program's carrier circuit has a wire per
  // word of its code, which a program run never reads, so it runs on the engine's registers.
  std::vector<AuthShare> wire_;
  std::size_t fx_triple_ = 0, fx_trunc_ = 0, fx_ltz_ = 0, fx_rand_bit_ = 0;  // the program's preprocessing used
  std::size_t fx_product_ = 0;      // kMuls done (fx::Needs::mul_factors)
  std::vector<Fp61> fx_factor_d_;   // by factor number: the opened x − a_x, once opened
  std::vector<Opened> log_;  // every value opened since the last MACCheck, with its MACs
  // Scratch reused by every opening (beaver, open): [[d]], [[e]] of a batch and the values opened.
  std::vector<AuthShare> de_;
  std::vector<Fp61> opened_;
  std::array<Seed, 2> coin_seed_{};
  std::array<Opening, 2> coin_opening_{};
  PerParty<std::array<Digest, 2>> coin_commitment_;
};

template <int K>
void SpdzParty<K>::exchange_and_sum(std::string_view label, std::span<Fp61> values) {
  send_all(label, Message().add_field61(values));
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(1);
    m.add_field61_to(0, values);
  }
}

template <int K>
const std::vector<Fp61>& SpdzParty<K>::open(std::string_view label,
                                            std::span<const AuthShare> shares,
                                            std::vector<Opened>& log) {
  // The compute model's buffers (ops.h): this party's values and their sum, the log's entries;
  // opened_ is reused instead.
  count_alloc<Fp61>(2 * shares.size());
  count_alloc<Opened>(shares.size());
  opened_.resize(shares.size());
  for (std::size_t i = 0; i < shares.size(); ++i) opened_[i] = shares[i].value;
  exchange_and_sum(label, opened_);
  for (std::size_t i = 0; i < shares.size(); ++i) log.push_back({opened_[i], shares[i].mac});
  return opened_;
}

// MACCheck step 1: open the seed committed in round 1; s = ⊕ s_i is uniform as long as one
// party is honest, and fixed only after every value of the log was opened. Check 1 also sends
// the hash of the ε values received, so an owner who sent different ε to different parties is
// caught.
template <int K>
Seed SpdzParty<K>::mac_check_open_seed(std::size_t which, const Bytes* input_digest) {
  const std::size_t w = which - 1;
  send_all(labels::spdz::kCoinOpen, Message().add_bytes(opening_bytes(coin_opening_[w])));
  if (input_digest) send_all(labels::spdz::kInputCheck, Message().add_bytes(*input_digest));
  Seed seed = coin_seed_[w];
  for (PartyId p : other_parties(n_, me_)) {
    const Bytes b = recv_bytes(p, 2 * kSeedBytes);
    Opening o;
    o.value.assign(b.begin(), b.begin() + kSeedBytes);
    std::memcpy(o.randomness.data(), b.data() + kSeedBytes, kSeedBytes);
    if (!verify_commitment({coin_session(which), p}, coin_commitment_[p][w], o))
      throw Abort("party " + std::to_string(p) +
                      " opened its MACCheck seed inconsistently with "
                      "its commitment",
                  {p});
    for (std::size_t i = 0; i < kSeedBytes; ++i) seed[i] ^= o.value[i];
    if (input_digest && recv_bytes(p, input_digest->size()) != *input_digest)
      throw Abort("the input broadcasts were inconsistent: party " + std::to_string(p) +
                  " received other ε values than this party");
  }
  return seed;
}

// MACCheck step 2: per key, random coefficients, a = Σ r_j a_j, σ_i = Σ r_j γ_ij − α_i a.
template <int K>
std::vector<Fp61> SpdzParty<K>::mac_check_sigma(std::size_t which, const Seed& seed,
                                                const std::vector<Opened>& log) const {
  const std::string session = "spdz.maccheck/" + std::to_string(which);
  Rng coeffs(0, -1, session + "/" + std::string(seed.begin(), seed.end()));
  std::vector<Fp61> sigma(static_cast<std::size_t>(k_));
  for (std::size_t l = 0; l < sigma.size(); ++l) {
    Fp61 a, gamma;
    count_op(Op::kFp61Mul, 2 * log.size());  // r·a_j and r·γ(a_j), counted at once
    for (const auto& o : log) {
      const Fp61 r = coeffs.uniform_fp61();
      a += Fp61::mul_uncounted(r, o.value);
      gamma += Fp61::mul_uncounted(r, o.mac[l]);
    }
    sigma[l] = gamma - prep_.alpha[l] * a;
  }
  return sigma;
}

// MACCheck step 3: commit to σ_i, then open; nobody can choose σ after seeing the others.
// Returns Σ σ_i.
template <int K>
std::vector<Fp61> SpdzParty<K>::mac_check_sum_sigma(std::size_t which,
                                                    const std::vector<Fp61>& sigma) {
  const std::string session = "spdz.maccheck/" + std::to_string(which);
  const auto [digest, opening] = commit({session, me_}, fp61_bytes(sigma), ctx_.rng);
  send_all(labels::spdz::kMacCheckCommit, Message().add_bytes(digest));
  const PerParty<Bytes> their_digest = recv_bytes_each(sizeof(Digest));
  send_all(labels::spdz::kMacCheckOpen, Message().add_field61(sigma).add_bytes(opening.randomness));
  std::vector<Fp61> total = sigma;
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(2);
    const auto theirs = m.field61(0, static_cast<std::size_t>(k_));
    const Bytes rnd = m.bytes(1);
    if (rnd.size() != kSeedBytes)
      throw Abort("malformed MACCheck opening from party " + std::to_string(p), {p},
                  AbortKind::kMalformed);
    Opening o{fp61_bytes(theirs), {}};
    std::memcpy(o.randomness.data(), rnd.data(), kSeedBytes);
    Digest d{};
    std::memcpy(d.data(), their_digest[p].data(), d.size());
    if (!verify_commitment({session, p}, d, o))
      throw Abort("party " + std::to_string(p) + " opened σ inconsistently with its commitment",
                  {p});
    for (std::size_t l = 0; l < total.size(); ++l) total[l] += theirs[l];
  }
  return total;
}

template <int K>
void SpdzParty<K>::mac_check(std::size_t which, const std::vector<Opened>& log,
                             const Bytes* input_digest) {
  const Seed seed = mac_check_open_seed(which, input_digest);
  const auto total = mac_check_sum_sigma(which, mac_check_sigma(which, seed, log));
  // MACCheck step 4: Σ σ_i = 0 for every key, else some opened value or MAC was wrong.
  for (std::size_t l = 0; l < total.size(); ++l)
    if (total[l] != Fp61())
      throw Abort("MAC check " + std::to_string(which) + " failed (key " + std::to_string(l + 1) +
                  "): an opened value was not the one the MACs authenticate");
}

// Step 0 (offline): the dealer's common stream from everyone's contribution, by commit-then-
// open coin tossing (Blum): each party commits to its 32 bytes in round 1 and opens them in
// round 2, after it holds every commitment. Sent in the clear in one round, a rushing party
// could choose its contribution after seeing the honest ones and grind the dealer's output
// (attacks/spdz_dealer_grind.lua). The MACCheck seeds are committed in round 1 too, before
// anything is opened.
template <int K>
void SpdzParty<K>::offline_setup() {
  if (mascot_) {
    ctx_.meter.set_phase("offline");
    MascotTranscript transcript;
    prep_ = narrow_macs<K>(mascot_preprocess(net_, ctx_.rng, k_, *mascot_, &transcript));
    // For the extractor (extract.h): this party's Π_COPE transcript with every peer.
    for (PartyId p : other_parties(n_, me_)) {
      record_input_phase(ctx_, kMascotAsARecord, p, mascot_transcript_words(transcript.as_a[p]));
      record_input_phase(ctx_, kMascotAsBRecord, p, mascot_transcript_words(transcript.as_b[p]));
    }
    ctx_.meter.set_phase("online");
    send_all(labels::spdz::kCoinCommit, Message().add_bytes(commit_coin_seeds()));
    receive_coin_commitments();
    return;
  }
  ctx_.meter.set_phase("offline");
  Seed contribution{};
  ctx_.rng.fill(contribution);
  const auto [dealer_digest, dealer_opening] = commit({kDealerSession, me_}, contribution, ctx_.rng);
  send_all(labels::spdz::kDealerCommit,
           Message().add_bytes(Bytes(dealer_digest.begin(), dealer_digest.end())));
  ctx_.meter.set_phase("online");
  send_all(labels::spdz::kCoinCommit, Message().add_bytes(commit_coin_seeds()));
  ctx_.meter.set_phase("offline");
  const PerParty<Bytes> dealer_commitments = recv_bytes_each(sizeof(Digest));
  send_all(labels::spdz::kDealerSeed, Message().add_bytes(opening_bytes(dealer_opening)));
  // Roles: the clients get the contribution only after every server committed (a client
  // colluding with a rushing server must not show it the honest contributions in round 1).
  const Bytes mine(contribution.begin(), contribution.end());
  for (PartyId p = n_; p < total_; ++p)
    if (active_client(p)) all_.send(p, labels::spdz::kDealerClient, Message().add_bytes(mine));
  ctx_.meter.set_phase("online");
  receive_coin_commitments();
  std::string dealer_stream = "spdz.dealer/";
  for (PartyId p = 0; p < n_; ++p) {
    const Bytes b = p == me_ ? Bytes(contribution.begin(), contribution.end())
                             : opened_contribution(p, dealer_commitments[p]);
    dealer_stream.append(b.begin(), b.end());
  }
  Rng dealer(dealer_seed_, -1, dealer_stream);
  // The simulated dealer's work is offline work (a deployment's dealer or MASCOT does it); no
  // message goes out in between, so the run's phases as recorded do not change.
  ctx_.meter.set_phase("offline");
  prep_ = spdz_deal_in<K>(c_, n_, k_, me_, dealer, program_, plan_ ? &plan_->needs : nullptr);
  ctx_.meter.set_phase("online");
  if (total_ > n_) stream_digest_ = stream_digest(dealer_stream);
}

// The commitments to both MACCheck seeds, sent in the first online round.
template <int K>
Bytes SpdzParty<K>::commit_coin_seeds() {
  Bytes commitments;
  for (std::size_t w = 0; w < 2; ++w) {
    ctx_.rng.fill(coin_seed_[w]);
    auto [d, o] = commit({coin_session(w + 1), me_}, coin_seed_[w], ctx_.rng);
    coin_opening_[w] = o;
    commitments.insert(commitments.end(), d.begin(), d.end());
  }
  return commitments;
}

template <int K>
void SpdzParty<K>::receive_coin_commitments() {
  coin_commitment_ = PerParty<std::array<Digest, 2>>(n_);
  const PerParty<Bytes> commitments_of = recv_bytes_each(2 * sizeof(Digest));
  for (const auto& [p, b] : commitments_of.others(me_))
    for (std::size_t w = 0; w < 2; ++w)
      std::memcpy(coin_commitment_[p][w].data(), b.data() + w * sizeof(Digest), sizeof(Digest));
}

// Party p's dealer contribution from its round-2 opening; an opening that does not match its
// round-1 commitment aborts, blaming p (M63 accepts it unchecked).
template <int K>
Bytes SpdzParty<K>::opened_contribution(PartyId p, const Bytes& digest_bytes) {
  const Bytes b = recv_bytes(p, 2 * kSeedBytes);
  Opening o;
  o.value.assign(b.begin(), b.begin() + kSeedBytes);
  std::memcpy(o.randomness.data(), b.data() + kSeedBytes, kSeedBytes);
  Digest digest{};
  std::memcpy(digest.data(), digest_bytes.data(), digest.size());
  if (!mutant_active(Mutant::kM63) && !verify_commitment({kDealerSession, p}, digest, o))
    throw Abort("party " + std::to_string(p) +
                    " opened its dealer contribution inconsistently with its commitment",
                {p});
  return o.value;
}

// ε = x − r for each of this party's input wires, in input order, with r the dealer's clear
// mask (a server's step 1 and a client's C2 alike).
template <int K>
std::vector<Fp61> SpdzParty<K>::masked_inputs(const PartyInput& input) const {
  count_alloc<Fp61>(input.values.size());
  std::vector<Fp61> eps;
  eps.reserve(input.values.size());
  std::size_t idx = 0;
  for (const auto& g : c_.inputs)
    for (std::size_t k = 0; k < g.wires.size(); ++k, ++idx)
      if (g.owner == me_)
        eps.push_back(Fp61::from_u64(input.values[eps.size()]) - prep_.input_mask_clear[idx]);
  SMPC_ASSERT(eps.size() == input.values.size());
  return eps;
}

// Step 1 (Π_Online, Input): the owner opens ε = x − r to everybody; [[x]] = [[r]] + ε.
// Returns the hash of every ε, for the input broadcast check of MACCheck 1.
template <int K>
Bytes SpdzParty<K>::share_inputs(const PartyInput& input) {
  const std::vector<Fp61> eps = masked_inputs(input);
  if (!eps.empty()) send_all(labels::spdz::kInput, Message().add_field61(eps));
  PerParty<std::vector<Fp61>> by_owner(total_);
  by_owner[me_] = eps;
  for (PartyId p : other_parties(n_, me_)) {
    const auto count = c_.input_wires_of(p).size();
    if (count > 0) by_owner[p] = recv_field61(p, count);
  }
  // Roles, step C2 at the server: a client's ε, and the digest of the dealer stream its masks
  // came from, which must be this server's (M95 skips the comparison).
  for (PartyId p = n_; p < total_; ++p) {
    const auto count = c_.input_wires_of(p).size();
    if (count == 0) continue;
    const Message m = all_.recv(p);
    m.expect_parts(2);
    by_owner[p] = m.field61(0, count);
    const Bytes digest = m.bytes(1);
    if (digest.size() != stream_digest_.size())
      throw Abort("malformed client input from party " + std::to_string(p), {p},
                  AbortKind::kMalformed);
    if (!mutant_active(Mutant::kM95) && digest != stream_digest_)
      throw Abort("client " + std::to_string(p) +
                  " masked its inputs with another dealer stream than this server's (a server "
                  "gave it a different contribution, or the client lied)");
  }
  PerParty<std::size_t> used(total_);
  PerParty<std::vector<Fp61>> dealt_mask(total_);
  std::vector<Fp61> own_masks;
  // Our ε copied into by_owner, the dealt masks (extractor), our own masks, the input shares.
  count_alloc<Fp61>(2 * eps.size() + (mascot_ ? 0 : c_.input_count()));
  count_alloc<AuthShare>(c_.input_count());
  input_.reserve(c_.input_count());
  own_masks.reserve(eps.size());
  if (!mascot_)
    for (auto [p, opened] : by_owner.items()) dealt_mask[p].reserve(opened.size());
  for (const auto& g : c_.inputs)
    for (std::size_t k = 0; k < g.wires.size(); ++k) {
      const Fp61 e = by_owner[g.owner][used[g.owner]++];
      const std::size_t at = input_.size();
      // MASCOT: nobody but the owner knows r (input_mask_dealt is empty; see extract.h).
      if (at < prep_.input_mask_dealt.size())
        dealt_mask[g.owner].push_back(prep_.input_mask_dealt[at]);
      if (g.owner == me_) own_masks.push_back(prep_.input_mask_clear[at]);
      input_.push_back(prep_.input_mask[at]);
      add_public(input_.back(), e);
    }
  // For the extractor (extract.h): the ε this party holds and the dealer's r behind them;
  // with MASCOT, only an owner knows its r: its own.
  for (auto [p, opened] : by_owner.items())
    if (!opened.empty()) {
      record_input_phase(ctx_, "opened", p, opened);
      if (!mascot_) record_input_phase(ctx_, "mask", p, dealt_mask[p]);
    }
  if (mascot_ && !by_owner[me_].empty()) record_input_phase(ctx_, kMascotMaskRecord, me_, own_masks);
  Blake2b h("spdz.input.check/v1", 32);
  for (const auto& e : by_owner) h.add(fp61_bytes(e));
  Bytes digest(32);
  h.finish(digest);
  return digest;
}

// Step 2 (Π_Online, Multiply with Beaver triples) for one layer's multiplications at once:
// open d = x − a and e = y − b, then [[xy]] = [[c]] + d[[b]] + e[[a]] + de.
template <int K>
void SpdzParty<K>::multiply_layer(const CircuitLayer& layer, std::size_t& triple) {
  count_alloc<std::pair<AuthShare, AuthShare>>(layer.nonlinear.size());
  std::vector<std::pair<AuthShare, AuthShare>> xy;
  for (std::size_t gi : layer.nonlinear) xy.emplace_back(wire_[c_.gates[gi].in0], wire_[c_.gates[gi].in1]);
  const auto z = beaver(xy, prep_.triples, triple);
  for (std::size_t g = 0; g < z.size(); ++g) wire_[c_.gates[layer.nonlinear[g]].out] = z[g];
}

// The products are computed without their per-product count and counted per batch instead, as
// many as the share arithmetic linear(), scaled() and add_public() counts (ops.h): d = x − a is
// linear(x, a, −1), a product by −1 per lane, and z below is linear(linear(c, scaled(b, d), 1),
// scaled(a, e), 1) plus add_public(z, d·e).
template <int K>
auto SpdzParty<K>::beaver(const std::vector<std::pair<AuthShare, AuthShare>>& xy,
                          const std::vector<SpdzTriple>& triples,
                          std::size_t& next) -> std::vector<AuthShare> {
  constexpr std::uint64_t kLanes = 1 + K;  // the value and its K MACs
  constexpr std::uint64_t kDeProducts = 2 * kLanes;
  constexpr std::uint64_t kZProducts = 4 * kLanes + K + 1;
  const std::size_t m = xy.size();
  count_alloc<AuthShare>(3 * m);  // de and out (xy: multiply_layer); de_ is reused instead
  count_op(Op::kFp61Mul, kDeProducts * m);
  de_.resize(2 * m);
  for (std::size_t g = 0; g < m; ++g) {
    const SpdzTriple& tr = triples[triple_index(next, g)];
    de_[2 * g] = difference(xy[g].first, tr.a);
    de_[2 * g + 1] = difference(xy[g].second, tr.b);
  }
  const std::vector<Fp61>& opened = open(labels::spdz::kOpen, de_, log_);
  count_op(Op::kFp61Mul, kZProducts * m);
  std::vector<AuthShare> out(m);
  for (std::size_t g = 0; g < m; ++g) {
    const SpdzTriple& tr = triples[triple_index(next, g)];
    const Fp61 d = opened[2 * g], e = opened[2 * g + 1];
    const Fp61 de = Fp61::mul_uncounted(d, e);
    AuthShare& z = out[g];
    z.value = tr.c.value + Fp61::mul_uncounted(d, tr.b.value) + Fp61::mul_uncounted(e, tr.a.value);
    if (me_ == 0) z.value += de;
    for (std::size_t l = 0; l < static_cast<std::size_t>(K); ++l)
      z.mac[l] = tr.c.mac[l] + Fp61::mul_uncounted(d, tr.b.mac[l]) +
                 Fp61::mul_uncounted(e, tr.a.mac[l]) + Fp61::mul_uncounted(prep_.alpha[l], de);
  }
  next += m;
  return out;
}

// A program's product batch with the dealer's factor masks (spdz_dealer.h; spdz.h "Fixed-point
// programs"): Beaver's multiplication with a triple (a_x, a_y, a_x·a_y) whose a and b belong to
// the factors, so that a_x only ever masks x and d_x = x − a_x is opened once, however many
// products read x (the model's weights, a Floor's bit):
//   1. d_x for every factor first used in this batch (the next factor numbers), opened at once
//      and logged for MACCheck 1 (an empty opening when there is none: the round stays);
//   2. [[x·y]] = [[a_x·a_y]] + d_x[[a_y]] + d_y[[a_x]] + d_x·d_y (the public term by party 0).
template <int K>
auto SpdzParty<K>::multiply_factors(std::size_t m, const std::vector<AuthShare>& reg)
    -> std::vector<AuthShare> {
  constexpr std::uint64_t kLanes = 1 + K;  // the value and its K MACs
  constexpr std::uint64_t kZProducts = 4 * kLanes + K + 1;
  const fx::Needs& needs = plan_->needs;
  const std::size_t first = fx_factor_d_.size(), next = needs.factors_after[fx_product_ + m - 1];
  count_alloc<AuthShare>(m);  // out (the batch's factors: de_, reused)
  count_op(Op::kFp61Mul, kLanes * (next - first));
  de_.resize(next - first);
  for (std::size_t x = first; x < next; ++x)
    de_[x - first] = difference(reg[needs.factor_regs[x]], prep_.fx_factor_mask[x]);
  const std::vector<Fp61>& opened = open(labels::spdz::kOpen, de_, log_);
  fx_factor_d_.insert(fx_factor_d_.end(), opened.begin(), opened.end());
  count_op(Op::kFp61Mul, kZProducts * m);
  std::vector<AuthShare> out(m);
  for (std::size_t g = 0; g < m; ++g) {
    const auto [x, y] = needs.mul_factors[fx_product_ + g];
    const AuthShare &ax = prep_.fx_factor_mask[x], &ay = prep_.fx_factor_mask[y];
    const AuthShare& c = prep_.fx_mask_product[fx_product_ + g];
    const Fp61 dx = fx_factor_d_[x], dy = fx_factor_d_[y], dxy = Fp61::mul_uncounted(dx, dy);
    AuthShare& z = out[g];
    z.value = c.value + Fp61::mul_uncounted(dx, ay.value) + Fp61::mul_uncounted(dy, ax.value);
    if (me_ == 0) z.value += dxy;
    for (std::size_t l = 0; l < static_cast<std::size_t>(K); ++l)
      z.mac[l] = c.mac[l] + Fp61::mul_uncounted(dx, ay.mac[l]) + Fp61::mul_uncounted(dy, ax.mac[l]) +
                 Fp61::mul_uncounted(prep_.alpha[l], dxy);
  }
  fx_product_ += m;
  return out;
}

// Step 2 over the whole circuit: one round per layer of multiplications; linear gates are local.
template <int K>
auto SpdzParty<K>::evaluate_circuit() -> std::vector<AuthShare> {
  count_alloc<AuthShare>(c_.num_wires);
  // and the layer schedule computed below: a depth per wire, an index per gate
  count_alloc<std::uint32_t>(c_.num_wires);
  count_alloc<std::size_t>(c_.gates.size());
  wire_.assign(c_.num_wires, AuthShare{});
  std::size_t at = 0;
  for (const auto& g : c_.inputs)
    for (auto w : g.wires) wire_[w] = input_[at++];
  std::size_t triple = 0;
  for (const CircuitLayer& layer : layer_schedule(c_)) {
    count_layer_gates(layer);
    if (!layer.nonlinear.empty()) multiply_layer(layer, triple);
    for (std::size_t gi : layer.linear) {
      const Gate& g = c_.gates[gi];
      wire_[g.out] = linear_gate(
          g, wire_,
          [this](const AuthShare& a, const AuthShare& b, Fp61 sign) { return linear(a, b, sign); },
          [this](const AuthShare& a, Fp61 c) { return scaled(a, c); },
          [this](Fp61 c) { return constant(c); });
    }
  }
  std::vector<AuthShare> y;
  for (const auto& g : c_.outputs)
    for (auto w : g.wires) y.push_back(wire_[w]);
  return y;
}

// Step 4 (Π_Online, Output; DPSZ eprint 2011/535, §"output"): each opening of openings_
// (spdz_dealer.h) opens y, or y + s for a restricted group: with the dealer one s per wire for
// all its receivers, with MASCOT one y + r_a per receiver R_a. The opened values go to a fresh
// log, checked by MACCheck 2 (step 5) before any receiver uses them.
template <int K>
std::vector<Fp61> SpdzParty<K>::open_outputs(const std::vector<AuthShare>& y) {
  std::vector<AuthShare> out_shares;
  out_shares.reserve(openings_.size());
  for (std::size_t i = 0; i < openings_.size(); ++i) {
    const AuthShare& v = y[openings_[i].entry];
    out_shares.push_back(prep_.output_mask[i] ? linear(v, *prep_.output_mask[i], Fp61::from_u64(1))
                                              : v);
  }
  log_.clear();
  return open(labels::spdz::kOutput, out_shares, log_);
}

template <int K>
std::vector<std::size_t> SpdzParty<K>::openings_for(PartyId p) const {
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < openings_.size(); ++i)
    if (openings_[i].for_party(p)) mine.push_back(i);
  return mine;
}

// R_a knows its s (r_a under MASCOT) in the clear: (y + s) − s = y; a public opening has s = 0.
template <int K>
PartyOutput SpdzParty<K>::unmask(const std::vector<Fp61>& mine) const {
  PartyOutput out;
  const auto at = openings_for(me_);
  SMPC_ASSERT(at.size() == mine.size());
  for (std::size_t j = 0; j < at.size(); ++j)
    out.values.push_back((mine[j] - prep_.output_mask_clear[at[j]]).value());
  return out;
}

// Step 6 (roles): after MACCheck 2, each server sends every receiving client the opened
// y + s of its entries (masked: a client's groups are restricted) and its stream digest.
template <int K>
void SpdzParty<K>::send_client_outputs(const std::vector<Fp61>& opened) {
  for (PartyId r = n_; r < total_; ++r) {
    std::vector<Fp61> mine;
    for (std::size_t i : openings_for(r)) mine.push_back(opened[i]);
    if (!mine.empty())
      all_.send(r, labels::spdz::kClientOutput,
                Message().add_field61(mine).add_bytes(stream_digest_));
  }
}

// A client (spdz.h "Roles"): C1, the dealer's stream from the servers' contributions and its
// part of the dealer's output (its clear masks r and s); C2, ε = x − r to every server with
// the stream digest; C3, y + s from every server: all S values and digests must agree, else
// abort (at least one server is honest and sends the value the MACs checked).
template <int K>
PartyOutput SpdzParty<K>::run_client(const PartyInput& input) {
  if (!active_client(me_)) return {};
  std::string dealer_stream = "spdz.dealer/";
  for (PartyId p = 0; p < n_; ++p) {
    const Bytes b = recv_bytes(p, kSeedBytes);
    dealer_stream.append(b.begin(), b.end());
  }
  Rng dealer(dealer_seed_, -1, dealer_stream);
  prep_ = spdz_deal_in<K>(c_, n_, k_, me_, dealer, program_, plan_ ? &plan_->needs : nullptr);
  stream_digest_ = stream_digest(dealer_stream);
  const std::vector<Fp61> eps = masked_inputs(input);
  if (!eps.empty())
    for (PartyId p = 0; p < n_; ++p)
      all_.send(p, labels::spdz::kClientInput,
                Message().add_field61(eps).add_bytes(stream_digest_));
  const std::size_t count = openings_for(me_).size();
  if (count == 0) return {};
  std::optional<std::vector<Fp61>> agreed;
  for (PartyId p = 0; p < n_; ++p) {
    const Message m = all_.recv(p);
    m.expect_parts(2);
    auto values = m.field61(0, count);
    if (m.bytes(1) != stream_digest_)
      throw Abort("server " + std::to_string(p) +
                  " derived its masks from another dealer stream than this client");
    // M96: the first server's values are taken without comparing the others'.
    if (!agreed) agreed = std::move(values);
    else if (!mutant_active(Mutant::kM96) && values != *agreed)
      throw Abort("the servers sent different opened outputs (server " + std::to_string(p) +
                  " disagrees with server 0)");
  }
  return unmask(*agreed);
}

// Fixed-point programs (fixed.h; spdz.h "Fixed-point programs"): the engine of
// fixedpoint/engine.h on authenticated shares. Products use the dealer's factor masks, BitLT
// its triples, the masks its (r, bits) pairs, and every opened value joins the log of MACCheck 1.
template <int K>
struct SpdzParty<K>::FxBackend {
  using Share = AuthShare;
  SpdzParty& p;
  Share linear(const Share& a, const Share& b, Fp61 sign) const { return p.linear(a, b, sign); }
  Share scaled(const Share& a, Fp61 c) const { return p.scaled(a, c); }
  Share constant(Fp61 c) const { return p.constant(c); }
  void add_public(Share& a, Fp61 c) const { p.add_public(a, c); }
  const Share& program_input(std::size_t idx) const { return p.input_[idx]; }
  std::vector<Share> multiply(const std::vector<std::pair<Share, Share>>& xy) {
    return p.beaver(xy, p.prep_.fx_triples, p.fx_triple_);
  }
  std::vector<Share> multiply_registers(std::size_t m, const std::vector<Share>& reg) {
    return p.multiply_factors(m, reg);
  }
  std::vector<Fp61> open_masked(fx::Op op, const std::vector<Share>& c) {
    if (fx::is_mod2m(op)) return p.open(labels::spdz::kFxLtz, c, p.log_);
    // M81: the opened c stay out of the MACCheck log, so a shifted share of c goes unnoticed.
    std::vector<Opened> unchecked;
    return p.open(labels::spdz::kFxTrunc, c, mutant_active(Mutant::kM81) ? unchecked : p.log_);
  }
  const Share& bit_pair(const SpdzFxMask& mask, std::size_t i) const { return mask.pairs[i]; }
  const SpdzFxMask& next_mask(fx::Op op) {
    return fx::is_mod2m(op) ? p.prep_.fx_ltz[p.fx_ltz_++] : p.prep_.fx_trunc[p.fx_trunc_++];
  }
  // M111: every kRandBit takes the first dealt bit, so m coins give m·b_0 instead of a binomial.
  const Share& random_bit() { return p.prep_.fx_rand_bits[mutant_active(Mutant::kM111) ? 0 : p.fx_rand_bit_++]; }
};

// Step 2 for a program: the engine's batches; returns the outputs, and records the opened
// truncation values (fx::evaluate_opened).
template <int K>
auto SpdzParty<K>::run_program() -> std::vector<AuthShare> {
  // Every opened d (factors, BitLT's d and e) and every masked c is logged for MACCheck 1.
  log_.reserve(2 * prep_.fx_triples.size() + prep_.fx_factor_mask.size() + prep_.fx_trunc.size() +
               prep_.fx_ltz.size());
  fx_factor_d_.reserve(prep_.fx_factor_mask.size());
  FxBackend backend{*this};
  fx::Engine<FxBackend> engine(*program_, *plan_, backend);
  engine.reserve_truncations(prep_.fx_trunc.size());
  std::vector<AuthShare> y = engine.run();
  record_input_phase(ctx_, fx::kOpenedTruncRecord, 0, engine.opened_truncations());
  if (!prep_.fx_rand_bits_dealt.empty()) record_input_phase(ctx_, fx::kRandBitsRecord, 0, prep_.fx_rand_bits_dealt);
  return y;
}

template <int K>
PartyOutput SpdzParty<K>::run(const PartyInput& input) {
  if (me_ >= n_) return run_client(input);
  offline_setup();
  const Bytes input_digest = share_inputs(input);
  const std::vector<AuthShare> y = program_ ? run_program() : evaluate_circuit();
  // Step 3: MACCheck of everything opened so far, before any output is revealed: an
  // unchecked wrong d or e would make the output leak honest inputs (e.g. z = xy + δ·y).
  mac_check(1, log_, &input_digest);
  const auto opened = open_outputs(y);
  // Step 5: MACCheck of the outputs; only then are they used.
  // M01: the output opening goes unchecked, so a tampered output share goes unnoticed.
  // M19: only the masked (private) outputs are checked; public ones are "seen by everyone".
  if (mutant_active(Mutant::kM19)) {
    std::vector<Opened> masked;
    for (std::size_t e = 0; e < log_.size(); ++e)
      if (prep_.output_mask[e]) masked.push_back(log_[e]);
    log_ = std::move(masked);
  }
  // M99: only the first opening of each output wire is checked, as if there were one per wire
  // (the dealer's case); with MASCOT's per-receiver masks a tampered y + r_a of a group's
  // second receiver goes unnoticed.
  if (mutant_active(Mutant::kM99)) {
    std::vector<Opened> first;
    for (std::size_t i = 0; i < log_.size(); ++i)
      if (i == 0 || openings_[i].entry != openings_[i - 1].entry) first.push_back(log_[i]);
    log_ = std::move(first);
  }
  if (!mutant_active(Mutant::kM01)) mac_check(2, log_, nullptr);
  send_client_outputs(opened);
  std::vector<Fp61> mine;
  for (std::size_t i : openings_for(me_)) mine.push_back(opened[i]);
  return unmask(mine);
}

}  // namespace

Spdz::Spdz(Circuit circuit, int mac_keys, std::uint64_t dealer_seed,
           std::optional<MascotNeeds> mascot, std::optional<fx::Program> program, int servers)
    : circuit_(std::move(circuit)),
      mac_keys_(mac_keys),
      dealer_seed_(dealer_seed),
      mascot_(std::move(mascot)),
      program_(std::move(program)),
      plan_(program_ ? std::make_shared<const fx::Plan>(fx::plan_of(*program_)) : nullptr),
      servers_(servers) {
  SMPC_ASSERT(servers_ >= 0 && !(servers_ > 0 && mascot_));
  SMPC_ASSERT(circuit_.domain == CircuitDomain::kField61);
  SMPC_ASSERT(mac_keys_ >= 1 && mac_keys_ <= kSpdzMaxMacKeys);
  SMPC_ASSERT(!program_ || program_->outputs.size() == circuit_.output_count());
}

double Spdz::log2_forgery_per_check() const {
  return mac_keys_ * (1.0 - std::log2(static_cast<double>(Fp61::kModulus)));
}

SecurityClaim Spdz::claim(int parties) const {
  char bound[64];
  std::snprintf(bound, sizeof bound, "%.0f", std::floor(log2_forgery_per_check() + 1.0));
  const std::string who =
      servers_ > 0 ? "up to S - 1 = " + std::to_string(servers_ - 1) + " of S = " +
                         std::to_string(servers_) + " servers corrupted and any number of the " +
                         std::to_string(parties - servers_) + " clients"
                   : "up to n - 1 = " + std::to_string(parties - 1) + " of n = " +
                         std::to_string(parties) + " parties corrupted";
  return {AdversaryModel::kMalicious, (servers_ > 0 ? servers_ : parties) - 1,
          OutputGuarantee::kCorrectOrAbort,
          "malicious, " + who + ", correct output or abort (" +
              std::to_string(mac_keys_) + " MAC key" + (mac_keys_ > 1 ? "s" : "") +
              " over Mersenne-61: a run accepts a forged opening with probability <= 2^" + bound +
              "); " +
              (mascot_ ? "preprocessing: mascot (MASCOT, OT-based with KOS OT extension; no "
                         "trusted party)"
                       : "preprocessing: dealer (a trusted dealer, simulated)")};
}

PartyOutput Spdz::run_steps(PartyContext& ctx, const PartyInput& input) const {
  const fx::Program* program = program_ ? &*program_ : nullptr;
  switch (mac_keys_) {
    case 1: return SpdzParty<1>(circuit_, dealer_seed_, mascot_, program, plan_.get(), servers_, ctx).run(input);
    case 2: return SpdzParty<2>(circuit_, dealer_seed_, mascot_, program, plan_.get(), servers_, ctx).run(input);
    case 3: return SpdzParty<3>(circuit_, dealer_seed_, mascot_, program, plan_.get(), servers_, ctx).run(input);
    default: return SpdzParty<4>(circuit_, dealer_seed_, mascot_, program, plan_.get(), servers_, ctx).run(input);
  }
}

Result<std::unique_ptr<Protocol>> make_spdz(const nlohmann::json& params, const Circuit& c,
                                            int parties) {
  if (c.domain != CircuitDomain::kField61)
    return Error(std::string("/function: spdz evaluates circuits over field61, got ") +
                 domain_name(c.domain));
  std::optional<fx::Program> program = fx::carried_program(c);
  // Omitted: MASCOT, the default — but never silently the dealer where MASCOT is not built.
  const bool chosen = params.contains("preprocessing");
  const char* omitted = chosen ? "" : "not given, and the default \"mascot\" does not apply: ";
  if (chosen) {
    const auto& v = params["preprocessing"];
    if (!v.is_string() || (v.get<std::string>() != "dealer" && v.get<std::string>() != "mascot"))
      return Error("/protocol/preprocessing: must be \"dealer\" (a simulated trusted dealer) or "
                   "\"mascot\" (MASCOT, OT-based), got " + v.dump());
  }
  const bool use_mascot = !chosen || params["preprocessing"].get<std::string>() == "mascot";
  if (use_mascot && program)
    return Error(std::string("/protocol/preprocessing: ") + omitted +
                 "fixed-point programs (truncation, comparison) need random shared bits, which "
                 "only the dealer hands out here; MASCOT makes triples only: set "
                 "\"preprocessing\": \"dealer\" (a simulated trusted dealer)");
  std::optional<MascotNeeds> mascot;
  if (use_mascot) mascot = mascot_needs(c);
  int keys = 1;
  if (params.contains("mac_keys")) {
    const auto& v = params["mac_keys"];
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > kSpdzMaxMacKeys)
      return Error("/protocol/mac_keys: must be an integer from 1 to " +
                   std::to_string(kSpdzMaxMacKeys) + ", got " + v.dump());
    keys = static_cast<int>(v.get<long long>());
  }
  // Roles (kServersParam, set by the runner): clients take their masks from the dealer.
  int servers = 0;
  if (params.contains(kServersParam)) {
    servers = server_count(params, parties);
    if (mascot && chosen)
      return Error("/roles: client inputs need the dealer preprocessing (\"preprocessing\": "
                   "\"dealer\"); MASCOT authenticates the inputs of computing parties only");
    if (mascot)
      return Error(std::string("/protocol/preprocessing: ") + omitted +
                   "client roles need the dealer (MASCOT authenticates the inputs of computing "
                   "parties only): set \"preprocessing\": \"dealer\" (a simulated trusted dealer)");
    if (program)
      return Error("/roles: spdz takes client inputs for circuits; fixed-point programs "
                   "(inference) with clients are not built: give their inputs as SPDZ parties");
  }
  std::uint64_t seed = 0;
  if (params.contains("dealer_seed")) {
    const auto& v = params["dealer_seed"];
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
      return Error("/protocol/dealer_seed: must be a non-negative integer, got " + v.dump());
    seed = v.get<std::uint64_t>();
  }
  return std::unique_ptr<Protocol>(
      std::make_unique<Spdz>(c, keys, seed, std::move(mascot), std::move(program), servers));
}

}  // namespace smpc
