#include "scenarios/programs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "adversary/lua_program.h"
#include "protocols/core/rng.h"

namespace smpc {

namespace fs = std::filesystem;

std::string attacks_dir() { return (fs::path(SMPC_PROJECT_DIR) / "attacks").string(); }

namespace {

// Program files are small; a larger one is refused before it is read.
constexpr std::uintmax_t kMaxProgramBytes = 1 << 20;

Result<std::string> read_text(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return Error(file.string() + ": " + ec.message());
  if (size > kMaxProgramBytes)
    return Error(file.string() + ": larger than " + std::to_string(kMaxProgramBytes >> 10) +
                 " KiB, got " + std::to_string(size) + " bytes");
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error(file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<fs::path> find_program(const std::string& path, const std::string& base_dir) {
  const fs::path p(path);
  std::vector<fs::path> tried;
  if (p.is_absolute()) {
    tried.push_back(p);
  } else {
    tried = {fs::path(base_dir) / p, fs::current_path() / p, fs::path(SMPC_PROJECT_DIR) / p};
  }
  std::string where;
  for (const auto& t : tried) {
    std::error_code ec;
    if (fs::is_regular_file(t, ec)) return t;
    where += (where.empty() ? "" : ", ") + t.string();
  }
  return Error("/adversary/program: no file \"" + path + "\" (looked for " + where + ")");
}

}  // namespace

Status load_program(AdversarySpec& adv, const std::string& base_dir, int parties) {
  if (!adv.program || adv.program->factory) return OkStatus();
  SMPC_ASSIGN_OR_RETURN(const auto file, find_program(adv.program->path, base_dir));
  auto text = read_text(file);
  if (!text.ok()) return text.status().with_prefix("/adversary/program: ");
  SMPC_ASSIGN_OR_RETURN(adv.program->factory,
                        lua_program(adv.program->path, std::move(text).value(),
                                    adv.program_setup(adv.corrupt.empty() ? 0 : adv.corrupt.front(), parties)));
  return OkStatus();
}

Status apply_program_inputs(const AdversarySpec& adv, std::uint64_t seed, int parties,
                            std::vector<PartyInput>& inputs) {
  if (!adv.program || !adv.program->factory) return OkStatus();
  for (PartyId p : adv.corrupt) {
    auto& in = inputs[static_cast<std::size_t>(p)].values;
    Rng rng(seed, p, "adversary-input");
    std::optional<std::vector<std::uint64_t>> chosen;
    try {
      chosen = adv.program->factory->input(adv.program_setup(p, parties), in, rng);
    } catch (const ProgramError& e) {
      return Error(std::string("/adversary/program: ") + e.what());
    }
    if (!chosen) continue;
    if (chosen->size() != in.size())
      return Error("/adversary/program: " + adv.program->path + ": input(" + std::to_string(p) +
                   ", ...) returned " + std::to_string(chosen->size()) + " values, party " +
                   std::to_string(p) + " provides " + std::to_string(in.size()));
    in = std::move(*chosen);
  }
  return OkStatus();
}

Result<std::vector<AttackProgram>> shipped_attacks() {
  std::vector<AttackProgram> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(attacks_dir(), ec)) {
    if (entry.path().extension() != ".lua") continue;
    const std::string file = "attacks/" + entry.path().filename().string();
    SMPC_ASSIGN_OR_RETURN(const auto text, read_text(entry.path()));
    SMPC_ASSIGN_OR_RETURN(auto about, lua_program_about(file, text));
    out.push_back({file, entry.path().stem().string(), std::move(about)});
  }
  if (ec) return Error(attacks_dir() + ": " + ec.message());
  std::sort(out.begin(), out.end(),
            [](const AttackProgram& a, const AttackProgram& b) { return a.name < b.name; });
  return out;
}

}  // namespace smpc
