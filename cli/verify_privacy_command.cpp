// smpc verify privacy SCENARIO --swap FILE [--runs N] [--alpha A] [--seed S] [--simulated]
//                     [--json] [--uniformity] [--mutant MNN]
// The input-swap test on the corrupted coalition's views (scenarios/privacy.h, docs/privacy.md).
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "scenarios/privacy.h"

namespace smpc::cli {
namespace {

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string format_p(const PrivacyCheck& c) {
  if (c.name.rfind("algebraic", 0) == 0) {
    // A bound rather than a p-value; tiny bounds underflow a double, so give the exponent.
    if (c.p_value >= 1) return "bound 1 (too few runs for a guarantee)";
    if (c.p_value <= 0 || c.p_value < 1e-300) return "false-alarm bound < 1e-300";
    return "false-alarm bound " + format_number(c.p_value);
  }
  return "p = " + format_number(c.p_value);
}

}  // namespace

void register_verify_privacy(CLI::App& verify, int* exit_code) {
  struct Options {
    std::string scenario;
    std::string swap;
    int runs = 200;
    double alpha = 1e-3;
    std::uint64_t seed = 1;
    bool simulated = false;
    bool json = false;
    bool uniformity = false;
    std::string mutant;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = verify.add_subcommand(
      "privacy",
      "Input-swap test: is the corrupted coalition's view distributed the same for two honest "
      "input vectors x and x' that give the coalition the same outputs?");
  cmd->footer(
      "Runs the scenario N times with its inputs (x, seeds S..S+N-1) and N times with the "
      "swapped inputs (x', seeds S+N..S+2N-1) and compares the coalition's views:\n"
      "  chi-square (two-sample, per element): marginal differences; family-wise false-alarm "
      "rate alpha (Bonferroni over elements)\n"
      "  algebraic relations over F_p: polynomial relations of degree <= 2 among the F_p view "
      "elements that hold under one input and fail under the other (a multiplication without "
      "re-randomisation, a sharing of too low degree); false-alarm probability below the "
      "printed Schwartz-Zippel bound; needs N above the number of monomials (N = 40 suffices "
      "for the BGW product example)\n"
      "  share uniformity (--uniformity): every non-constant element against uniform "
      "(low-entropy masks); false-alarm rate alpha\n"
      "What it can show: a distinguisher exists (the protocol leaks something about the honest "
      "inputs beyond the output), with the stated false-alarm rate. What it cannot show: that "
      "the protocol is private. Leaks that need more runs, relations of higher degree, "
      "computational leaks (e.g. of garbled circuits) or other input pairs go unseen.\n"
      "The scenario must corrupt a passive (semi-honest) coalition; the swap file is "
      "{\"inputs\": [[...], ...]} with the shape of the scenario's inputs, the corrupted "
      "parties' inputs unchanged.\n"
      "Exit code: 0 no check alarmed, 1 some check alarmed (distinguishable), 2 bad input.\n"
      "Example: smpc verify privacy scenarios/examples/privacy_bgw_product.json --swap "
      "scenarios/examples/privacy_swaps/privacy_bgw_product.swap.json --runs 40");
  cmd->add_option("scenario", opts->scenario, "Scenario file with a semi-honest adversary")
      ->required();
  cmd->add_option("--swap", opts->swap,
                  "Swap file {\"inputs\": [...]}: the other honest inputs x' with f(x') = f(x) "
                  "(optional with --uniformity)");
  cmd->add_option("--runs", opts->runs, "Runs per input vector (default 200)");
  cmd->add_option("--alpha", opts->alpha,
                  "Family-wise false-alarm rate of the statistical tests (default 1e-3)");
  cmd->add_option("--seed", opts->seed, "First seed (default 1)")
      ->check(seed_validator());
  cmd->add_flag("--simulated", opts->simulated,
                "Run in the SimGrid simulator instead of in-memory threads (slower, same views)");
  cmd->add_flag("--json", opts->json, "Print the report as JSON on stdout");
  cmd->add_flag("--uniformity", opts->uniformity,
                "Also test the views under x against uniformly random shares");
  cmd->add_option("--mutant", opts->mutant,
                  "Activate a seeded bug (M04, M05, M15, ...) during the runs; only in builds "
                  "configured with -DSMPC_MUTANTS=ON");
  cmd->callback([opts, exit_code] {
    const auto fail = [exit_code](const std::string& message) {
      std::cerr << "error: " << message << "\n";
      *exit_code = 2;
    };
    auto scenario = load_scenario_file(opts->scenario);
    if (!scenario.ok()) return fail(scenario.status().message());
    PrivacyOptions po;
    po.runs = opts->runs;
    po.alpha = opts->alpha;
    po.first_seed = opts->seed;
    po.backend = opts->simulated ? Backend::kSimulated : Backend::kLocal;
    po.uniformity = opts->uniformity;
    po.progress = [](const std::string& line) { std::cerr << line << "\n"; };
    if (!opts->mutant.empty()) {
      auto m = parse_mutant(opts->mutant);
      if (!m.ok()) return fail("--mutant: " + m.status().message());
      po.mutant = *m;
    }
    Result<PrivacyReport> report = Error("unset");
    if (opts->swap.empty()) {
      if (!opts->uniformity)
        return fail("--swap FILE is required (or --uniformity alone for the uniformity test)");
      report = run_uniformity_test(*scenario, po);
    } else {
      auto swapped = load_swap_file(opts->swap);
      if (!swapped.ok()) return fail(swapped.status().message());
      report = run_privacy_test(*scenario, *swapped, po);
    }
    if (!report.ok()) return fail(report.status().message());
    if (opts->json) {
      std::cout << report->json().dump(2) << "\n";
    } else {
      for (const auto& c : report->checks) {
        std::cout << c.name << ": " << (c.alarm ? "ALARM" : "no alarm") << "\n"
                  << "  statistic " << format_number(c.statistic) << ", " << format_p(c) << "\n"
                  << "  " << c.detail << "\n";
      }
      std::cout << "verdict: " << (report->distinguishable ? "distinguishable" : "indistinguishable")
                << "\n"
                << report->summary << "\n";
    }
    *exit_code = report->distinguishable ? 1 : 0;
  });
}

}  // namespace smpc::cli
