#include "protocols/frost/ideal.h"

#include <string>

namespace smpc::frost {
namespace {

struct Constants {
  Circuit c;
  std::uint32_t put(std::uint64_t v) {
    c.gates.push_back({GateType::kEq, 0, 0, c.num_wires, v});
    return c.num_wires++;
  }
  std::vector<std::uint32_t> zeros(std::size_t n) {
    std::vector<std::uint32_t> w;
    for (std::size_t i = 0; i < n; ++i) w.push_back(put(0));
    return w;
  }
};

// Reads the constants back in order; nullopt past the end or on a non-constant gate.
struct Reader {
  const Circuit& c;
  std::size_t at = 0;
  std::optional<std::uint64_t> next() {
    if (at >= c.gates.size() || c.gates[at].type != GateType::kEq) return std::nullopt;
    return c.gates[at++].constant;
  }
};

std::optional<Bytes> read_message(Reader& r) {
  const auto len = r.next();
  if (!len || *len > kMaxMessageBytes) return std::nullopt;
  Bytes m;
  for (std::uint64_t i = 0; i < (*len + 7) / 8; ++i) {
    const auto w = r.next();
    if (!w) return std::nullopt;
    for (std::uint64_t b = 0; b < 8 && m.size() < *len; ++b)
      m.push_back(static_cast<std::uint8_t>(*w >> (8 * b)));
  }
  return m;
}

}  // namespace

Circuit signing_circuit(const SigningShape& s) {
  Constants k;
  k.c.domain = CircuitDomain::kRing64;
  k.put(s.signers.size());
  for (std::uint64_t id : s.signers) k.put(id);
  k.put(s.messages.size());
  for (const Bytes& m : s.messages) {
    k.put(m.size());
    for (std::size_t i = 0; i < m.size(); i += 8) {
      std::uint64_t w = 0;
      for (std::size_t b = 0; b < 8 && i + b < m.size(); ++b)
        w |= std::uint64_t{m[i + b]} << (8 * b);
      k.put(w);
    }
  }
  k.c.outputs.push_back({"group_public_key", {}, k.zeros(kKeyWords)});
  for (std::size_t j = 0; j < s.messages.size(); ++j)
    k.c.outputs.push_back({"signature_" + std::to_string(j), {0}, k.zeros(kSignatureWords)});
  return k.c;
}

std::optional<SigningShape> signing_shape(const Circuit& c) {
  if (c.domain != CircuitDomain::kRing64 || !c.inputs.empty()) return std::nullopt;
  Reader r{c};
  SigningShape s;
  const auto k = r.next();
  if (!k || *k == 0 || *k > c.gates.size()) return std::nullopt;
  for (std::uint64_t i = 0; i < *k; ++i) {
    const auto id = r.next();
    if (!id || *id == 0 || (!s.signers.empty() && s.signers.back() >= *id)) return std::nullopt;
    s.signers.push_back(*id);
  }
  const auto count = r.next();
  if (!count || *count == 0 || *count > c.gates.size()) return std::nullopt;
  std::size_t total = 0;
  for (std::uint64_t j = 0; j < *count; ++j) {
    auto m = read_message(r);
    if (!m || (total += m->size()) > kMaxMessageBytes) return std::nullopt;
    s.messages.push_back(std::move(*m));
  }
  // The rest must be exactly the placeholders of this shape.
  if (!(signing_circuit(s) == c)) return std::nullopt;
  return s;
}

}  // namespace smpc::frost
