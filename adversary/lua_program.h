// Adversary programs in Lua 5.4, sandboxed. The only file that includes Lua (docs/architecture.md).
//
// A program is a Lua text chunk (bytecode is refused) that defines
//   on_send(msg)              -- required: called before each outgoing message of its party
//   input(party, values)      -- optional: the party's substitute input (a list), or nil
//   about = {summary = "...", applies_to = {...}, expect = "...",
//            params = {name = {default = v, doc = "..."}}}   -- optional: `smpc list attacks`
// and reaches its party through the global table `adv` (docs/adversaries.md lists it all).
//
// The sandbox: only the base (without load, dofile, loadfile, collectgarbage, print), table
// (without move), string (without dump and the pattern functions, whose backtracking runs
// unmetered), math (without random: adv.random draws from the scenario seed) and utf8
// libraries; no io, os, package, require or debug — touching one raises "not available in the
// adversary sandbox". `pairs` visits keys in sorted order and `tostring` prints no addresses, so
// a run depends only on its seed. Each corrupted party's state has an instruction budget (a
// count hook) and a memory budget (the allocator refuses beyond it); exceeding either stops the
// run with a ProgramError naming the program and the limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "adversary/program.h"
#include "protocols/core/status.h"

namespace smpc {

struct LuaLimits {
  // Per corrupted party and run, all calls together (~0.2-1 s of CPU).
  std::uint64_t instructions = 20'000'000;
  std::size_t memory_bytes = std::size_t{64} << 20;
};

// Compiles `source` (named `name` in every message, e.g. "attacks/coin_bias.lua") and runs its
// top level once in a fresh sandbox to check it: a syntax error, a failing top level, a missing
// on_send or a parameter in setup.params that `about.params` does not declare is an error
// here, before any run. `setup`: the first corrupted party's.
Result<std::shared_ptr<const ProgramFactory>> lua_program(std::string name, std::string source,
                                                          const ProgramSetup& setup,
                                                          LuaLimits limits = {});

// The program's `about` table as JSON ({} when it has none); errors as lua_program.
Result<nlohmann::json> lua_program_about(const std::string& name, const std::string& source,
                                         LuaLimits limits = {});

}  // namespace smpc
