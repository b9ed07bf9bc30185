// Adversary programs as scenarios name them: finding the file, checking it in the sandbox
// (adversary/lua_program.h), the inputs it substitutes, and the shipped attacks (attacks/*.lua)
// for `smpc list attacks` and the audit.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adversary/adversary_spec.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

// The folder of the shipped attack programs (the source tree's attacks/).
std::string attacks_dir();

// Sets adv.program->factory from its file unless a C++ caller set one: the path as written if
// absolute, else relative to `base_dir` (the scenario's folder), the current directory or the
// source tree, in that order. Errors: "/adversary/program: ...".
Status load_program(AdversarySpec& adv, const std::string& base_dir, int parties);

// The corrupted parties' inputs as the program's input() chooses them (before the run; the
// adversary's stream "adversary-input" of each party). Errors name /adversary/program.
Status apply_program_inputs(const AdversarySpec& adv, std::uint64_t seed, int parties,
                            std::vector<PartyInput>& inputs);

// A shipped attack: its file and its `about` table.
struct AttackProgram {
  std::string file;     // "attacks/spdz_coin_bias.lua"
  std::string name;     // "spdz_coin_bias"
  nlohmann::json about;  // summary, applies_to, expect, params
};
// Every attacks/*.lua, sorted by name; an unreadable or broken one is an error.
Result<std::vector<AttackProgram>> shipped_attacks();

}  // namespace smpc
