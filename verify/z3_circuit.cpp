#include "verify/z3_circuit.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <sstream>

#include "protocols/core/circuit_eval.h"
#include "protocols/core/enum_names.h"
#include "protocols/core/field.h"
#include "protocols/core/rng.h"
#include "verify/field_poly.h"
#include "verify/z3_deadline.h"
#include "verify/z3_encode.h"

namespace smpc {
namespace z3enc {

namespace {

z3::expr u64(z3::context& ctx, std::uint64_t v) { return ctx.bv_val(static_cast<std::uint64_t>(v), 64); }

// a + b (or a - b) for canonical operands: the sum is below 2^62, so one conditional
// subtraction of p makes it canonical again (Fp61::reduce_once).
z3::expr reduce_once(z3::context& ctx, const z3::expr& s) {
  const z3::expr p = u64(ctx, Fp61::kModulus);
  return z3::ite(z3::uge(s, p), s - p, s);
}

// Exact a * b mod p for canonical a, b: the 122-bit product is hi * 2^61 + lo, and
// 2^61 = 1 (mod p), so it is congruent to lo + hi < 2p (as in Fp61::operator*).
z3::expr mul_mod_p(z3::context& ctx, const z3::expr& a, const z3::expr& b) {
  const z3::expr prod = z3::zext(a, 64) * z3::zext(b, 64);
  const z3::expr lo = z3::zext(prod.extract(60, 0), 3);
  const z3::expr hi = z3::zext(prod.extract(121, 61), 3);
  return reduce_once(ctx, lo + hi);
}

unsigned timeout_ms(double timeout_s) {
  const double ms = std::clamp(timeout_s * 1000.0, 1.0, 4.0e9);
  return static_cast<unsigned>(ms);
}

}  // namespace

z3::expr constant(z3::context& ctx, CircuitDomain d, std::uint64_t v) {
  if (d == CircuitDomain::kBoolean) return ctx.bool_val(v != 0);
  return u64(ctx, v);
}

z3::expr variable(z3::context& ctx, CircuitDomain d, const std::string& name) {
  if (d == CircuitDomain::kBoolean) return ctx.bool_const(name.c_str());
  return ctx.bv_const(name.c_str(), 64);
}

z3::expr well_formed(z3::context& ctx, CircuitDomain d, const z3::expr& x) {
  if (d == CircuitDomain::kField61) return z3::ult(x, u64(ctx, Fp61::kModulus));
  return ctx.bool_val(true);
}

std::uint64_t model_value(const z3::model& m, const z3::expr& e, CircuitDomain d) {
  const z3::expr v = m.eval(e, true);
  if (d == CircuitDomain::kBoolean) return v.is_true() ? 1 : 0;
  std::uint64_t out = 0;
  if (!v.is_numeral_u64(out)) return 0;
  return out;
}

Result<std::vector<z3::expr>> encode_outputs(z3::context& ctx, const Circuit& c,
                                             const std::vector<z3::expr>& inputs) {
  std::vector<std::optional<z3::expr>> w(c.num_wires);
  std::size_t k = 0;
  for (const auto& g : c.inputs)
    for (std::uint32_t x : g.wires) {
      if (x >= c.num_wires)
        return Error("input group '" + g.name + "': wire " + std::to_string(x) + " is out of range");
      if (k >= inputs.size()) return Error("internal: too few input expressions");
      w[x] = inputs[k++];
    }
  const CircuitDomain d = c.domain;
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& g = c.gates[i];
    const int arity = gate_arity(g.type);
    const auto bad = [&](const std::string& why) {
      return Error("gate " + std::to_string(i) + " (" + gate_name(g.type) + "): " + why);
    };
    if (!gate_allowed(g.type, d))
      return bad(std::string("not allowed in a ") + domain_name(d) + " circuit");
    if (g.out >= c.num_wires || (arity >= 1 && g.in0 >= c.num_wires) ||
        (arity == 2 && g.in1 >= c.num_wires))
      return bad("wire out of range");
    if ((arity >= 1 && !w[g.in0]) || (arity == 2 && !w[g.in1]))
      return bad("reads a wire before it is written");
    const z3::expr a = arity >= 1 ? *w[g.in0] : ctx.bool_val(false);
    const z3::expr b = arity == 2 ? *w[g.in1] : ctx.bool_val(false);
    const bool field = d == CircuitDomain::kField61;
    switch (g.type) {
      // Not a ^ b: Z3_mk_xor (Z3 4.8.12, Debian 12) simplifies its arguments recursively, without
      // memoising shared subterms, so SHA-256's 135,000 gates took longer than any --timeout
      // before the first check started; a != b is the same Boolean function, built in 0.6 s.
      case GateType::kXor: w[g.out] = a != b; break;
      case GateType::kAnd: w[g.out] = a && b; break;
      case GateType::kInv: w[g.out] = !a; break;
      case GateType::kEq: w[g.out] = constant(ctx, d, g.constant); break;
      case GateType::kEqw: w[g.out] = a; break;
      case GateType::kAdd: w[g.out] = field ? reduce_once(ctx, a + b) : a + b; break;
      case GateType::kSub:
        w[g.out] = field ? reduce_once(ctx, a + u64(ctx, Fp61::kModulus) - b) : a - b;
        break;
      case GateType::kMul: w[g.out] = field ? mul_mod_p(ctx, a, b) : a * b; break;
      case GateType::kMulConst: {
        const z3::expr k2 = u64(ctx, field ? Fp61::from_u64(g.constant).value() : g.constant);
        w[g.out] = field ? mul_mod_p(ctx, a, k2) : a * k2;
        break;
      }
    }
  }
  std::vector<z3::expr> out;
  for (const auto& g : c.outputs)
    for (std::uint32_t x : g.wires) {
      if (x >= c.num_wires || !w[x])
        return Error("output group '" + g.name + "': wire " + std::to_string(x) +
                     " is out of range or never written");
      out.push_back(*w[x]);
    }
  return out;
}

z3::solver bitblast_solver(z3::context& ctx, double timeout_s) {
  z3::solver s = z3::tactic(ctx, "qfbv").mk_solver();
  z3::params p(ctx);
  p.set("timeout", timeout_ms(timeout_s));
  s.set(p);
  return s;
}

z3::solver incremental_solver(z3::context& ctx, double timeout_s) {
  z3::solver s(ctx);
  z3::params p(ctx);
  p.set("timeout", timeout_ms(timeout_s));
  s.set(p);
  return s;
}

}  // namespace z3enc

namespace {

using SteadyClock = std::chrono::steady_clock;
double since(SteadyClock::time_point t0) {
  return std::chrono::duration<double>(SteadyClock::now() - t0).count();
}

std::string widths_text(const std::vector<std::size_t>& w) {
  std::string s = "[";
  for (std::size_t i = 0; i < w.size(); ++i) s += (i ? ", " : "") + std::to_string(w[i]);
  return s + "]";
}

template <typename G>
std::vector<std::size_t> widths(const std::vector<G>& groups) {
  std::vector<std::size_t> w;
  for (const auto& g : groups) w.push_back(g.wires.size());
  return w;
}

// Fills `r` with the counterexample when the circuits really differ on `groups`.
bool confirm_difference(const Circuit& a, const Circuit& b,
                        const std::vector<std::vector<std::uint64_t>>& groups,
                        EquivalenceResult& r) {
  auto oa = evaluate(a, groups);
  auto ob = evaluate(b, groups);
  if (!oa.ok() || !ob.ok() || oa->size() != ob->size()) return false;
  for (std::size_t k = 0; k < oa->size(); ++k)
    if ((*oa)[k] != (*ob)[k]) {
      r.kind = EquivalenceResult::Kind::kDifferent;
      r.counterexample = groups;
      r.outputs_a = *oa;
      r.outputs_b = *ob;
      r.differing_output = k;
      return true;
    }
  return false;
}

// Seeded random inputs on both circuits; true when a confirmed difference was found.
bool random_simulation(const Circuit& a, const Circuit& b, const EquivalenceOptions& o,
                       EquivalenceResult& r) {
  Rng rng(o.seed, 0, "verify/equiv");
  for (std::size_t round = 0; round < o.random_rounds; ++round) {
    std::vector<std::vector<std::uint64_t>> in;
    for (const auto& g : a.inputs) {
      std::vector<std::uint64_t> v(g.wires.size());
      for (auto& x : v)
        x = a.domain == CircuitDomain::kField61 ? rng.uniform_fp61().value() : rng.next_u64();
      in.push_back(std::move(v));
    }
    if (a.domain == CircuitDomain::kBoolean) {
      // 64 evaluations at once; then re-run the differing lane through evaluate().
      auto pa = evaluate_packed(a, in);
      auto pb = evaluate_packed(b, in);
      if (!pa.ok() || !pb.ok()) return false;
      std::uint64_t diff = 0;
      for (std::size_t k = 0; k < pa->size(); ++k) diff |= (*pa)[k] ^ (*pb)[k];
      if (diff == 0) continue;
      const int lane = __builtin_ctzll(diff);
      std::vector<std::vector<std::uint64_t>> one = in;
      for (auto& g : one)
        for (auto& x : g) x = (x >> lane) & 1;
      if (confirm_difference(a, b, one, r)) return true;
    } else if (confirm_difference(a, b, in, r)) {
      return true;
    }
  }
  return false;
}

}  // namespace

constexpr const char* kEquivalenceKindNames[] = {"equivalent", "different", "unknown"};
const char* equivalence_kind_name(EquivalenceResult::Kind k) {
  return enum_name(kEquivalenceKindNames, k);
}

std::string z3_version_string() {
  unsigned major = 0, minor = 0, build = 0, rev = 0;
  Z3_get_version(&major, &minor, &build, &rev);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(build);
}

namespace {

Status check_shapes(const Circuit& a, const Circuit& b, const EquivalenceOptions& o) {
  const std::string& na = o.name_a;
  const std::string& nb = o.name_b;
  if (a.domain != b.domain)
    return Error("cannot compare circuits of different domains: " + na + " is " +
                 domain_name(a.domain) + ", " + nb + " is " + domain_name(b.domain));
  if (widths(a.inputs) != widths(b.inputs))
    return Error("input shapes differ: " + na + " has input groups of widths " +
                 widths_text(widths(a.inputs)) + ", " + nb + " has " + widths_text(widths(b.inputs)));
  if (widths(a.outputs) != widths(b.outputs))
    return Error("output shapes differ: " + na + " has output groups of widths " +
                 widths_text(widths(a.outputs)) + ", " + nb + " has " +
                 widths_text(widths(b.outputs)));
  return OkStatus();
}

// One Z3 variable per input wire, shared by both circuits' encodings.
std::vector<z3::expr> input_variables(z3::context& ctx, const Circuit& c) {
  std::vector<z3::expr> vars;
  for (std::size_t g = 0; g < c.inputs.size(); ++g)
    for (std::size_t i = 0; i < c.inputs[g].wires.size(); ++i)
      vars.push_back(z3enc::variable(ctx, c.domain,
                                     "in" + std::to_string(g) + "_" + std::to_string(i)));
  return vars;
}

// Field circuits: Z3 cannot bit-blast mod-p products in useful time, but the outputs'
// polynomial normal forms decide equivalence exactly (field_poly.h). When the forms differ,
// random inputs find a difference with probability >= 1 - degree/p each. True when this
// settled the question (`r` says how).
bool decide_by_normal_forms(const Circuit& a, const Circuit& b, const EquivalenceOptions& o,
                            std::size_t variables, EquivalenceResult& r) {
  if (a.domain != CircuitDomain::kField61) return false;
  std::vector<fpoly::Poly> pv;
  for (std::uint32_t v = 0; v < variables; ++v) pv.push_back(fpoly::variable(v));
  auto pa = fpoly::outputs(a, pv);
  auto pb = fpoly::outputs(b, pv);
  if (!pa || !pb) return false;
  if (*pa == *pb) {
    r.kind = EquivalenceResult::Kind::kEquivalent;
    r.outputs_proved = r.outputs_total;
    r.method = "polynomial normal form over F_p";
    return true;
  }
  EquivalenceOptions more = o;
  more.random_rounds = 64;
  more.seed = o.seed + 1;
  if (!random_simulation(a, b, more, r)) return false;
  r.method = "random simulation (the polynomial normal forms differ)";
  return true;
}

// Both circuits' outputs as Z3 expressions over the same input variables.
struct Z3Outputs {
  z3::context& ctx;
  const Circuit& a;
  const Circuit& b;
  const std::vector<z3::expr>& vars;
  const std::vector<z3::expr>& ea;
  const std::vector<z3::expr>& eb;
  z3::expr_vector domain;  // each input variable holds a value of the circuits' domain
};

enum class OutputCheck { kProved, kDifferent, kOpen };

// Output k under a time limit: proved equal, a confirmed counterexample (in `r`), or still open
// (`why` says why, keeping the first solver reason but the latest encoding doubt).
OutputCheck check_output(const Z3Outputs& z, std::size_t k, double limit, EquivalenceResult& r,
                         std::string& why) {
  z3::solver s = z3enc::bitblast_solver(z.ctx, limit);
  for (unsigned i = 0; i < z.domain.size(); ++i) s.add(z.domain[static_cast<int>(i)]);
  s.add(z.ea[k] != z.eb[k]);
  const z3::check_result cr = s.check();
  if (cr == z3::unsat) return OutputCheck::kProved;
  if (cr == z3::sat) {
    const z3::model m = s.get_model();
    std::vector<std::uint64_t> flat;
    for (const auto& v : z.vars) flat.push_back(z3enc::model_value(m, v, z.a.domain));
    if (confirm_difference(z.a, z.b, split_input_groups(z.a, flat), r)) return OutputCheck::kDifferent;
    // A model that does not re-check would be our encoding's bug: never report it.
    why = "Z3 model for output " + std::to_string(k) + " did not re-check by evaluation";
    return OutputCheck::kOpen;
  }
  if (why.empty()) why = "Z3: " + s.reason_unknown();
  return OutputCheck::kOpen;
}

// Output by output: each query only involves that output's cone of influence. Every output
// first gets an equal share of the budget (cheap ones finish early and leave time over), and
// the ones still open then share what is left. True on a confirmed difference; otherwise
// `open` keeps the outputs not proved.
bool prove_outputs(const Z3Outputs& z, const EquivalenceOptions& o, SteadyClock::time_point t0,
                   std::vector<std::size_t>& open, EquivalenceResult& r, std::string& why) {
  for (int pass = 0; pass < 2 && !open.empty(); ++pass) {
    std::vector<std::size_t> still_open;
    for (std::size_t idx = 0; idx < open.size(); ++idx) {
      const std::size_t k = open[idx];
      const double left = o.timeout_s - since(t0);
      if (left <= 0.001) {
        still_open.insert(still_open.end(), open.begin() + static_cast<std::ptrdiff_t>(idx),
                          open.end());
        why = "time budget used up";
        break;
      }
      const double share =
          pass == 0 ? std::max(0.01, o.timeout_s / static_cast<double>(open.size()))
                    : left / static_cast<double>(open.size() - idx);
      const OutputCheck c = check_output(z, k, std::min(left, share), r, why);
      if (c == OutputCheck::kDifferent) return true;
      if (c == OutputCheck::kProved) ++r.outputs_proved;
      else still_open.push_back(k);
    }
    open = std::move(still_open);
  }
  return false;
}

}  // namespace

static Result<EquivalenceResult> check_equivalence_impl(const Circuit& a, const Circuit& b,
                                            const EquivalenceOptions& o) {
  const auto t0 = SteadyClock::now();
  SMPC_RETURN_IF_ERROR(check_shapes(a, b, o));
  EquivalenceResult r;
  r.outputs_total = a.output_count();

  z3::context ctx;
  const std::vector<z3::expr> vars = input_variables(ctx, a);
  auto ea = z3enc::encode_outputs(ctx, a, vars);
  if (!ea.ok()) return ea.status().with_prefix(o.name_a + ": ");
  auto eb = z3enc::encode_outputs(ctx, b, vars);
  if (!eb.ok()) return eb.status().with_prefix(o.name_b + ": ");

  if (random_simulation(a, b, o, r)) {
    r.method = "random simulation";
    r.seconds = since(t0);
    return r;
  }
  if (decide_by_normal_forms(a, b, o, vars.size(), r)) {
    r.seconds = since(t0);
    return r;
  }
  std::vector<std::size_t> open;
  for (std::size_t k = 0; k < r.outputs_total; ++k) {
    if (z3::eq((*ea)[k], (*eb)[k])) {
      ++r.outputs_proved;  // the same expression after Z3's hash-consing
      continue;
    }
    open.push_back(k);
  }
  Z3Outputs z{ctx, a, b, vars, *ea, *eb, z3::expr_vector(ctx)};
  for (const auto& v : vars) z.domain.push_back(z3enc::well_formed(ctx, a.domain, v));
  std::string why;
  bool different = false;
  {
    const z3enc::Z3Deadline deadline(
        ctx, t0 + std::chrono::duration_cast<SteadyClock::duration>(
                      std::chrono::duration<double>(o.timeout_s)));
    different = prove_outputs(z, o, t0, open, r, why);
  }
  r.seconds = since(t0);
  r.method = "z3";
  if (different) return r;
  if (open.empty()) {
    r.kind = EquivalenceResult::Kind::kEquivalent;
    return r;
  }
  r.kind = EquivalenceResult::Kind::kUnknown;
  std::ostringstream d;
  d << r.outputs_proved << " of " << r.outputs_total << " outputs proved equal; "
    << open.size() << " open (first: output " << open.front() << ") after "
    << r.seconds << " s (" << why << ")";
  r.detail = d.str();
  return r;
}

Result<EquivalenceResult> check_equivalence(const Circuit& a, const Circuit& b,
                                            const EquivalenceOptions& o) {
  return z3enc::z3_errors_as_status<EquivalenceResult>(
      [&] { return check_equivalence_impl(a, b, o); });
}

}  // namespace smpc
