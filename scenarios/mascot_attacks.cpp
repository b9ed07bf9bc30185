#include "scenarios/mascot_attacks.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adversary/elements.h"
#include "adversary/strategies.h"
#include "protocols/spdz/labels.h"
#include "protocols/spdz/mascot.h"

namespace smpc {
namespace {

namespace L = labels::spdz;
using Seed = std::array<std::uint8_t, 32>;

// The 32-byte coin seed at the front of a spdz.mascot.coin.open message (mascot.cpp).
Seed opened_seed(const Message& m) {
  const Bytes b = m.bytes(0);
  if (b.size() < 32) throw ProgramError("cpp:mascot_mask_shift: short coin opening");
  Seed s{};
  std::copy(b.begin(), b.begin() + 32, s.begin());
  return s;
}

class MaskShift final : public AdversaryProgram {
 public:
  MaskShift(MascotNeeds needs, int mac_keys, std::size_t input, std::uint64_t delta,
            std::optional<PartyId> toward, PartyId me, int parties)
      : needs_(std::move(needs)), mac_keys_(mac_keys), delta_(delta), toward_(toward), me_(me),
        n_(parties), slot_(mascot_input_mask_slot(needs_, input)) {}

  void on_send(Outgoing& out, ProgramHost& host) override {
    if (out.label == L::kMascotCoinOpen) {
      const Seed s = opened_seed(out.message);  // sent to every peer alike: keep each once
      if (own_openings_.empty() || own_openings_.back() != s) own_openings_.push_back(s);
      return;
    }
    if (toward_ && out.to != *toward_) return;
    if (out.label == L::kMascotCope) {
      const std::size_t v = mascot_values_of(needs_, me_);
      for (std::size_t c = 0; c < kMascotBits * static_cast<std::size_t>(mac_keys_); ++c)
        add_to_elements(out.message, {c * v + slot_, 1}, delta_);
    } else if (out.label == L::kMascotAuthCheck) {
      const Fp61 shift = coefficient(host) * Fp61::from_u64(delta_);
      add_to_elements(out.message, {0, 1}, shift.value());
      sent_y_[out.to] = out.message.field61(0, 1)[0];
    } else if (out.label == L::kMascotMacCheckCommit) {
      echo_as_sent(out, host);
    } else if (out.label == L::kOutput) {
      add_to_elements(out.message, {0, 1}, delta_);
    }
  }

 private:
  // Flow 11's echo (mascot.cpp): the digest of the y values as the recipient holds them — the
  // peers' as they sent them (the same to all when honest), mine as I sent it to this
  // recipient, the recipient's left out — so that my own echo does not betray the shift.
  void echo_as_sent(Outgoing& out, ProgramHost& host) {
    std::vector<Fp61> y(static_cast<std::size_t>(n_));
    for (const ViewEntry& e : host.joint_view()) {
      if (e.to != me_ || e.label != L::kMascotAuthCheck) continue;
      auto m = Message::decode(e.wire);
      if (!m.ok()) throw ProgramError("cpp:mascot_mask_shift: undecodable y");
      y[static_cast<std::size_t>(e.from)] = m->field61(0, 1)[0];
    }
    const auto mine = sent_y_.find(out.to);
    if (mine == sent_y_.end()) throw ProgramError("cpp:mascot_mask_shift: y not sent yet");
    y[static_cast<std::size_t>(me_)] = mine->second;
    const Digest d = mascot_y_digest(y, out.to);
    out.message = Message().add_bytes(out.message.bytes(0)).add_bytes(d);
  }

  // r_j of my input mask's slot: the authentication-check coin is the second coin everyone
  // opens, so XOR my second opening with every peer's second spdz.mascot.coin.open.
  Fp61 coefficient(ProgramHost& host) {
    if (coefficient_) return *coefficient_;
    if (own_openings_.size() < 2) throw ProgramError("cpp:mascot_mask_shift: coin not open yet");
    Seed seed = own_openings_[1];
    std::map<PartyId, int> seen;
    for (const ViewEntry& e : host.joint_view()) {
      if (e.to != me_ || e.label != L::kMascotCoinOpen || seen[e.from]++ != 1) continue;
      auto m = Message::decode(e.wire);
      if (!m.ok()) throw ProgramError("cpp:mascot_mask_shift: undecodable coin opening");
      const Seed s = opened_seed(*m);
      for (std::size_t i = 0; i < seed.size(); ++i) seed[i] ^= s[i];
    }
    coefficient_ = mascot_auth_check_coefficients(seed, needs_, n_)[me_][slot_];
    return *coefficient_;
  }

  MascotNeeds needs_;
  int mac_keys_;
  std::uint64_t delta_;
  std::optional<PartyId> toward_;
  PartyId me_;
  int n_;
  std::size_t slot_;
  std::vector<Seed> own_openings_;
  std::map<PartyId, Fp61> sent_y_;  // my y of flow 8 as each recipient got it
  std::optional<Fp61> coefficient_;
};

class MaskShiftFactory final : public ProgramFactory {
 public:
  MaskShiftFactory(MascotNeeds needs, int mac_keys, std::size_t input, std::uint64_t delta,
                   std::optional<PartyId> toward)
      : needs_(std::move(needs)), mac_keys_(mac_keys), input_(input), delta_(delta),
        toward_(toward) {}
  std::string name() const override { return "cpp:mascot_mask_shift"; }
  std::unique_ptr<AdversaryProgram> make(const ProgramSetup& setup) const override {
    return std::make_unique<MaskShift>(needs_, mac_keys_, input_, delta_, toward_, setup.party,
                                       setup.parties);
  }

 private:
  MascotNeeds needs_;
  int mac_keys_;
  std::size_t input_;
  std::uint64_t delta_;
  std::optional<PartyId> toward_;
};

}  // namespace

std::shared_ptr<const ProgramFactory> mascot_mask_shift_program(
    const Circuit& c, int mac_keys, std::size_t input, std::uint64_t delta,
    std::optional<PartyId> toward) {
  return std::make_shared<MaskShiftFactory>(mascot_needs(c), mac_keys, input, delta, toward);
}

}  // namespace smpc
