#include "verify/ideal_world.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "protocols/core/field.h"
#include "protocols/core/fp_linear_algebra.h"
#include "verify/field_poly.h"
#include "verify/oracle.h"
#include "verify/z3_deadline.h"
#include "verify/z3_encode.h"

namespace smpc {
namespace {

using SteadyClock = std::chrono::steady_clock;
using Kind = IdealWorldAnswer::Kind;

// One free variable per value of a corrupted party that feeds an input wire.
struct Var {
  PartyId party;
  std::size_t index;  // into that party's PartyInput::values
  std::uint64_t lo = 0, hi = UINT64_MAX;  // field circuits: the value's range
};

struct Problem {
  const IdealWorldQuery& q;
  const Circuit& c;
  std::vector<Var> vars;
  std::vector<long> wire_var;  // per input wire (group order): var index, or -1 for a constant
  std::vector<std::uint64_t> wire_value;  // the true value of each input wire
  std::vector<std::pair<std::size_t, std::uint64_t>> constraints;  // (output index, value)
};

bool is_corrupted(const IdealWorldQuery& q, PartyId p) {
  return std::find(q.corrupted.begin(), q.corrupted.end(), p) != q.corrupted.end();
}

Result<Problem> prepare(const IdealWorldQuery& q) {
  Problem pr{q, *q.circuit, {}, {}, {}, {}};
  const Circuit& c = *q.circuit;
  const auto n = static_cast<PartyId>(q.inputs.size());
  for (PartyId p : q.corrupted)
    if (p < 0 || p >= n) return Error("corrupted party " + std::to_string(p) + " does not exist");
  std::map<std::pair<PartyId, std::size_t>, std::size_t> var_of;
  std::vector<std::size_t> next(q.inputs.size(), 0);
  for (const auto& g : c.inputs) {
    const auto p = static_cast<std::size_t>(g.owner);
    if (g.owner < 0 || p >= q.inputs.size() || next[p] + g.wires.size() > q.inputs[p].values.size())
      return Error("party " + std::to_string(g.owner) + " has too few input values for group '" +
                   g.name + "'");
    for (std::size_t i = 0; i < g.wires.size(); ++i) {
      const std::size_t idx = next[p] + i;
      pr.wire_value.push_back(q.inputs[p].values[idx]);
      if (is_corrupted(q, g.owner)) {
        var_of[{g.owner, idx}] = pr.vars.size();
        pr.wire_var.push_back(static_cast<long>(pr.vars.size()));
        pr.vars.push_back(Var{g.owner, idx});
      } else {
        pr.wire_var.push_back(-1);
      }
    }
    next[p] += g.wires.size();
  }
  if (q.outputs.size() > q.inputs.size())
    return Error("output constraints for " + std::to_string(q.outputs.size()) +
                 " parties, but there are " + std::to_string(q.inputs.size()));
  for (PartyId p = 0; p < static_cast<PartyId>(q.outputs.size()); ++p) {
    const auto& want = q.outputs[static_cast<std::size_t>(p)];
    if (!want) continue;
    std::vector<std::size_t> mine;
    std::size_t k = 0;
    for (const auto& g : c.outputs)
      for (std::size_t i = 0; i < g.wires.size(); ++i, ++k)
        if (g.delivered_to(p)) mine.push_back(k);
    if (want->size() != mine.size())
      return Error("party " + std::to_string(p) + " receives " + std::to_string(mine.size()) +
                   " outputs, the constraint gives " + std::to_string(want->size()));
    for (std::size_t i = 0; i < mine.size(); ++i) pr.constraints.emplace_back(mine[i], (*want)[i]);
  }
  for (std::size_t r = 0; r < q.ranges.size(); ++r) {
    const InputRange& ir = q.ranges[r];
    const std::string where = "range " + std::to_string(r) + ": ";
    if (!is_corrupted(q, ir.party))
      return Error(where + "party " + std::to_string(ir.party) + " is not corrupted");
    if (c.domain == CircuitDomain::kField61 && ir.count != 1)
      return Error(where + "a field circuit range covers one value (count = 1), got " +
                   std::to_string(ir.count));
    if (ir.count == 0 || ir.count > 64) return Error(where + "count must be 1..64");
    for (std::size_t i = ir.first; i < ir.first + ir.count; ++i)
      if (!var_of.count({ir.party, i}))
        return Error(where + "value " + std::to_string(i) + " of party " +
                     std::to_string(ir.party) + " is not an input of the circuit");
    if (c.domain == CircuitDomain::kField61) {
      Var& v = pr.vars[var_of.at({ir.party, ir.first})];
      v.lo = std::max(v.lo, ir.lo);
      v.hi = std::min(v.hi, ir.hi);
    }
  }
  return pr;
}

// Reads a range's integer from the candidate values (bits LSB first).
std::uint64_t range_value(const InputRange& r, const std::vector<PartyInput>& in, bool boolean) {
  const auto& v = in[static_cast<std::size_t>(r.party)].values;
  if (!boolean) return v[r.first];
  std::uint64_t x = 0;
  for (std::size_t i = 0; i < r.count; ++i) x |= (v[r.first + i] & 1) << i;
  return x;
}

// Substitutes `values` (one per var) and re-checks by plain evaluation: every constrained
// output and every range must hold.
bool recheck(const Problem& pr, const std::vector<std::uint64_t>& values, IdealWorldAnswer& a) {
  std::vector<PartyInput> in = pr.q.inputs;
  for (std::size_t j = 0; j < pr.vars.size(); ++j)
    in[static_cast<std::size_t>(pr.vars[j].party)].values[pr.vars[j].index] = values[j];
  for (const auto& r : pr.q.ranges) {
    const std::uint64_t x = range_value(r, in, pr.c.domain == CircuitDomain::kBoolean);
    if (x < r.lo || x > r.hi) return false;
  }
  auto expected = ideal_outputs(pr.c, in);
  if (!expected.ok()) return false;
  for (std::size_t p = 0; p < pr.q.outputs.size(); ++p)
    if (pr.q.outputs[p] && (*expected)[p] != *pr.q.outputs[p]) return false;
  a.substituted = std::move(in);
  return true;
}

// --- Field circuits: affine systems over F_p -------------------------------------------------

enum class Linear { kSolved, kInconsistent, kNonlinear, kGiveUp };

// With the vars in `fixed` set to constants, are the constraints affine in the others? Then
// solve by Gaussian elimination; free variables keep their true values (the smallest change).
Linear try_linear(const Problem& pr, const std::map<std::size_t, std::uint64_t>& fixed,
                  std::vector<std::uint64_t>& solution, bool& unique) {
  std::vector<fpoly::Poly> in;
  for (std::size_t w = 0; w < pr.wire_var.size(); ++w) {
    const long j = pr.wire_var[w];
    if (j < 0) in.push_back(fpoly::constant(pr.wire_value[w]));
    else if (fixed.count(static_cast<std::size_t>(j)))
      in.push_back(fpoly::constant(fixed.at(static_cast<std::size_t>(j))));
    else in.push_back(fpoly::variable(static_cast<std::uint32_t>(j)));
  }
  auto outs = fpoly::outputs(pr.c, in);
  if (!outs) return Linear::kGiveUp;
  const std::size_t n = pr.vars.size();
  // Augmented rows: n coefficients, then the right-hand side in column n.
  std::vector<std::vector<Fp61>> rows;
  rows.reserve(pr.constraints.size());
  for (const auto& [k, y] : pr.constraints) {
    const fpoly::Poly& p = (*outs)[k];
    if (fpoly::degree(p) > 1) return Linear::kNonlinear;
    std::vector<Fp61> row(n + 1);
    Fp61 b = Fp61::from_u64(y);
    for (const auto& [m, coef] : p) {
      if (m.empty()) b -= Fp61::from_u64(coef);
      else row[m[0].first] = Fp61::from_u64(coef);
    }
    row[n] = b;
    rows.push_back(std::move(row));
  }
  const std::vector<std::size_t> pivot_col = reduce_row_echelon(rows, n);
  for (std::size_t i = pivot_col.size(); i < rows.size(); ++i)
    if (rows[i][n] != Fp61()) return Linear::kInconsistent;  // 0 = non-zero
  solution.assign(n, 0);
  std::vector<bool> is_pivot(n, false);
  for (std::size_t col : pivot_col) is_pivot[col] = true;
  std::size_t free_count = 0;
  for (std::size_t j = 0; j < n; ++j) {
    if (fixed.count(j)) solution[j] = fixed.at(j);
    else if (!is_pivot[j]) {
      ++free_count;
      const Var& v = pr.vars[j];
      const std::uint64_t t = pr.q.inputs[static_cast<std::size_t>(v.party)].values[v.index];
      solution[j] = (t >= v.lo && t <= v.hi) ? t : v.lo;
    }
  }
  for (std::size_t i = 0; i < pivot_col.size(); ++i) {
    const std::size_t col = pivot_col[i];
    Fp61 x = rows[i][n];
    for (std::size_t j = 0; j < n; ++j)
      if (j != col && !fixed.count(j) && rows[i][j] != Fp61()) x -= rows[i][j] * Fp61::from_u64(solution[j]);
    solution[col] = x.value();
  }
  unique = free_count == 0 && fixed.empty();
  return Linear::kSolved;
}

bool in_ranges(const Problem& pr, const std::vector<std::uint64_t>& s) {
  for (std::size_t j = 0; j < pr.vars.size(); ++j)
    if (s[j] < pr.vars[j].lo || s[j] > pr.vars[j].hi) return false;
  return true;
}

// --- Z3 --------------------------------------------------------------------------------------

void solve_z3(const Problem& pr, double timeout_s, IdealWorldAnswer& a) {
  z3::context ctx;
  const CircuitDomain d = pr.c.domain;
  std::vector<z3::expr> vars, inputs;
  for (std::size_t j = 0; j < pr.vars.size(); ++j)
    vars.push_back(z3enc::variable(ctx, d, "x" + std::to_string(j)));
  for (std::size_t w = 0; w < pr.wire_var.size(); ++w)
    inputs.push_back(pr.wire_var[w] < 0 ? z3enc::constant(ctx, d, pr.wire_value[w])
                                        : vars[static_cast<std::size_t>(pr.wire_var[w])]);
  auto outs = z3enc::encode_outputs(ctx, pr.c, inputs);
  if (!outs.ok()) {
    a.kind = Kind::kUnknown;
    a.detail = "cannot encode the circuit: " + outs.status().message();
    return;
  }
  // The per-check timeout alone lets bit-blasting overrun it: the watcher ends the call.
  const z3enc::Z3Deadline deadline(ctx, timeout_s);
  z3::solver s = z3enc::bitblast_solver(ctx, timeout_s);
  for (const auto& v : vars) s.add(z3enc::well_formed(ctx, d, v));
  for (const auto& [k, y] : pr.constraints) s.add((*outs)[k] == z3enc::constant(ctx, d, y));
  // Ranges: the integer the range's values form, compared as 64-bit unsigned.
  std::map<std::pair<PartyId, std::size_t>, std::size_t> var_of;
  for (std::size_t j = 0; j < pr.vars.size(); ++j) var_of[{pr.vars[j].party, pr.vars[j].index}] = j;
  for (const auto& r : pr.q.ranges) {
    z3::expr x = ctx.bv_val(std::uint64_t{0}, 64);
    if (d == CircuitDomain::kBoolean) {
      for (std::size_t i = 0; i < r.count; ++i) {
        const z3::expr bit = vars[var_of.at({r.party, r.first + i})];
        x = x | z3::ite(bit, ctx.bv_val(std::uint64_t{1} << i, 64), ctx.bv_val(std::uint64_t{0}, 64));
      }
    } else {
      x = vars[var_of.at({r.party, r.first})];
    }
    s.add(z3::uge(x, ctx.bv_val(r.lo, 64)) && z3::ule(x, ctx.bv_val(r.hi, 64)));
  }
  const auto cr = s.check();
  if (cr == z3::unsat) {
    a.kind = Kind::kUnexplained;
    a.detail = "Z3: no input of the corrupted parties" +
               std::string(pr.q.ranges.empty() ? "" : " within their ranges") +
               " gives these honest outputs (unsat)";
  } else if (cr == z3::sat) {
    const z3::model m = s.get_model();
    std::vector<std::uint64_t> values;
    for (const auto& v : vars) values.push_back(z3enc::model_value(m, v, d));
    if (recheck(pr, values, a)) {
      a.kind = Kind::kExplained;
      a.detail = "Z3 found a substitution of the corrupted inputs; re-checked by evaluation";
    } else {
      a.kind = Kind::kUnknown;
      a.detail = "internal: Z3's model did not re-check by evaluation";
    }
  } else {
    a.kind = Kind::kUnknown;
    a.detail = "Z3 gave up: " + s.reason_unknown();
  }
}

}  // namespace

const char* ideal_world_kind_name(IdealWorldAnswer::Kind k) {
  switch (k) {
    case Kind::kExplained: return "explained";
    case Kind::kUnexplained: return "unexplained";
    case Kind::kUnknown: return "unknown";
  }
  return "?";
}

static Result<IdealWorldAnswer> explain_by_substitution_impl(const IdealWorldQuery& q) {
  const auto t0 = SteadyClock::now();
  if (!q.circuit) return Error("no circuit");
  SMPC_ASSIGN_OR_RETURN(const Problem pr, prepare(q));
  IdealWorldAnswer a;
  const auto done = [&]() -> Result<IdealWorldAnswer> {
    a.seconds = std::chrono::duration<double>(SteadyClock::now() - t0).count();
    return a;
  };
  // With nothing to vary, the true inputs either explain the outputs or nothing does.
  if (pr.vars.empty()) {
    if (recheck(pr, {}, a)) {
      a.kind = Kind::kExplained;
      a.detail = "the true inputs give these outputs";
    } else {
      a.kind = Kind::kUnexplained;
      a.detail = "no corrupted party provides an input, and the true inputs give other outputs";
    }
    return done();
  }
  if (q.circuit->domain == CircuitDomain::kField61) {
    std::vector<std::uint64_t> sol;
    bool unique = false;
    const Linear first = try_linear(pr, {}, sol, unique);
    if (first == Linear::kInconsistent) {
      a.kind = Kind::kUnexplained;
      a.detail = "the honest outputs are affine in the corrupted inputs and the linear system "
                 "over F_p has no solution (Gaussian elimination)";
      return done();
    }
    if (first == Linear::kSolved) {
      if (in_ranges(pr, sol) && recheck(pr, sol, a)) {
        a.kind = Kind::kExplained;
        a.detail = "solved the affine system over F_p; re-checked by evaluation";
        return done();
      }
      if (unique && !in_ranges(pr, sol)) {
        a.kind = Kind::kUnexplained;
        a.detail = "the only substitution that gives these outputs (unique solution of the "
                   "affine system over F_p) lies outside the corrupted inputs' ranges";
        return done();
      }
    }
    if (first == Linear::kNonlinear) {
      // Fix corrupted inputs one by one (to their true values, then to 1) until the rest is
      // affine; any solution found that way is a real substitution.
      for (int strategy = 0; strategy < 2; ++strategy) {
        std::map<std::size_t, std::uint64_t> fixed;
        for (std::size_t j = 0; j < pr.vars.size(); ++j) {
          const Var& v = pr.vars[j];
          std::uint64_t val = strategy == 0 ? q.inputs[static_cast<std::size_t>(v.party)].values[v.index] : 1;
          if (val < v.lo || val > v.hi) val = v.lo;
          fixed[j] = val;
          bool u = false;
          const Linear r = try_linear(pr, fixed, sol, u);
          if (r == Linear::kNonlinear) continue;
          if (r == Linear::kSolved && in_ranges(pr, sol) && recheck(pr, sol, a)) {
            a.kind = Kind::kExplained;
            a.detail = "fixed some corrupted inputs and solved the remaining affine system over "
                       "F_p; re-checked by evaluation";
            return done();
          }
          break;
        }
      }
    }
  }
  const double left = q.timeout_s - std::chrono::duration<double>(SteadyClock::now() - t0).count();
  solve_z3(pr, std::max(0.01, left), a);
  return done();
}

Result<IdealWorldAnswer> explain_by_substitution(const IdealWorldQuery& q) {
  return z3enc::z3_errors_as_status<IdealWorldAnswer>(
      [&] { return explain_by_substitution_impl(q); });
}

}  // namespace smpc
