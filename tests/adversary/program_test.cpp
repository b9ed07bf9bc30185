// Adversary programs (adversary/program.h, adversary/lua_program.h): the sandbox stops what it
// must with an error naming the program and the limit, rushing is real (a message that is a
// function of honest messages of the same round, carrying the next causal round), programs
// build typed messages, drop and abort toward chosen parties, and a run depends only on its seed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "adversary/adversarial_channel.h"
#include "adversary/lua_program.h"
#include "protocols/core/local_network.h"
#include "scenarios/runner.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const auto path = testing::temp_dir("programs") / name;
  std::ofstream(path) << text;
  return path.string();
}

// secure_sum with 4 parties, party 3 running `program` (a path) with `params`.
Result<RunRecord> run_sum(const std::string& program, const nlohmann::json& params,
                          std::uint64_t seed = 2) {
  const nlohmann::json doc = {
      {"name", "program test"}, {"seed", seed}, {"parties", 4},
      {"protocol", {{"name", "secure_sum"}}}, {"function", {{"name", "sum"}}},
      {"inputs", {10, 20, 30, 40}},
      {"adversary",
       {{"corrupt", {3}},
        {"model", "malicious"},
        {"program", program},
        {"params", params.is_null() ? nlohmann::json::object() : params}}}};
  SMPC_ASSIGN_OR_RETURN(const Scenario s, parse_scenario(doc.dump(), "<program test>"));
  return run_scenario(s, RunOptions{});
}

std::string run_error(const std::string& on_send_body) {
  const auto file = write_file("bad.lua", "function on_send(msg)\n" + on_send_body + "\nend\n");
  const auto r = run_sum(file, nlohmann::json::object());
  EXPECT_FALSE(r.ok()) << on_send_body;
  return r.ok() ? "" : r.status().message();
}

void expect_has(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing \"" << part << "\" in: " << text;
}

TEST(ProgramSandbox, ForbiddenLibrariesLimitsAndBytecodeStopTheRunWithAClearError) {
  for (const char* call : {"os.execute('touch /tmp/smpc-sandbox-escape')", "io.open('/etc/passwd')",
                           "require('socket')", "load(string.char(27) .. 'Lua')()",
                           "debug.sethook()", "string.dump(on_send)"}) {
    const auto e = run_error(call);
    expect_has(e, "adversary program ");
    expect_has(e, "bad.lua");
    expect_has(e, "is not available in the adversary sandbox");
  }
  EXPECT_FALSE(std::filesystem::exists("/tmp/smpc-sandbox-escape"));
  auto e = run_error("while true do end");
  expect_has(e, "bad.lua: stopped at its instruction limit (20000000 Lua instructions");
  // The program cannot catch its own budget's end.
  e = run_error("while true do pcall(function() while true do end end) end");
  expect_has(e, "instruction limit");
  e = run_error("local t = {} for i = 1, 1e10 do t[i] = i end");
  expect_has(e, "bad.lua: stopped at its memory limit (64 MiB per corrupted party)");
  e = run_error("local s = string.rep('x', 10 * 1024 * 1024 * 1024)");
  expect_has(e, "memory limit of 64 MiB");
  expect_has(e, "bad.lua");
  e = run_error("return {parts = {{kind = 'field61', values = {-1}}}}");
  expect_has(e, "on_send's reply to a sum.share message: part 1, value 1 must be an integer 0 <= v");
}

TEST(ProgramSandbox, ATopLevelThatBreaksTheRulesIsRefusedBeforeTheRun) {
  auto r = run_sum(write_file("top.lua", "os.exit(1)\nfunction on_send() end\n"), {});
  ASSERT_FALSE(r.ok());
  expect_has(r.status().message(), "/adversary/program: adversary program ");
  expect_has(r.status().message(), "os.exit is not available");
  r = run_sum(write_file("none.lua", "x = 1\n"), {});
  ASSERT_FALSE(r.ok());
  expect_has(r.status().message(), "defines no function on_send");
  r = run_sum(write_file("syntax.lua", "function on_send(\n"), {});
  ASSERT_FALSE(r.ok());
  expect_has(r.status().message(), "syntax.lua:2:");
  r = run_sum(SMPC_SOURCE_DIR "/attacks/sum_force_output.lua", {{"tagret", 1}});
  ASSERT_FALSE(r.ok());
  expect_has(r.status().message(), "/adversary/params/tagret: program");
  r = run_sum("attacks/no_such_program.lua", {});
  ASSERT_FALSE(r.ok());
  expect_has(r.status().message(), "no file \"attacks/no_such_program.lua\"");
}

// The shipped rushing program: party 3 answers the opening round with target - (the honest
// openings it received in that round). Every honest sum is the target only if the program saw
// those openings before sending, and its opening then carries the next causal round.
TEST(ProgramRushing, TheMessageIsAFunctionOfHonestMessagesOfTheSameRound) {
  for (std::uint64_t target : {7u, 123456u}) {
    const auto r = run_sum(SMPC_SOURCE_DIR "/attacks/sum_force_output.lua", {{"target", target}});
    ASSERT_TRUE(r.ok()) << r.status().message();
    for (int p = 0; p < 3; ++p) EXPECT_EQ(r->outputs[p]["sum"], target) << p;
    EXPECT_EQ(r->outcome, Outcome::kWrongOutput);
    EXPECT_EQ(r->scope, ClaimScope::kOutsideModel);
    const auto& view = r->adversary["views"][0];
    std::uint32_t honest_open_round = 0;
    for (const auto& e : view["received"])
      if (e["label"] == "sum.open") honest_open_round = e["round"].get<std::uint32_t>();
    ASSERT_GT(honest_open_round, 0u);
    for (const auto& e : view["sent"])
      if (e["label"] == "sum.open") {
        EXPECT_EQ(e["round"], honest_open_round + 1);
      }
  }
}

TEST(ProgramDeterminism, SameSeedSameReportOtherSeedOtherRandomness) {
  const auto file = write_file("random.lua", R"lua(
local t = {b = 2, a = 1, c = 3}
function on_send(msg)
  local order = ""
  for k, v in pairs(t) do order = order .. k end
  assert(order == "abc", order)
  return {parts = {{kind = "field61", values = {adv.random(1000000)}}}}
end)lua");
  const auto strip = [](RunRecord r) {
    r.wall_time_s = 0;
    auto j = report_json(r);
    j.erase("wall_time_s");
    return j.dump();
  };
  const auto a = run_sum(file, {}, 5), b = run_sum(file, {}, 5), c = run_sum(file, {}, 6);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(strip(*a), strip(*b));
  EXPECT_NE(a->adversary["views"][0]["sent"].dump(), c->adversary["views"][0]["sent"].dump());
}

// Typed messages, dropping and aborting toward one party, on a bare LocalNetwork exchange.
TEST(ProgramMessages, TypedRepliesDropAndAbortTo) {
  const std::string source = R"lua(
function on_send(msg)
  if msg.to == 0 then
    return {parts = {{kind = "ring64", values = {-1}}, {kind = "bit", values = {1, 0, 1}},
                     {kind = "block128", values = {string.rep("A", 16)}}}}
  end
  if msg.to == 2 then adv.abort_to({2}) end
  return false
end)lua";
  nlohmann::json adv{{"corrupt", {1}}, {"model", "malicious"}, {"program", "typed.lua"}};
  auto spec = parse_adversary(adv, 3);
  ASSERT_TRUE(spec.ok());
  auto factory = lua_program("typed.lua", source, spec->program_setup(1, 3));
  ASSERT_TRUE(factory.ok()) << factory.status().message();
  spec->program->factory = *factory;
  Coalition coalition(*spec);
  std::vector<std::optional<Message>> got(3);
  LocalRunOptions o;
  o.timeout_s = 1;
  run_local(3, o, [&](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    if (me == 1)
      return run_corrupted(ctx, coalition, {}, 1, [](PartyContext& c) {
        for (PartyId q : {0, 2}) c.net.send(q, "t.x", Message().add_field61(std::vector<Fp61>(1)));
        return PartyOutput{};
      });
    got[static_cast<std::size_t>(me)] = ctx.net.recv_until(1, ctx.clock.now() + 0.3);
    return PartyOutput{};
  });
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(got[0]->ring64(0, 1)[0], ~std::uint64_t{0});
  EXPECT_EQ(got[0]->bits(1, 3), (std::vector<bool>{true, false, true}));
  EXPECT_EQ(got[0]->blocks(2, 1)[0][15], 'A');
  EXPECT_FALSE(got[2].has_value());
}

}  // namespace
}  // namespace smpc
