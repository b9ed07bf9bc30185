// smpc verify privacy SCENARIO --swap FILE [--runs N] [--pairs K] [--alpha A] [--seed S] [--simulated]
//                     [--json] [--uniformity] [--mutant MNN] [--coalitions scenario|all]
// The input-swap test on the corrupted coalition's views (scenarios/privacy.h, docs/privacy.md).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "scenarios/privacy.h"
#include "scenarios/privacy_components.h"

namespace smpc::cli {
namespace {

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string format_p(const PrivacyCheck& c) {
  if (c.name == kFpRelationCheck || c.name == kGf2RelationCheck) {
    // A bound rather than a p-value; tiny bounds underflow a double, so give the exponent.
    if (c.p_value >= 1) return "bound 1 (too few runs for a guarantee)";
    if (c.p_value <= 0 || c.p_value < 1e-300) return "false-alarm bound < 1e-300";
    return "false-alarm bound " + format_number(c.p_value);
  }
  return "p = " + format_number(c.p_value);
}

void print_report(const PrivacyReport& report) {
  for (const auto& c : report.checks)
    std::cout << c.name << ": " << (c.alarm ? "ALARM" : "no alarm") << "\n"
              << "  statistic " << format_number(c.statistic) << ", " << format_p(c) << "\n"
              << "  " << c.detail << "\n";
  std::cout << report.summary << "\n";
}

// --component: the reports of scenarios/privacy_components.h; exit 1 on any alarm, 2 on an
// error.
int run_component(const std::string& name, int runs, double alpha, std::uint64_t seed,
                  bool json) {
  std::vector<ComponentReport> reports;
  if (name == "commitment-hiding") {
    auto r = commitment_hiding_test(runs, seed, alpha);
    if (!r.ok()) return std::cerr << "error: " << r.status().message() << "\n", 2;
    reports.push_back(std::move(r).value());
  } else {
    CorrelationOptions o;
    o.source = name == "spdz-dealer"      ? CorrelationSource::kSpdzDealer
               : name == "gmw-ot-triples" ? CorrelationSource::kGmwOtTriples
                                          : CorrelationSource::kGmwDealerTriples;
    o.runs = runs;
    o.alpha = alpha;
    o.seed = seed;
    auto r = correlation_sweep(o);
    if (!r.ok()) return std::cerr << "error: " << r.status().message() << "\n", 2;
    reports = std::move(r).value();
  }
  bool alarm = false;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& rep : reports) {
    alarm = alarm || rep.alarm;
    if (json) {
      all.push_back(rep.json());
      continue;
    }
    std::cout << "== " << rep.summary << "\n";
    for (const auto& c : rep.checks)
      std::cout << c.name << ": " << (c.alarm ? "ALARM" : "no alarm") << "\n  " << c.detail
                << "\n";
  }
  if (json) std::cout << all.dump(2) << "\n";
  return alarm ? 1 : 0;
}

}  // namespace

void register_verify_privacy(CLI::App& verify, int* exit_code) {
  struct Options {
    std::string scenario;
    std::string swap;
    int runs = 200;
    int pairs = 1;
    double alpha = 1e-3;
    std::uint64_t seed = 1;
    bool simulated = false;
    bool json = false;
    bool uniformity = false;
    std::string mutant;
    std::string coalitions = "scenario";
    std::string component;
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
      "  per-bit independence (Fisher): every bit of every view element against the side "
      "(x or x'): plaintext bits in labels, OT messages and shares; false-alarm rate alpha\n"
      "  linear relations over GF(2): XORs of view bits that equal the side on every run (the "
      "coalition's inputs and outputs are the same under x and x', so they cannot explain one); "
      "printed bound below 2^-30; needs 2N > view bits + 35 for one window over the whole view "
      "(N = 250 for the GMW vote example), smaller N tests windows of nearby bits in layout and "
      "bit-plane order (Yao at N = 40: every bit, relations among bits up to 16 apart) and the "
      "summary says what went unchecked\n"
      "--coalitions all runs the test for every single party as the coalition (parties whose "
      "input or output the swap changes are skipped and named).\n"
      "What it can show: a distinguisher exists (the protocol leaks something about the honest "
      "inputs beyond the output), with the stated false-alarm rate. What it cannot show: that "
      "the protocol is private. Leaks that need more runs, relations of higher degree, "
      "computational leaks (e.g. of garbled circuits beyond plaintext bits) or other input "
      "pairs go unseen.\n"
      "The scenario must corrupt a coalition; the swap file is {\"inputs\": [[...], ...]} "
      "with the shape of the scenario's inputs, the corrupted parties' inputs unchanged. A "
      "passive (semi-honest) coalition is compared as it follows the protocol; an active one "
      "(malicious, a Lua program, or a script that edits messages) under attack, in the "
      "simulator: the test then also compares where the attack cut each view short (view "
      "shape) and runs the element tests on the shape both sides share most. --uniformity and "
      "--coalitions all take a passive coalition only.\n"
      "--component NAME tests a building block instead (docs/privacy.md tests 7 and 8).\n"
      "Exit code: 0 no check alarmed, 1 some check alarmed (distinguishable), 2 bad input.\n"
      "Example: smpc verify privacy scenarios/examples/privacy_bgw_product.json --swap "
      "scenarios/examples/privacy_swaps/privacy_bgw_product.swap.json --runs 40");
  cmd->add_option("scenario", opts->scenario,
                  "Scenario file with a corrupted coalition, passive or active (not with "
                  "--component)");
  cmd->add_option("--component", opts->component,
                  "Test a building block instead of a scenario: commitment-hiding (--runs "
                  "trials), or the correlated randomness gmw-dealer-triples, gmw-ot-triples, "
                  "spdz-dealer (--runs samples, every single party of n = 3 as the coalition)")
      ->check(CLI::IsMember({"commitment-hiding", "gmw-dealer-triples", "gmw-ot-triples",
                             "spdz-dealer"}));
  cmd->add_option("--swap", opts->swap,
                  "Swap file {\"inputs\": [...]}: the other honest inputs x' with f(x') = f(x) "
                  "(optional with --uniformity)");
  cmd->add_option("--runs", opts->runs, "Runs per input vector (default 200)");
  cmd->add_option("--pairs", opts->pairs,
                  "Input pairs (default 1): the swap file's, then K-1 random honest pairs with "
                  "equal outputs drawn from --seed (millionaires, second_price_auction, vote); "
                  "each pair tested at alpha/K, 2N runs per pair");
  cmd->add_option("--alpha", opts->alpha,
                  "Family-wise false-alarm rate of the statistical tests (default 1e-3)");
  cmd->add_option("--seed", opts->seed, "First seed (default 1)")
      ->check(seed_validator());
  cmd->add_flag("--simulated", opts->simulated,
                "Run in the SimGrid simulator instead of in-memory threads (slower, same views; "
                "always on for an active coalition)");
  cmd->add_flag("--json", opts->json, "Print the report as JSON on stdout");
  cmd->add_flag("--uniformity", opts->uniformity,
                "Also test the views under x against uniformly random shares");
  cmd->add_option("--mutant", opts->mutant,
                  "Activate a seeded bug (M04, M05, M15, ...) during the runs; only in builds "
                  "configured with -DSMPC_MUTANTS=ON");
  cmd->add_option("--coalitions", opts->coalitions,
                  "scenario (default): the scenario's coalition; all: every single party in "
                  "turn as the passive coalition, one report each (parties whose input or "
                  "output the swap changes are skipped and named)")
      ->check(CLI::IsMember({"scenario", "all"}));
  cmd->callback([opts, exit_code] {
    const auto fail = [exit_code](const std::string& message) {
      std::cerr << "error: " << message << "\n";
      *exit_code = 2;
    };
    if (!opts->component.empty()) {
      if (!opts->scenario.empty() || !opts->swap.empty())
        return fail("--component tests a building block: give no scenario nor --swap");
      Mutant mutant = Mutant::kNone;
      if (!opts->mutant.empty()) {
        auto m = parse_mutant(opts->mutant);
        if (!m.ok()) return fail("--mutant: " + m.status().message());
        mutant = *m;
      }
      const ScopedMutant active(mutant);
      if (!active.status().ok()) return fail("--mutant: " + active.status().message());
      *exit_code = run_component(opts->component, opts->runs, opts->alpha, opts->seed,
                                 opts->json);
      return;
    }
    if (opts->scenario.empty()) return fail("a scenario file is required (or --component)");
    auto scenario = load_scenario_file(opts->scenario);
    if (!scenario.ok()) return fail(scenario.status().message());
    PrivacyOptions po;
    po.runs = opts->runs;
    po.pairs = opts->pairs;
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
    if (opts->swap.empty() && !opts->uniformity)
      return fail("--swap FILE is required (or --uniformity alone for the uniformity test)");
    std::optional<std::vector<nlohmann::json>> swapped;
    if (!opts->swap.empty()) {
      auto loaded = load_swap_file(opts->swap);
      if (!loaded.ok()) return fail(loaded.status().message());
      swapped = std::move(loaded).value();
    }
    if (opts->coalitions == "all") {
      auto sweep = run_privacy_sweep(*scenario, swapped ? &*swapped : nullptr, po);
      if (!sweep.ok()) return fail(sweep.status().message());
      if (opts->json) {
        std::cout << sweep->json().dump(2) << "\n";
      } else {
        for (const auto& c : sweep->coalitions) {
          std::cout << "== coalition {" << c.corrupt.front() << "}: ";
          if (!c.tested) {
            std::cout << "not tested: " << c.skipped << "\n";
            continue;
          }
          std::cout << (c.report.distinguishable ? "distinguishable" : "indistinguishable")
                    << "\n";
          print_report(c.report);
        }
        std::cout << sweep->summary << "\n";
      }
      *exit_code = sweep->distinguishable ? 1 : 0;
      return;
    }
    auto report = swapped ? run_privacy_test(*scenario, *swapped, po)
                          : run_uniformity_test(*scenario, po);
    if (!report.ok()) return fail(report.status().message());
    if (opts->json) {
      std::cout << report->json().dump(2) << "\n";
    } else {
      print_report(*report);
      std::cout << "verdict: " << (report->distinguishable ? "distinguishable" : "indistinguishable")
                << "\n";
    }
    *exit_code = report->distinguishable ? 1 : 0;
  });
}

}  // namespace smpc::cli
