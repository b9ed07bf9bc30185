#include "protocols/spdz/mascot.h"

#include <array>
#include <cstring>
#include <memory>
#include <string>

#include "protocols/core/abort.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"
#include "protocols/core/per_party.h"
#include "protocols/crypto/block.h"
#include "protocols/crypto/commit.h"
#include "protocols/crypto/hash.h"
#include "protocols/crypto/prg.h"
#include "protocols/ot/base_ot.h"
#include "protocols/ot/kos.h"
#include "protocols/spdz/labels.h"

namespace smpc {
namespace {

namespace L = labels::spdz;
using Seed = std::array<std::uint8_t, 32>;
constexpr std::size_t kCoins = 4;  // combine, authentication check, sacrifice, MACCheck
enum Coin : std::size_t { kCombine = 0, kAuthCheck = 1, kSacrifice = 2, kMacCheck = 3 };
// Layout of one party's authenticated values: x_0, then per triple a, b, c, â, ĉ, then the
// masks of the inputs it owns and of the output openings whose mask it holds (one per wire of
// each restricted output group it receives, also when the group has other receivers).
constexpr std::size_t kPerTriple = 5;

std::string coin_session(std::size_t w) { return "spdz.mascot.coin/" + std::to_string(w); }

Fp61 fp_of(const Block& b) { return Fp61::from_u64(block_lo(b)); }

// Π_COPE's PRF(k_i, j) for j < v and every key i of the bank, as out[i·v + j] (AES-CTR streams,
// prg.h; 64 uniform bits reduced mod p, within 2^-58 of uniform).
std::vector<Fp61> prf_values(const AesPrgBank& bank, std::size_t v) {
  const std::size_t stride = (v + 1) / 2 * 16;  // the bank expands whole 16-byte blocks
  std::vector<std::uint8_t> raw(bank.size() * stride);
  bank.expand(0, raw.data(), stride);
  std::vector<Fp61> out(bank.size() * v);
  for (std::size_t i = 0; i < bank.size(); ++i)
    for (std::size_t j = 0; j < v; ++j)
      out[i * v + j] = Fp61::from_u64(load_le64(&raw[i * stride + 8 * j]));
  return out;
}

Bytes exact(const Message& m, std::size_t part, std::size_t size, PartyId from) {
  Bytes b = m.bytes(part);
  if (b.size() != size)
    throw Abort("malformed MASCOT message from party " + std::to_string(from), {from},
                AbortKind::kMalformed);
  return b;
}

// A transcript entry (MascotTranscript): the digest of a message's wire encoding. The testbed's
// bookkeeping for the extractor, not MASCOT's work: not counted (ops.h), so the compute model's
// simulated time stays the protocol's.
Digest transcript_digest(const Message& m) {
  const UncountedScope testbed_only;
  Digest d{};
  Blake2b("spdz.mascot.transcript/v1", d.size()).add(m.encode()).finish(d);
  return d;
}

struct Opened {
  Fp61 value;
  std::array<Fp61, kSpdzMaxMacKeys> mac{};
};

class MascotParty {
 public:
  MascotParty(Channel& net, Rng& rng, int k, const MascotNeeds& needs)
      : net_(net), rng_(rng), k_(static_cast<std::size_t>(k)), needs_(needs), me_(net.self()),
        n_(net.party_count()) {}
  SpdzPreprocessing run();
  const MascotTranscript& transcript() const { return transcript_; }

 private:
  std::size_t values_of(PartyId p) const;
  void setup();                              // flow 1
  void multiply();                           // Π_Triple Multiply, flows 2-5
  void combine();                            // Π_Triple Combine, flow 6
  void authenticate();                       // Π_[[·]] with Π_COPE Extend, flow 7
  void check_and_sacrifice();                // Π_[[·]] check, Π_Triple Sacrifice, flows 8-10
  void mac_check();                          // flows 11-13
  Seed open_coin(std::size_t w);
  std::vector<Fp61> open_values(std::string_view label, const std::vector<Opened>& shares);
  Opened share_of(std::size_t j) const;      // [[v]] of layout slot j (a triple value)
  SpdzPreprocessing assemble() const;

  Channel& net_;
  Rng& rng_;
  std::size_t k_;
  const MascotNeeds& needs_;
  PartyId me_;
  int n_;
  std::array<Fp61, kSpdzMaxMacKeys> alpha_{};
  std::array<Seed, kCoins> coin_{};
  std::array<Opening, kCoins> coin_opening_{};
  PerParty<std::array<Digest, kCoins>> coin_commitment_;
  PerParty<AesPrgBank> cope_a0_, cope_a1_, cope_b_;  // P_A's k^0, k^1; P_B's k^{Δ_i}
  PerParty<std::unique_ptr<KosSender>> kos_s_;
  PerParty<std::unique_ptr<KosReceiver>> kos_r_;
  std::vector<std::array<Fp61, kMascotTau>> a_, c_;  // Multiply: a^i and c^i per triple
  std::vector<Fp61> b_;
  std::vector<Fp61> x_;                               // my values, in the layout above
  PerParty<std::vector<std::array<Fp61, kSpdzMaxMacKeys>>> mac_;  // MAC shares of p's values
  std::vector<Opened> log_;                           // opened values for the MACCheck
  std::vector<Fp61> y_seen_;  // every owner's y of flow 8 as this party holds it (flow 11 compares)
  MascotTranscript transcript_;                       // Π_COPE messages, for the extractor
};

std::size_t MascotParty::values_of(PartyId p) const { return mascot_values_of(needs_, p); }

// Flow 1: MAC keys, Π_COPE Initialize both ways, KOS base OTs both ways, coin commitments.
void MascotParty::setup() {
  std::vector<bool> delta_bits;
  for (std::size_t l = 0; l < k_; ++l) {
    alpha_[l] = rng_.uniform_fp61();
    for (std::size_t i = 0; i < kMascotBits; ++i) delta_bits.push_back((alpha_[l].value() >> i) & 1);
  }
  PerParty<std::unique_ptr<NaorPinkasSender>> a(n_);
  PerParty<std::unique_ptr<NaorPinkasReceiver>> b(n_);
  kos_s_ = PerParty<std::unique_ptr<KosSender>>(n_);
  kos_r_ = PerParty<std::unique_ptr<KosReceiver>>(n_);
  Bytes commitments;
  for (std::size_t w = 0; w < kCoins; ++w) {
    rng_.fill(coin_[w]);
    auto [d, o] = commit({coin_session(w), me_}, coin_[w], rng_);
    coin_opening_[w] = o;
    commitments.insert(commitments.end(), d.begin(), d.end());
  }
  transcript_.as_a = transcript_.as_b = PerParty<MascotCopeTranscript>(n_);
  for (PartyId p : other_parties(n_, me_)) {
    a[p] = std::make_unique<NaorPinkasSender>(kMascotBits * k_, rng_);
    b[p] = std::make_unique<NaorPinkasReceiver>(delta_bits, rng_);
    kos_s_[p] = std::make_unique<KosSender>(net_, p, rng_, std::string(L::kMascotOt));
    kos_r_[p] = std::make_unique<KosReceiver>(net_, p, rng_, std::string(L::kMascotOt));
    const Message sender = a[p]->first_message(), receiver = b[p]->first_message();
    transcript_.as_a[p][0] = transcript_digest(sender);
    transcript_.as_b[p][1] = transcript_digest(receiver);
    net_.send(p, L::kMascotCopeBase, sender);
    net_.send(p, L::kMascotCopeBase, receiver);
    kos_s_[p]->send_base();
    kos_r_[p]->send_base();
    net_.send(p, L::kMascotCoinCommit, Message().add_bytes(commitments));
  }
  cope_a0_ = cope_a1_ = cope_b_ = PerParty<AesPrgBank>(n_);
  coin_commitment_ = PerParty<std::array<Digest, kCoins>>(n_);
  for (PartyId p : other_parties(n_, me_)) {
    const Message sender = net_.recv(p), receiver = net_.recv(p);
    transcript_.as_b[p][0] = transcript_digest(sender);
    transcript_.as_a[p][1] = transcript_digest(receiver);
    cope_b_[p] = AesPrgBank(b[p]->keys(sender));  // p's sender message: we are P_B
    const auto pairs = a[p]->keys(receiver);      // p's receiver message: we are P_A
    std::vector<PrgSeed> k0, k1;
    for (const auto& kp : pairs) k0.push_back(kp[0]), k1.push_back(kp[1]);
    cope_a0_[p] = AesPrgBank(k0);
    cope_a1_[p] = AesPrgBank(k1);
    kos_r_[p]->receive_base();
    kos_s_[p]->receive_base();
    const Message m = net_.recv(p);
    m.expect_parts(1);
    const Bytes cb = exact(m, 0, kCoins * sizeof(Digest), p);
    for (std::size_t w = 0; w < kCoins; ++w)
      std::memcpy(coin_commitment_[p][w].data(), cb.data() + w * sizeof(Digest), sizeof(Digest));
  }
}

// Commit-then-open coin toss w: the XOR of every party's committed seed.
Seed MascotParty::open_coin(std::size_t w) {
  Bytes mine(coin_opening_[w].value);
  mine.insert(mine.end(), coin_opening_[w].randomness.begin(), coin_opening_[w].randomness.end());
  send_to_all(net_, L::kMascotCoinOpen, Message().add_bytes(mine));
  Seed seed = coin_[w];
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(1);
    const Bytes b = exact(m, 0, 64, p);
    Opening o;
    o.value.assign(b.begin(), b.begin() + 32);
    std::memcpy(o.randomness.data(), b.data() + 32, 32);
    if (!verify_commitment({coin_session(w), p}, coin_commitment_[p][w], o))
      throw Abort("MASCOT: party " + std::to_string(p) + " opened a coin inconsistently with its "
                  "commitment", {p});
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] ^= o.value[i];
  }
  return seed;
}

Rng coin_stream(std::size_t w, const Seed& s) {
  return Rng(0, -1, coin_session(w) + "/stream/" + std::string(s.begin(), s.end()));
}

// Π_Triple Multiply (flows 2-5): Gilboa products a^i_h·b^j over KOS random OTs.
void MascotParty::multiply() {
  const std::size_t t = needs_.triples, ots = t * kMascotTau * kMascotBits;
  a_.assign(t, {});
  c_.assign(t, {});
  b_.assign(t, Fp61());
  std::vector<bool> bits;
  for (std::size_t g = 0; g < t; ++g) {
    b_[g] = rng_.uniform_fp61();
    for (std::size_t h = 0; h < kMascotTau; ++h) {
      a_[g][h] = rng_.uniform_fp61();
      c_[g][h] = a_[g][h] * b_[g];
      for (std::size_t i = 0; i < kMascotBits; ++i) bits.push_back((a_[g][h].value() >> i) & 1);
    }
  }
  for (PartyId p : other_parties(n_, me_)) kos_r_[p]->send_extension(bits);      // flow 2
  for (PartyId p : other_parties(n_, me_)) kos_s_[p]->receive_extension(ots);    // flow 3
  PerParty<std::vector<Block>> got(n_);
  for (PartyId p : other_parties(n_, me_)) got[p] = kos_r_[p]->finish();         // flow 4
  for (PartyId p : other_parties(n_, me_)) {
    const auto pairs = kos_s_[p]->finish();
    std::vector<Fp61> d(ots);
    for (std::size_t o = 0; o < ots; ++o) {
      const Fp61 q0 = fp_of(pairs[o][0]);
      d[o] = q0 - fp_of(pairs[o][1]) + b_[o / (kMascotTau * kMascotBits)];
      c_[o / (kMascotTau * kMascotBits)][(o / kMascotBits) % kMascotTau] -=
          Fp61::from_u64(std::uint64_t{1} << (o % kMascotBits)) * q0;
    }
    net_.send(p, L::kMascotMultiply, Message().add_field61(d));                   // flow 5
  }
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(1);
    const auto d = m.field61(0, ots);
    for (std::size_t o = 0; o < ots; ++o) {
      Fp61 v = fp_of(got[p][o]);
      if (bits[o]) v += d[o];
      c_[o / (kMascotTau * kMascotBits)][(o / kMascotBits) % kMascotTau] +=
          Fp61::from_u64(std::uint64_t{1} << (o % kMascotBits)) * v;
    }
  }
}

// Π_Triple Combine (flow 6), then my layout of values to authenticate.
void MascotParty::combine() {
  Rng coeff = coin_stream(kCombine, open_coin(kCombine));
  x_.assign(1, rng_.uniform_fp61());  // x_0 of Π_[[·]]'s check
  for (std::size_t g = 0; g < needs_.triples; ++g) {
    Fp61 a, c, ah, ch;
    for (std::size_t h = 0; h < kMascotTau; ++h) {
      const Fp61 r = coeff.uniform_fp61(), rh = coeff.uniform_fp61();
      a += r * a_[g][h], c += r * c_[g][h], ah += rh * a_[g][h], ch += rh * c_[g][h];
    }
    x_.insert(x_.end(), {a, b_[g], c, ah, ch});
  }
  for (PartyId o : needs_.input_owner)
    if (o == me_) x_.push_back(rng_.uniform_fp61());
  for (const auto& r : needs_.output_receiver)
    if (r == me_) x_.push_back(rng_.uniform_fp61());
}

// Π_[[·]] Input of all my values by Π_COPE Extend with every peer (flow 7): MAC shares of
// everyone's values, mine first.
void MascotParty::authenticate() {
  mac_ = PerParty<std::vector<std::array<Fp61, kSpdzMaxMacKeys>>>(n_);
  const std::size_t v = x_.size(), cols = kMascotBits * k_;
  mac_[me_].assign(v, {});
  for (std::size_t j = 0; j < v; ++j)
    for (std::size_t l = 0; l < k_; ++l) mac_[me_][j][l] = alpha_[l] * x_[j];
  for (PartyId p : other_parties(n_, me_)) {
    const auto t0 = prf_values(cope_a0_[p], v), t1 = prf_values(cope_a1_[p], v);
    std::vector<Fp61> u(cols * v);
    for (std::size_t c = 0; c < cols; ++c)
      for (std::size_t j = 0; j < v; ++j) {
        u[c * v + j] = t0[c * v + j] - t1[c * v + j] + x_[j];
        mac_[me_][j][c / kMascotBits] -=
            Fp61::from_u64(std::uint64_t{1} << (c % kMascotBits)) * t0[c * v + j];
      }
    Message m;
    m.add_field61(u);
    transcript_.as_a[p][2] = transcript_digest(m);
    net_.send(p, L::kMascotCope, m);
  }
  for (PartyId p : other_parties(n_, me_)) {
    const std::size_t vp = values_of(p);
    const Message m = net_.recv(p);
    transcript_.as_b[p][2] = transcript_digest(m);
    m.expect_parts(1);
    const auto u = m.field61(0, cols * vp);
    const auto t = prf_values(cope_b_[p], vp);
    mac_[p].assign(vp, {});
    for (std::size_t c = 0; c < cols; ++c) {
      const bool bit = (alpha_[c / kMascotBits].value() >> (c % kMascotBits)) & 1;
      const Fp61 w = Fp61::from_u64(std::uint64_t{1} << (c % kMascotBits));
      for (std::size_t j = 0; j < vp; ++j)
        mac_[p][j][c / kMascotBits] += w * (bit ? t[c * vp + j] + u[c * vp + j] : t[c * vp + j]);
    }
  }
}

// [[v]] of triple slot j (1 .. 5T): my value share and the sum of everyone's MACs on theirs.
Opened MascotParty::share_of(std::size_t j) const {
  Opened s{x_[j], {}};
  for (PartyId p = 0; p < n_; ++p)
    for (std::size_t l = 0; l < k_; ++l) s.mac[l] += mac_[p][j][l];
  return s;
}

// Everyone sends its value shares; the sums, logged with my MAC shares for the MACCheck.
std::vector<Fp61> MascotParty::open_values(std::string_view label,
                                           const std::vector<Opened>& shares) {
  std::vector<Fp61> mine;
  for (const auto& s : shares) mine.push_back(s.value);
  send_to_all(net_, label, Message().add_field61(mine));
  std::vector<Fp61> sum = mine;
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(1);
    const auto got = m.field61(0, mine.size());
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += got[i];
  }
  for (std::size_t i = 0; i < sum.size(); ++i) log_.push_back({sum[i], shares[i].mac});
  return sum;
}

Opened lin(const Opened& a, Fp61 ca, const Opened& b, Fp61 cb) {
  Opened o{ca * a.value + cb * b.value, {}};
  for (std::size_t l = 0; l < kSpdzMaxMacKeys; ++l) o.mac[l] = ca * a.mac[l] + cb * b.mac[l];
  return o;
}

// Flows 8-10: Π_[[·]]'s check (y = x_0 + Σ r_j x_j from each owner) and Π_Triple's Sacrifice.
void MascotParty::check_and_sacrifice() {
  const auto coefficients = mascot_auth_check_coefficients(open_coin(kAuthCheck), needs_, n_);
  Rng s_stream = coin_stream(kSacrifice, open_coin(kSacrifice));
  PerParty<Opened> y(n_);  // [[y_o]]: only o holds a value share
  for (PartyId o = 0; o < n_; ++o) {
    const std::vector<Fp61>& coef = coefficients[o];
    for (std::size_t j = 0; j < coef.size(); ++j) {
      if (o == me_) y[o].value += coef[j] * x_[j];
      for (std::size_t l = 0; l < k_; ++l) y[o].mac[l] += coef[j] * mac_[o][j][l];
    }
  }
  send_to_all(net_, L::kMascotAuthCheck, Message().add_field61(std::vector<Fp61>{y[me_].value}));
  std::vector<Fp61> s(needs_.triples);
  std::vector<Opened> rho;
  const Fp61 one = Fp61::from_u64(1);
  for (std::size_t g = 0; g < needs_.triples; ++g) {
    s[g] = s_stream.uniform_fp61();
    rho.push_back(lin(share_of(1 + kPerTriple * g), s[g], share_of(4 + kPerTriple * g), -one));
  }
  for (PartyId o : other_parties(n_, me_)) {
    const Message m = net_.recv(o);
    m.expect_parts(1);
    y[o].value = m.field61(0, 1)[0];
  }
  // In party order: the MACCheck's coefficients go by position in the log.
  for (PartyId o = 0; o < n_; ++o) log_.push_back({y[o].value, y[o].mac});
  y_seen_.clear();
  for (PartyId o = 0; o < n_; ++o) y_seen_.push_back(y[o].value);
  const auto rho_open = open_values(L::kMascotSacrifice, rho);                  // flow 9
  std::vector<Opened> z;
  for (std::size_t g = 0; g < needs_.triples; ++g) {
    const std::size_t j = 1 + kPerTriple * g;
    Opened zg = lin(lin(share_of(j + 2), s[g], share_of(j + 4), -one), one, share_of(j + 1),
                    -rho_open[g]);
    z.push_back(zg);
  }
  const auto z_open = open_values(L::kMascotSacrificeZero, z);                  // flow 10
  // M68 (seeded bug): the sacrifice's verdict is ignored, so a wrong c goes through.
  for (std::size_t g = 0; g < z_open.size() && !mutant_active(Mutant::kM68); ++g)
    if (z_open[g] != Fp61())
      throw Abort("MASCOT sacrifice failed: triple " + std::to_string(g) + " is not a product");
}

// Flows 11-13: MACCheck of every y, ρ and z (commit to σ_i, open, Σ σ_i = 0 per key).
void MascotParty::mac_check() {
  Rng coeff = coin_stream(kMacCheck, open_coin(kMacCheck));
  std::vector<Fp61> sigma(k_);
  std::vector<Fp61> rs;
  for (std::size_t e = 0; e < log_.size(); ++e) rs.push_back(coeff.uniform_fp61());
  for (std::size_t l = 0; l < k_; ++l) {
    Fp61 a, gamma;
    for (std::size_t e = 0; e < log_.size(); ++e) a += rs[e] * log_[e].value, gamma += rs[e] * log_[e].mac[l];
    sigma[l] = gamma - alpha_[l] * a;
  }
  Bytes enc(8 * k_);
  for (std::size_t l = 0; l < k_; ++l) store_le64(&enc[8 * l], sigma[l].value());
  const auto [digest, opening] = commit({"spdz.mascot.maccheck", me_}, enc, rng_);
  // Flow 8 sent each y point to point, but MASCOT broadcasts it (§4, Π_[[·]] Input): otherwise an
  // owner can shift its u and its y toward one honest party only, every check that party runs
  // passes, and the honest parties output different values (mascot_mask_shift toward one party,
  // scenarios/mascot_attacks.h). Broadcast with abort by echo (Goldwasser–Lindell, eprint
  // 2002/040): with its σ commitment every party sends each peer the digest of the y values it
  // holds, the peer's own left out, and aborts unless what it gets is its own view's digest.
  // Any two honest parties so compare every other owner's y; a party's own y is its own affair
  // (honest, it sent one value to all).
  for (PartyId q : other_parties(n_, me_))
    net_.send(q, L::kMascotMacCheckCommit,
              Message().add_bytes(digest).add_bytes(mascot_y_digest(y_seen_, q)));
  const Digest ys = mascot_y_digest(y_seen_, me_);
  PerParty<Digest> theirs(n_);
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(2);
    const Bytes b = exact(m, 0, sizeof(Digest), p);
    std::memcpy(theirs[p].data(), b.data(), sizeof(Digest));
    // M104 (seeded bug): the echo is not compared, so the honest parties may hold different y.
    if (exact(m, 1, sizeof(Digest), p) != Bytes(ys.begin(), ys.end()) && !mutant_active(Mutant::kM104))
      throw Abort("MASCOT: party " + std::to_string(p) + " holds other Π_[[·]] check values y "
                  "than this party (flow 8 was not the same to everyone)");
  }
  send_to_all(net_, L::kMascotMacCheckOpen, Message().add_field61(sigma).add_bytes(opening.randomness));
  std::vector<Fp61> total = sigma;
  for (PartyId p : other_parties(n_, me_)) {
    const Message m = net_.recv(p);
    m.expect_parts(2);
    const auto sp = m.field61(0, k_);
    Opening o{Bytes(8 * k_), {}};
    for (std::size_t l = 0; l < k_; ++l) store_le64(&o.value[8 * l], sp[l].value());
    const Bytes rnd = exact(m, 1, 32, p);
    std::memcpy(o.randomness.data(), rnd.data(), 32);
    if (!verify_commitment({"spdz.mascot.maccheck", p}, theirs[p], o))
      throw Abort("MASCOT: party " + std::to_string(p) + " opened σ inconsistently with its "
                  "commitment", {p});
    for (std::size_t l = 0; l < k_; ++l) total[l] += sp[l];
  }
  for (std::size_t l = 0; l < k_; ++l)
    if (total[l] != Fp61())
      throw Abort("MASCOT MAC check failed (key " + std::to_string(l + 1) + "): an "
                  "authenticated value, a sacrificed triple or a COPE message was inconsistent");
}

SpdzPreprocessing MascotParty::assemble() const {
  SpdzPreprocessing out;
  for (std::size_t l = 0; l < k_; ++l) out.alpha[l] = alpha_[l];
  auto auth = [this](PartyId owner, std::size_t j) {
    AuthShare s;
    if (owner == me_) s.value = x_[j];
    for (std::size_t l = 0; l < k_; ++l) s.mac[l] = mac_[owner][j][l];
    return s;
  };
  for (std::size_t g = 0; g < needs_.triples; ++g) {
    SpdzTriple tr;
    for (int i = 0; i < 3; ++i) {
      const Opened o = share_of(1 + kPerTriple * g + static_cast<std::size_t>(i));
      AuthShare& dst = i == 0 ? tr.a : i == 1 ? tr.b : tr.c;
      dst.value = o.value;
      dst.mac = o.mac;
    }
    out.triples.push_back(tr);
  }
  PerParty<std::size_t> next(n_, 1 + kPerTriple * needs_.triples);
  for (PartyId o : needs_.input_owner) {
    out.input_mask.push_back(auth(o, next[o]));
    out.input_mask_clear.push_back(o == me_ ? x_[next[o]] : Fp61());
    ++next[o];
  }
  // An output mask r_a is an input of its receiver R_a to Π_[[·]] (MASCOT §4, "Input"), like
  // an input mask: only R_a knows r_a; a group of m receivers has m of them per wire.
  for (const auto& r : needs_.output_receiver) {
    if (!r) {
      out.output_mask.push_back(std::nullopt);
      out.output_mask_clear.push_back(Fp61());
      continue;
    }
    out.output_mask.push_back(auth(*r, next[*r]));
    out.output_mask_clear.push_back(*r == me_ ? x_[next[*r]] : Fp61());
    ++next[*r];
  }
  return out;
}

SpdzPreprocessing MascotParty::run() {
  setup();
  multiply();
  combine();
  authenticate();
  check_and_sacrifice();
  mac_check();
  return assemble();
}

}  // namespace

std::size_t mascot_values_of(const MascotNeeds& needs, PartyId p) {
  std::size_t v = 1 + kPerTriple * needs.triples;
  for (PartyId o : needs.input_owner) v += o == p;
  for (const auto& r : needs.output_receiver) v += r == p;
  return v;
}

std::size_t mascot_input_mask_slot(const MascotNeeds& needs, std::size_t k) {
  return 1 + kPerTriple * needs.triples + k;
}

PerParty<std::vector<Fp61>> mascot_auth_check_coefficients(const std::array<std::uint8_t, 32>& coin,
                                                           const MascotNeeds& needs, int parties) {
  Rng r = coin_stream(kAuthCheck, coin);
  PerParty<std::vector<Fp61>> out(parties);
  for (PartyId o = 0; o < parties; ++o) {
    out[o].assign(mascot_values_of(needs, o), Fp61::from_u64(1));
    for (std::size_t j = 1; j < out[o].size(); ++j) out[o][j] = r.uniform_fp61();
  }
  return out;
}

Digest mascot_y_digest(const std::vector<Fp61>& y, PartyId recipient) {
  Bytes enc(8 * y.size());
  for (std::size_t o = 0; o < y.size(); ++o)
    if (static_cast<PartyId>(o) != recipient) store_le64(&enc[8 * o], y[o].value());
  Digest d{};
  Blake2b("spdz.mascot.y/v1", d.size()).add(enc).finish(d);
  return d;
}

MascotNeeds mascot_needs(const Circuit& c) {
  MascotNeeds needs;
  for (const auto& layer : layer_schedule(c)) needs.triples += layer.nonlinear.size();
  for (const auto& g : c.inputs)
    for (std::size_t w = 0; w < g.wires.size(); ++w) needs.input_owner.push_back(g.owner);
  for (const auto& o : spdz_output_openings(c, SpdzOutputMasks::kPerReceiver))
    needs.output_receiver.push_back(o.mask_holders.empty()
                                        ? std::nullopt
                                        : std::optional<PartyId>(o.mask_holders[0]));
  return needs;
}

SpdzPreprocessing mascot_preprocess(Channel& net, Rng& rng, int mac_keys, const MascotNeeds& needs,
                                    MascotTranscript* transcript) {
  SMPC_ASSERT(mac_keys >= 1 && mac_keys <= kSpdzMaxMacKeys);
  MascotParty party(net, rng, mac_keys, needs);
  SpdzPreprocessing out = party.run();
  if (transcript) *transcript = party.transcript();
  return out;
}

}  // namespace smpc
