// Private to verify/: multivariate polynomials over F_p, p = 2^61 - 1, for exact reasoning
// about kField61 circuits where bit-blasting fails (Z3 4.8 cannot even solve c*x = y mod p by
// bit-blasting within minutes: the 122-bit product and its reduction are too big for SAT).
//
// A polynomial is a map monomial -> non-zero coefficient; a monomial is a sorted list of
// (variable, exponent). Over F_p a polynomial whose exponents are all below p - 1 is the unique
// representative of its function (x^p = x is the only identity), so two circuits whose
// outputs have the same normal form compute the same function, and an output whose normal form
// has degree <= 1 is affine in the variables. Products stop with `ok = false` past a term
// budget (or an exponent near p), and callers then fall back to Z3.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/field.h"

namespace smpc::fpoly {

using Monomial = std::vector<std::pair<std::uint32_t, std::uint64_t>>;  // (var, exponent)
using Poly = std::map<Monomial, std::uint64_t>;

inline void add_term(Poly& p, const Monomial& m, Fp61 c) {
  if (c == Fp61()) return;
  auto [it, fresh] = p.emplace(m, c.value());
  if (fresh) return;
  const Fp61 s = Fp61::from_u64(it->second) + c;
  if (s == Fp61()) p.erase(it); else it->second = s.value();
}

inline Poly constant(std::uint64_t v) {
  Poly p;
  add_term(p, {}, Fp61::from_u64(v));
  return p;
}
inline Poly variable(std::uint32_t var) { return Poly{{Monomial{{var, 1}}, 1}}; }

inline Poly add(const Poly& a, const Poly& b, bool subtract = false) {
  Poly r = a;
  for (const auto& [m, c] : b) add_term(r, m, subtract ? -Fp61::from_u64(c) : Fp61::from_u64(c));
  return r;
}

inline Monomial times(const Monomial& a, const Monomial& b) {
  Monomial r;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) r.push_back(a[i++]);
    else if (i == a.size() || b[j].first < a[i].first) r.push_back(b[j++]);
    else { r.emplace_back(a[i].first, a[i].second + b[j].second); ++i; ++j; }
  }
  return r;
}

// nullopt when the product has more than max_terms terms or an exponent that could reach p-1.
inline std::optional<Poly> mul(const Poly& a, const Poly& b, std::size_t max_terms) {
  if (a.size() * b.size() > max_terms * 4) return std::nullopt;
  Poly r;
  for (const auto& [ma, ca] : a)
    for (const auto& [mb, cb] : b) {
      Monomial m = times(ma, mb);
      for (const auto& [v, e] : m)
        if (e >= (std::uint64_t{1} << 40)) return std::nullopt;
      add_term(r, m, Fp61::from_u64(ca) * Fp61::from_u64(cb));
      if (r.size() > max_terms) return std::nullopt;
    }
  return r;
}

inline std::size_t degree(const Poly& p) {
  std::size_t d = 0;
  for (const auto& [m, c] : p) {
    std::uint64_t s = 0;
    for (const auto& [v, e] : m) s += e;
    d = std::max<std::size_t>(d, s);
  }
  return d;
}

// The output polynomials of a kField61 circuit. `inputs` gives one polynomial per input wire
// (group order), typically a constant or a variable. nullopt past the budget or for a circuit
// with bad wires (the callers have already encoded it, which checks them).
inline std::optional<std::vector<Poly>> outputs(const Circuit& c, const std::vector<Poly>& inputs,
                                                std::size_t max_terms = 20000) {
  std::vector<std::optional<Poly>> w(c.num_wires);
  std::size_t k = 0;
  for (const auto& g : c.inputs)
    for (std::uint32_t x : g.wires) {
      if (x >= c.num_wires || k >= inputs.size()) return std::nullopt;
      w[x] = inputs[k++];
    }
  for (const Gate& g : c.gates) {
    const int arity = gate_arity(g.type);
    if (g.out >= c.num_wires || (arity >= 1 && (g.in0 >= c.num_wires || !w[g.in0])) ||
        (arity == 2 && (g.in1 >= c.num_wires || !w[g.in1])))
      return std::nullopt;
    switch (g.type) {
      case GateType::kAdd: w[g.out] = add(*w[g.in0], *w[g.in1]); break;
      case GateType::kSub: w[g.out] = add(*w[g.in0], *w[g.in1], true); break;
      case GateType::kMul: {
        auto m = mul(*w[g.in0], *w[g.in1], max_terms);
        if (!m) return std::nullopt;
        w[g.out] = std::move(*m);
        break;
      }
      case GateType::kMulConst: {
        auto m = mul(*w[g.in0], constant(g.constant), max_terms);
        if (!m) return std::nullopt;
        w[g.out] = std::move(*m);
        break;
      }
      case GateType::kEq: w[g.out] = constant(g.constant); break;
      case GateType::kEqw: w[g.out] = *w[g.in0]; break;
      default: return std::nullopt;  // Boolean gates: not a field circuit
    }
  }
  std::vector<Poly> out;
  for (const auto& g : c.outputs)
    for (std::uint32_t x : g.wires) {
      if (x >= c.num_wires || !w[x]) return std::nullopt;
      out.push_back(*w[x]);
    }
  return out;
}

}  // namespace smpc::fpoly
