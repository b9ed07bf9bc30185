// smpc verify aborts SCENARIO --swap FILE [--runs N] [--alpha A] [--seed S] [--local] [--json]
// Input-dependent aborts of a (malicious) coalition (scenarios/aborts.h, docs/adversaries.md).
#include <iostream>

#include "cli/commands.h"
#include "scenarios/aborts.h"
#include "scenarios/privacy.h"

namespace smpc::cli {

void register_verify_aborts(CLI::App& verify, int* exit_code) {
  struct Options {
    std::string scenario;
    std::string swap;
    int runs = 40;
    double alpha = 1e-3;
    std::uint64_t seed = 1;
    bool local = false;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = verify.add_subcommand(
      "aborts",
      "Input-dependent abort test: does abort-or-not, or whom the honest parties blame, depend "
      "on honest inputs x vs x' that give the coalition the same outputs (selective failure)?");
  cmd->footer(
      "Runs the scenario N times with its inputs (x, seeds S..S+N-1) and N times with the swap "
      "file's inputs (x', seeds S+N..S+2N-1), with the scenario's adversary (a malicious "
      "program or script), and compares:\n"
      "  abort-or-not: Fisher's exact test of (input x or x') x (aborted or not)\n"
      "  blame: per blame class (none, nobody, party p, parties p, q) Fisher's test, "
      "Bonferroni over the classes\n"
      "  alarm when 2 * min(p_abort, p_blame) < alpha (false-alarm rate <= alpha)\n"
      "  leaked bits: mutual information between a uniform choice of x or x' and abort-or-not "
      "(at most 1 bit), with its range over 99% Clopper-Pearson intervals of both abort rates\n"
      "Budget (docs/adversaries.md): N = 40 per input detects an abort rate difference of 0 vs "
      "1/2 with power >= 0.99 at alpha = 1e-3, and a full one-bit selective failure (0 vs 1) "
      "from N = 8.\n"
      "The report says when the runs are outside the protocol's claim (e.g. a malicious "
      "adversary against a semi-honest protocol): a leak is then measured, not a violation.\n"
      "Exit code: 0 no leak detected, 1 leak detected, 2 bad input (a failing adversary program "
      "included).\n"
      "Example: smpc verify aborts scenarios/examples/yao_selective_failure.json --swap "
      "scenarios/examples/privacy_swaps/yao_selective_failure.swap.json");
  cmd->add_option("scenario", opts->scenario, "Scenario file with a corrupted coalition")->required();
  cmd->add_option("--swap", opts->swap,
                  "Swap file {\"inputs\": [...]}: honest inputs x' with f(x') = f(x) for the "
                  "coalition")
      ->required();
  cmd->add_option("--runs", opts->runs, "Runs per input vector (default 40)");
  cmd->add_option("--alpha", opts->alpha, "False-alarm rate of the test (default 1e-3)");
  cmd->add_option("--seed", opts->seed, "First seed (default 1)")->check(seed_validator());
  cmd->add_flag("--local", opts->local,
                "Run on in-memory threads instead of the simulator (a party waiting for a "
                "message that never comes then waits in real time)");
  cmd->add_flag("--json", opts->json, "Print the report as JSON on stdout");
  cmd->callback([opts, exit_code] {
    const auto fail = [exit_code](const std::string& message) {
      std::cerr << "error: " << message << "\n";
      *exit_code = 2;
    };
    auto scenario = load_scenario_file(opts->scenario);
    if (!scenario.ok()) return fail(scenario.status().message());
    auto swapped = load_swap_file(opts->swap);
    if (!swapped.ok()) return fail(swapped.status().message());
    AbortOptions o;
    o.runs = opts->runs;
    o.alpha = opts->alpha;
    o.first_seed = opts->seed;
    o.backend = opts->local ? Backend::kLocal : Backend::kSimulated;
    auto report = run_abort_test(*scenario, *swapped, o);
    if (!report.ok()) return fail(report.status().message());
    if (opts->json)
      std::cout << report->json().dump(2) << "\n";
    else
      std::cout << report->summary << "\n";
    *exit_code = report->test.alarm ? 1 : 0;
  });
}

}  // namespace smpc::cli
