#include "protocols/fixedpoint/fixed.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>
#include <utility>

#include "protocols/core/mutants.h"

namespace smpc::fx {
namespace {

__extension__ using i128 = __int128;

std::string ptr_text(std::size_t i) { return "instruction " + std::to_string(i); }

bool in_range(i128 v, const Params& p) {
  const i128 bound = i128{1} << (p.k() - 1);
  return v > -bound && v < bound;
}

// The carrier's magic word: "smpc.fx" in ASCII, below p.
constexpr std::uint64_t kMagic = 0x736d70632e6678ULL;

}  // namespace

Status validate(const Params& p) {
  if (p.f < 4 || p.f > 16) return Error("f must be from 4 to 16, got " + std::to_string(p.f));
  if (p.integer_bits < 2 || p.integer_bits > 16)
    return Error("integer_bits must be from 2 to 16, got " + std::to_string(p.integer_bits));
  if (p.kappa() < kMinKappa)
    return Error("k + kappa must fit the field (k + kappa <= 59) with kappa >= " +
                 std::to_string(kMinKappa) + ": k = integer_bits + 2f + 1 = " +
                 std::to_string(p.k()) + " leaves kappa = " + std::to_string(p.kappa()));
  return Status();
}

Result<std::int64_t> encode(double x, const Params& p) {
  if (!std::isfinite(x)) return Error("not a finite number");
  const double scaled = std::round(std::ldexp(x, p.f));
  if (!(std::fabs(scaled) < std::ldexp(1.0, p.k() - 1 - p.f)))
    return Error("out of range: |x| must be below 2^" + std::to_string(p.k() - 1 - 2 * p.f) +
                 " = " + std::to_string(std::ldexp(1.0, p.k() - 1 - 2 * p.f)) +
                 " so that its products stay below 2^(k-1)");
  return static_cast<std::int64_t>(scaled);
}

double decode(std::int64_t v, const Params& p) { return std::ldexp(static_cast<double>(v), -p.f); }

Fp61 to_field(std::int64_t v) { return Fp61::from_i64(v); }
std::int64_t from_field(Fp61 v) {
  const std::uint64_t x = v.value();
  return x > Fp61::kModulus / 2 ? -static_cast<std::int64_t>(Fp61::kModulus - x)
                                : static_cast<std::int64_t>(x);
}

std::int64_t floor_shift(std::int64_t a, int m) { return a >> m; }  // arithmetic shift = floor

std::int64_t trunc_pr(std::int64_t a, int m, std::uint64_t r_low) {
  const std::uint64_t low = static_cast<std::uint64_t>(a) & ((std::uint64_t{1} << m) - 1);
  return floor_shift(a, m) + ((low + r_low) >> m != 0 ? 1 : 0);
}

Status check(const Program& prog, std::size_t inputs) {
  SMPC_RETURN_IF_ERROR(validate(prog.params));
  for (std::size_t i = 0; i < prog.code.size(); ++i) {
    const Instr& in = prog.code[i];
    if (in.op > Op::kRandBit) return Error(ptr_text(i) + ": unknown operation");
    if (in.op == Op::kFloor && (in.c < 1 || in.c > prog.params.k() - 1))
      return Error(ptr_text(i) + ": Floor by 2^" + std::to_string(in.c) + " (must be 1 to k - 1 = " +
                   std::to_string(prog.params.k() - 1) + ")");
    if ((reads_a(in.op) && in.a >= i) || (reads_b(in.op) && in.b >= i))
      return Error(ptr_text(i) + ": reads a register not defined before it");
    if (in.op == Op::kInput && (in.c < 0 || static_cast<std::size_t>(in.c) >= inputs))
      return Error(ptr_text(i) + ": input " + std::to_string(in.c) + " out of range");
    if ((in.op == Op::kConst || in.op == Op::kMulConst) && !in_range(in.c, prog.params))
      return Error(ptr_text(i) + ": constant out of range");
  }
  for (auto o : prog.outputs)
    if (o >= prog.code.size()) return Error("output register " + std::to_string(o) + " undefined");
  return Status();
}

std::vector<Batch> batches(const Program& prog, std::vector<std::uint32_t>* after_out) {
  std::vector<Batch> out;
  // By register: the number of batches that must complete before it can be read (for an
  // interactive instruction, its own batch's index + 1). Registers are 32-bit (Instr).
  std::vector<std::uint32_t> after(prog.code.size(), 0);
  for (std::size_t i = 0; i < prog.code.size(); ++i) {
    const Instr& in = prog.code[i];
    std::uint32_t dep = 0;  // number of batches that must complete before i
    if (reads_a(in.op)) dep = std::max(dep, after[in.a]);
    if (reads_b(in.op)) dep = std::max(dep, after[in.b]);
    if (!is_interactive(in.op)) {
      after[i] = dep;
      continue;
    }
    // Joins the last batch when it has this kind and i depends on nothing in it.
    if (!out.empty() && out.back().op == in.op && dep < out.size()) {
      out.back().instrs.push_back(static_cast<std::uint32_t>(i));
    } else {
      out.push_back({in.op, {static_cast<std::uint32_t>(i)}});
    }
    after[i] = static_cast<std::uint32_t>(out.size());
  }
  if (after_out) *after_out = std::move(after);
  return out;
}

std::size_t bitlt_products(int m) {
  // engine.h bitlt: ⌊m/2⌋ at the first level, then 2 per merge less node 0's t per level.
  if (m < 2) return 0;
  const auto um = static_cast<std::size_t>(m);
  const auto levels = static_cast<std::size_t>(std::bit_width(um - 1));  // ⌈log2 m⌉
  return 2 * (um - 1) - um / 2 - (levels - 1);
}

int mod2m_bits(const Instr& in, const Params& p) {
  return in.op == Op::kLtz ? p.k() - 1 : static_cast<int>(in.c);
}

std::size_t Needs::triples() const {
  std::size_t t = muls;
  for (int m : mod2m) t += bitlt_products(m);
  return t;
}
std::size_t Needs::bitlt_triples() const {
  std::size_t t = 0;
  for (int m : mod2m) t += bitlt_products(m) - static_cast<std::size_t>(m / 2);
  return t;
}
std::size_t Needs::bits(const Params& p) const {
  std::size_t b = truncs * static_cast<std::size_t>(p.f);
  for (int m : mod2m) b += static_cast<std::size_t>(m);
  return b + rand_bits;
}

Needs needs_of(const Program& prog) {
  Needs n;
  constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::vector<std::uint32_t> number(prog.code.size(), kNone);  // by register: its factor number
  const auto factor = [&](std::uint32_t r) {
    if (number[r] == kNone) {
      number[r] = static_cast<std::uint32_t>(n.factor_regs.size());
      n.factor_regs.push_back(r);
    }
    return number[r];
  };
  for (const auto& in : prog.code) {
    if (in.op == Op::kMul) {
      const std::uint32_t a = factor(in.a);
      n.mul_factors.push_back({a, factor(in.b)});
      n.factors_after.push_back(static_cast<std::uint32_t>(n.factor_regs.size()));
    }
    n.muls += in.op == Op::kMul;
    n.truncs += in.op == Op::kTrunc;
    n.rand_bits += in.op == Op::kRandBit;
    if (is_mod2m(in.op)) n.mod2m.push_back(mod2m_bits(in, prog.params));
  }
  return n;
}

Plan plan_of(const Program& prog) {
  Plan plan;
  std::vector<std::uint32_t> after;
  plan.batches = batches(prog, &after);
  plan.needs = needs_of(prog);
  const auto& code = prog.code;
  const std::size_t calls = plan.batches.size() + 1;
  std::vector<std::uint32_t> call(code.size());
  plan.local_start.assign(calls + 1, 0);
  std::size_t c = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    while (c < plan.batches.size() && plan.batches[c].instrs.back() <= i) ++c;
    if (is_interactive(code[i].op)) continue;
    call[i] = static_cast<std::uint32_t>(std::max<std::size_t>(c, after[i]));
    ++plan.local_start[call[i] + 1];
  }
  for (std::size_t k = 1; k <= calls; ++k) plan.local_start[k] += plan.local_start[k - 1];
  plan.locals.resize(plan.local_start[calls]);
  std::vector<std::size_t> fill(plan.local_start.begin(), plan.local_start.end() - 1);
  for (std::size_t i = 0; i < code.size(); ++i)
    if (!is_interactive(code[i].op)) plan.locals[fill[call[i]]++] = static_cast<std::uint32_t>(i);
  return plan;
}

std::vector<ProgramRound> program_rounds(const Program& prog) {
  std::vector<ProgramRound> out;
  const Needs needs = needs_of(prog);
  std::size_t mul = 0, factors = 0;  // the kMuls and factor numbers of the batches before
  for (const auto& b : batches(prog)) {
    const std::size_t m = b.instrs.size();
    if (b.op == Op::kMul) {
      // Numbered by first use in program order, which the batches keep: this batch's new
      // factors are the numbers from `factors` to those numbered after its last kMul.
      const std::size_t next = needs.factors_after[mul + m - 1];
      out.push_back({b.op, m, 0, next - factors});
      mul += m;
      factors = next;
    }
    if (b.op != Op::kMul) out.push_back({b.op, 0, m});
    if (!is_mod2m(b.op)) continue;
    // The engine's BitLT levels: every comparison's row halves until all are one node.
    std::vector<std::size_t> width;
    for (auto i : b.instrs) width.push_back(static_cast<std::size_t>(mod2m_bits(prog.code[i], prog.params)));
    for (bool first = true; *std::max_element(width.begin(), width.end()) > 1; first = false) {
      std::size_t products = 0;
      for (auto& w : width) products += first ? w / 2 : 2 * (w / 2) - (w >= 2), w = (w + 1) / 2;
      out.push_back({b.op, products, 0, 0, first});
    }
  }
  return out;
}

namespace {

// evaluate() on a program check() has passed.
Result<std::vector<std::int64_t>> evaluate_checked(const Program& prog, std::span<const std::int64_t> inputs,
                                                   const RLowSource& r_low) {
  const Params& p = prog.params;
  std::vector<std::int64_t> reg(prog.code.size());
  std::size_t trunc_no = 0;
  for (std::size_t i = 0; i < prog.code.size(); ++i) {
    const Instr& in = prog.code[i];
    const auto a = static_cast<i128>(reads_a(in.op) ? reg[in.a] : 0);
    const auto b = static_cast<i128>(reads_b(in.op) ? reg[in.b] : 0);  // check() bounds b only where read
    i128 v = 0;
    switch (in.op) {
      case Op::kInput: v = inputs[static_cast<std::size_t>(in.c)]; break;
      case Op::kConst: v = in.c; break;
      case Op::kAdd: v = a + b; break;
      case Op::kSub: v = a - b; break;
      case Op::kMulConst: v = a * in.c; break;
      case Op::kMul: v = a * b; break;
      case Op::kTrunc:
        v = trunc_pr(static_cast<std::int64_t>(a), p.f, r_low(trunc_no++, static_cast<std::int64_t>(a)));
        break;
      case Op::kLtz: v = a < 0 ? 1 : 0; break;
      case Op::kFloor: v = floor_shift(static_cast<std::int64_t>(a), static_cast<int>(in.c)); break;
      case Op::kRandBit:
        return Error(ptr_text(i) + ": a random bit from the preprocessing, which the reference does not know");
    }
    if (!in_range(v, p))
      return Error(ptr_text(i) + ": value out of the fixed-point range (|v| >= 2^(k-1), k = " +
                   std::to_string(p.k()) + ")");
    reg[i] = static_cast<std::int64_t>(v);
  }
  return reg;
}

}  // namespace

Result<std::vector<std::int64_t>> evaluate(const Program& prog, std::span<const std::int64_t> inputs,
                                           const RLowSource& r_low) {
  SMPC_RETURN_IF_ERROR(check(prog, inputs.size()));
  return evaluate_checked(prog, inputs, r_low);
}

Result<std::vector<std::int64_t>> evaluate_outputs(const Program& prog,
                                                   std::span<const std::int64_t> inputs,
                                                   const RLowSource& r_low) {
  SMPC_ASSIGN_OR_RETURN(auto reg, evaluate(prog, inputs, r_low));
  std::vector<std::int64_t> out;
  for (auto o : prog.outputs) out.push_back(reg[o]);
  return out;
}

Result<std::vector<std::int64_t>> evaluate_opened(const Program& prog,
                                                  std::span<const std::int64_t> inputs,
                                                  std::span<const std::uint64_t> opened_c) {
  if (opened_c.size() != needs_of(prog).truncs)
    return Error("expected " + std::to_string(needs_of(prog).truncs) + " opened truncation values, got " +
                 std::to_string(opened_c.size()));
  const std::uint64_t mask = (std::uint64_t{1} << prog.params.f) - 1;
  return evaluate_outputs(prog, inputs, [&](std::size_t j, std::int64_t a) {
    return (opened_c[j] - static_cast<std::uint64_t>(a)) & mask;  // r' = (c − a) mod 2^f
  });
}

Result<bool> check_every_rounding(const Program& prog, std::span<const std::int64_t> inputs) {
  SMPC_RETURN_IF_ERROR(check(prog, inputs.size()));  // once, not once per rounding
  const std::size_t t = needs_of(prog).truncs;
  const bool all = t <= kMaxRoundingsChecked;
  // r' = 2^f − 1 rounds up every a whose low f bits are not all zero; r' = 0 rounds down.
  const std::uint64_t up = (std::uint64_t{1} << prog.params.f) - 1;
  // M110 (seeded bug): only c = 0, every TruncPr rounding down (the check before rounding up).
  const std::uint64_t choices = mutant_active(Mutant::kM110) ? 1 : all ? std::uint64_t{1} << t : 2;
  for (std::uint64_t c = 0; c < choices; ++c) {
    const auto rounds_up = [&](std::size_t j) { return all ? ((c >> j) & 1) != 0 : c == 1; };
    const auto r = evaluate_checked(prog, inputs, [&](std::size_t j, std::int64_t) { return rounds_up(j) ? up : 0; });
    if (r.ok()) continue;
    std::string which;
    std::size_t ups = 0;
    for (std::size_t j = 0; j < t; ++j)
      if (rounds_up(j)) which += (ups++ ? ", " : "") + std::to_string(j);
    return Error(r.status().message() + " when " +
                 (ups == 0 ? std::string("every TruncPr rounds down")
                           : (ups == 1 ? "TruncPr " + which + " rounds up" : "TruncPrs " + which + " round up") +
                                 " (program order, from 0)"));
  }
  return all;
}

bool in_range(std::int64_t v, const Params& p) { return in_range(static_cast<i128>(v), p); }

Circuit carrier_circuit(const Program& prog, std::vector<InputGroup> inputs,
                        std::vector<OutputGroup> outputs) {
  Circuit c;
  c.domain = CircuitDomain::kField61;
  for (const auto& g : inputs) c.num_wires += static_cast<std::uint32_t>(g.wires.size());
  const auto word = [&c](std::uint64_t v) {
    c.gates.push_back({GateType::kEq, 0, 0, c.num_wires++, Fp61::from_u64(v).value()});
  };
  word(kMagic);
  word(static_cast<std::uint64_t>(prog.params.f));
  word(static_cast<std::uint64_t>(prog.params.integer_bits));
  word(prog.code.size());
  for (const auto& in : prog.code) {
    word(static_cast<std::uint64_t>(in.op));
    word(in.a);
    word(in.b);
    word(to_field(in.c).value());
  }
  word(prog.outputs.size());
  for (auto o : prog.outputs) word(o);
  for (auto& g : outputs)
    for (auto& w : g.wires) {
      w = c.num_wires;
      c.gates.push_back({GateType::kEq, 0, 0, c.num_wires++, 0});
    }
  c.inputs = std::move(inputs);
  c.outputs = std::move(outputs);
  return c;
}

std::optional<Program> carried_program(const Circuit& c) {
  if (c.domain != CircuitDomain::kField61 || c.gates.size() < 5) return std::nullopt;
  for (const auto& g : c.gates)
    if (g.type != GateType::kEq) return std::nullopt;
  std::size_t at = 0;
  const auto next = [&]() -> std::optional<std::uint64_t> {
    if (at >= c.gates.size()) return std::nullopt;
    return c.gates[at++].constant;
  };
  if (next() != kMagic) return std::nullopt;
  Program p;
  const auto f = next(), ib = next(), len = next();
  if (!f || !ib || !len || *f > 64 || *ib > 64 || *len > c.gates.size()) return std::nullopt;
  p.params = {static_cast<int>(*f), static_cast<int>(*ib)};
  for (std::uint64_t i = 0; i < *len; ++i) {
    const auto op = next(), a = next(), b = next(), v = next();
    if (!v || *op > static_cast<std::uint64_t>(Op::kRandBit) || *a > UINT32_MAX || *b > UINT32_MAX)
      return std::nullopt;
    p.code.push_back({static_cast<Op>(*op), static_cast<std::uint32_t>(*a),
                      static_cast<std::uint32_t>(*b), from_field(Fp61::from_u64(*v))});
  }
  const auto outs = next();
  if (!outs || *outs > c.gates.size()) return std::nullopt;
  for (std::uint64_t i = 0; i < *outs; ++i) {
    const auto o = next();
    if (!o || *o > UINT32_MAX) return std::nullopt;
    p.outputs.push_back(static_cast<std::uint32_t>(*o));
  }
  // One program output per output wire: the engine opens the one on the other.
  if (p.outputs.size() != c.output_count()) return std::nullopt;
  std::vector<InputGroup> ins = c.inputs;
  std::vector<OutputGroup> outsg = c.outputs;
  if (!check(p, c.input_count()).ok() || carrier_circuit(p, ins, outsg) != c) return std::nullopt;
  return p;
}

}  // namespace smpc::fx
