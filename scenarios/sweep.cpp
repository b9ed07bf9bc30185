#include "scenarios/sweep.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <span>

#include "protocols/core/hex.h"
#include "protocols/crypto/hash.h"
#include "scenarios/json_input.h"
#include "scenarios/runner.h"
#include "scenarios/sweep_pool.h"

namespace smpc {
namespace {

using Json = nlohmann::json;
using Ordered = nlohmann::ordered_json;

// Ten million points is far beyond one machine's night; a grid asking for more is a typo
// (a range step of 1e-9) and would only fill memory while the points are planned.
constexpr std::uint64_t kMaxPoints = 10'000'000;

Status grid_error(const std::string& grid, const std::string& where, const std::string& what) {
  return Error(grid + ": " + where + ": " + what);
}

// "from", "to", "step" (inclusive); integers stay integers. Values are printed with 15
// significant digits and read back, so that 0.1 + 2 × 0.1 is the 0.3 a reader expects.
Result<std::vector<Json>> range_values(const Json& r, const std::string& grid,
                                       const std::string& where) {
  if (!r.is_object() || !r.contains("from") || !r.contains("to") || !r.contains("step") ||
      r.size() != 3 || !r["from"].is_number() || !r["to"].is_number() || !r["step"].is_number())
    return grid_error(grid, where + "/range", "must be {\"from\": number, \"to\": number, "
                                              "\"step\": number}, got " + short_json(r));
  const double from = r["from"].get<double>(), to = r["to"].get<double>();
  const double step = r["step"].get<double>();
  if (!(step > 0)) return grid_error(grid, where + "/range/step", "must be > 0, got " + short_json(r["step"]));
  if (to < from)
    return grid_error(grid, where, "empty axis: range to " + short_json(r["to"]) +
                                       " is below from " + short_json(r["from"]));
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > static_cast<double>(kMaxPoints))
    return grid_error(grid, where + "/range", "more than 10,000,000 values");
  const bool integral = r["from"].is_number_integer() && r["to"].is_number_integer() &&
                        r["step"].is_number_integer();
  std::vector<Json> out;
  for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(count); ++i) {
    if (integral) {
      out.emplace_back(r["from"].get<std::int64_t>() +
                       static_cast<std::int64_t>(i) * r["step"].get<std::int64_t>());
      continue;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", from + static_cast<double>(i) * step);
    out.emplace_back(std::strtod(text, nullptr));
  }
  return out;
}

// The pointer must name a field the base scenario has, or a new field of an object it has (the
// schema then decides whether that field exists).
Result<Json::json_pointer> axis_pointer(const Json& item, const SweepGrid& g,
                                        const std::string& where) {
  if (!item.contains("pointer") || !item["pointer"].is_string())
    return grid_error(g.path, where + "/pointer", "a JSON pointer (\"/network/latency_ms\") is required");
  const auto text = item["pointer"].get<std::string>();
  try {
    Json::json_pointer p(text);
    if (p.empty()) return grid_error(g.path, where, "the pointer \"\" would replace the whole scenario");
    if (g.base.contains(p)) return p;
    const auto parent = p.parent_pointer();
    if (g.base.contains(parent) && g.base.at(parent).is_object()) return p;
  } catch (const Json::exception& e) {
    return grid_error(g.path, where + " (" + short_text(text, 60) + ")",
                      std::string("not a JSON pointer: ") + e.what());
  }
  return grid_error(g.path, where + " (" + short_text(text, 60) + ")",
                    "does not exist in the base scenario " + g.base_path);
}

// One pointer with its values, each checked in the base scenario against the schema.
Status add_pointer_axis(const Json& item, SweepGrid& g, const std::string& where, SweepAxis& axis) {
  if (!item.is_object()) return grid_error(g.path, where, "must be an object, got " + short_json(item));
  for (const auto& [key, v] : item.items())
    if (key != "pointer" && key != "values" && key != "range")
      return grid_error(g.path, where + "/" + key, "unknown field (pointer, values or range)");
  SMPC_ASSIGN_OR_RETURN(const auto pointer, axis_pointer(item, g, where));
  const std::string label = where + " (" + pointer.to_string() + ")";
  std::vector<Json> values;
  if (item.contains("values") == item.contains("range"))
    return grid_error(g.path, label, "needs \"values\" (a list) or \"range\", not both");
  if (item.contains("values")) {
    if (!item["values"].is_array()) return grid_error(g.path, label, "values must be a list");
    values.assign(item["values"].begin(), item["values"].end());
  } else {
    SMPC_ASSIGN_OR_RETURN(values, range_values(item["range"], g.path, where));
  }
  if (values.empty()) return grid_error(g.path, label, "empty axis: no values");
  for (const auto& v : values) {
    Json doc = g.base;
    doc[pointer] = v;
    if (auto s = check_scenario_schema(doc, g.base_path); !s.ok())
      return grid_error(g.path, label, "value " + short_json(v, 40) + ": " + s.message());
  }
  axis.pointers.push_back(pointer.to_string());
  axis.where.push_back(where);
  axis.values.push_back(std::move(values));
  return OkStatus();
}

Status add_axis(const Json& item, SweepGrid& g, const std::string& where) {
  SweepAxis axis;
  if (item.is_object() && item.contains("zip")) {
    if (item.size() != 1 || !item["zip"].is_array() || item["zip"].empty())
      return grid_error(g.path, where, "a zip axis is {\"zip\": [axis, axis, …]}");
    for (std::size_t k = 0; k < item["zip"].size(); ++k) {
      SMPC_RETURN_IF_ERROR(add_pointer_axis(item["zip"][k], g, where + "/zip/" + std::to_string(k), axis));
      if (axis.values[k].size() != axis.values[0].size())
        return grid_error(g.path, where + "/zip/" + std::to_string(k),
                          "has " + std::to_string(axis.values[k].size()) + " values, " +
                              where + "/zip/0 has " + std::to_string(axis.values[0].size()) +
                              " (zipped axes pair their values)");
    }
  } else {
    SMPC_RETURN_IF_ERROR(add_pointer_axis(item, g, where, axis));
  }
  for (const auto& earlier : g.axes)
    for (std::size_t a = 0; a < earlier.pointers.size(); ++a)
      for (std::size_t b = 0; b < axis.pointers.size(); ++b)
        if (earlier.pointers[a] == axis.pointers[b])
          return grid_error(g.path, axis.where[b] + " (" + axis.pointers[b] + ")",
                            "already swept by " + earlier.where[a]);
  g.axes.push_back(std::move(axis));
  return OkStatus();
}

Status add_filter(const Json& item, SweepGrid& g, const std::string& where) {
  static const std::set<std::string> kOps = {"==", "!=", "<", "<=", ">", ">="};
  if (!item.is_object() || item.size() != 3 || !item.contains("pointer") || !item.contains("op") ||
      !item.contains("value") || !item["pointer"].is_string() || !item["op"].is_string() ||
      !kOps.count(item["op"].get<std::string>()))
    return grid_error(g.path, where, "a filter is {\"pointer\": \"/parties\", \"op\": one of == != "
                                     "< <= > >=, \"value\": …}, got " + short_json(item));
  try {
    (void)Json::json_pointer(item["pointer"].get<std::string>());
  } catch (const Json::exception& e) {
    return grid_error(g.path, where + "/pointer", std::string("not a JSON pointer: ") + e.what());
  }
  g.filters.push_back({where, item["pointer"], item["op"], item["value"]});
  return OkStatus();
}

Status load_base(const Json& doc, SweepGrid& g) {
  if (!doc.contains("base") || !doc["base"].is_string())
    return grid_error(g.path, "/base", "the base scenario file (a path relative to the grid) is required");
  namespace fs = std::filesystem;
  const fs::path base = doc["base"].get<std::string>();
  g.base_path = (base.is_absolute() ? base : fs::path(g.path).parent_path() / base).string();
  auto base_doc = read_json_file(g.base_path);
  if (!base_doc.ok()) return base_doc.status().with_prefix(g.path + ": /base: ");
  g.base = std::move(*base_doc);
  if (!g.base.is_object()) return grid_error(g.path, "/base", g.base_path + " is not a scenario object");
  return check_scenario_schema(g.base, g.base_path).with_prefix(g.path + ": /base: ");
}

bool filter_holds(const SweepFilter& f, const Json& doc, std::string& reason) {
  const Json::json_pointer p(f.pointer);
  const Json value = doc.contains(p) ? doc.at(p) : Json();
  bool holds = false;
  if (f.op == "==" || f.op == "!=") {
    holds = (value == f.value) == (f.op == "==");
  } else if (value.is_number() && f.value.is_number()) {
    const double a = value.get<double>(), b = f.value.get<double>();
    holds = f.op == "<" ? a < b : f.op == "<=" ? a <= b : f.op == ">" ? a > b : a >= b;
  }
  reason = "filter " + f.where + ": " + f.pointer + " " + f.op + " " + short_json(f.value, 40) +
           " does not hold (" + f.pointer + " is " + short_json(value, 40) + ")";
  return holds;
}

}  // namespace

std::string sweep_scenario_path(const SweepGrid& grid, const SweepPoint& point) {
  return grid.base_path + "#" + point.id;
}

std::uint64_t SweepGrid::size() const {
  std::uint64_t n = 1;
  for (const auto& a : axes) n *= a.size();
  return n;
}

Result<SweepGrid> load_sweep_grid(const std::string& path) {
  SweepGrid g;
  g.path = path;
  SMPC_ASSIGN_OR_RETURN(const Json doc, read_json_file(path));
  if (!doc.is_object()) return grid_error(path, "/", "a grid is a JSON object, got " + short_json(doc));
  for (const auto& [key, v] : doc.items())
    if (key != "base" && key != "axes" && key != "filters" && key != "description")
      return grid_error(path, "/" + short_text(key, 40), "unknown field (base, axes, filters, description)");
  SMPC_RETURN_IF_ERROR(load_base(doc, g));
  if (!doc.contains("axes") || !doc["axes"].is_array() || doc["axes"].empty())
    return grid_error(path, "/axes", "a non-empty list of axes is required");
  double points = 1;
  for (std::size_t i = 0; i < doc["axes"].size(); ++i) {
    SMPC_RETURN_IF_ERROR(add_axis(doc["axes"][i], g, "/axes/" + std::to_string(i)));
    points *= static_cast<double>(g.axes.back().size());
    if (points > static_cast<double>(kMaxPoints))
      return grid_error(path, "/axes", "the grid has more than 10,000,000 points");
  }
  const Json filters = doc.value("filters", Json::array());
  if (!filters.is_array()) return grid_error(path, "/filters", "must be a list");
  for (std::size_t i = 0; i < filters.size(); ++i)
    SMPC_RETURN_IF_ERROR(add_filter(filters[i], g, "/filters/" + std::to_string(i)));
  return g;
}

SweepPoint sweep_point(const SweepGrid& grid, std::uint64_t index) {
  SweepPoint p;
  p.index = index;
  p.document = grid.base;
  std::vector<std::size_t> step(grid.axes.size());
  for (std::size_t a = grid.axes.size(); a-- > 0;) {
    step[a] = index % grid.axes[a].size();
    index /= grid.axes[a].size();
  }
  for (std::size_t a = 0; a < grid.axes.size(); ++a) {
    const auto& axis = grid.axes[a];
    for (std::size_t k = 0; k < axis.pointers.size(); ++k) {
      p.axes[axis.pointers[k]] = axis.values[k][step[a]];
      p.document[Json::json_pointer(axis.pointers[k])] = axis.values[k][step[a]];
    }
  }
  std::array<std::uint8_t, 16> digest{};
  const std::string text = p.axes.dump();
  Blake2b("smpc-sweep/run-id/v1", digest.size())
      .add(ByteSpan(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()))
      .finish(digest);
  p.id = hex_text(std::span(digest).first(8));
  return p;
}

Result<Scenario> sweep_scenario(const SweepGrid& grid, const SweepPoint& point,
                                const RunOptions& options) {
  std::string reason;
  for (const auto& f : grid.filters)
    if (!filter_holds(f, point.document, reason)) return Error(reason);
  SMPC_ASSIGN_OR_RETURN(Scenario s, scenario_from_json(point.document, sweep_scenario_path(grid, point)));
  SMPC_RETURN_IF_ERROR(resolve(s, options).status());
  return s;
}

std::string sweep_reproduce(const SweepGrid& grid, const SweepPoint& point,
                            const RunOptions& run) {
  std::string line = run.program + " sweep " + grid.path + " --run " + point.id;
  if (run.mutant != Mutant::kNone) line += " --mutant " + std::string(mutant_name(run.mutant));
  return line;
}

nlohmann::ordered_json sweep_problem_row(const SweepGrid& grid, const SweepPoint& point,
                                         const std::string& status, const std::string& reason,
                                         const RunOptions& run) {
  Ordered row;
  row["id"] = point.id;
  row["axes"] = point.axes;
  row["status"] = status;
  row["reason"] = reason;
  row["reproduce"] = sweep_reproduce(grid, point, run);
  return row;
}

nlohmann::ordered_json sweep_row(const SweepGrid& grid, const SweepPoint& point,
                                 const RunRecord& record, const RunOptions& run) {
  const Ordered report = report_json(record);
  Ordered row;
  row["id"] = point.id;
  row["axes"] = point.axes;
  row["status"] = record.verdict_holds ? "ok" : "violated";
  for (const char* key : {"scenario", "seed", "protocol", "parties", "verdict", "claim_scope",
                          "outcome", "decided_by"})
    row[key] = report[key];
  for (const char* key : {"rounds", "messages", "bytes_sent", "simulated_time_s"})
    row["cost"][key] = report["cost"][key];
  // The computation the compute model charged, summed over the parties (0 under "none";
  // docs/simulator.md, "Computation").
  if (report["cost"].contains("compute_s")) row["cost"]["compute_s"] = report["cost"]["compute_s"];
  if (!record.mutant.empty()) row["mutant"] = record.mutant;
  row["wall_time_s"] = record.wall_time_s;
  row["exit_status"] = record.verdict_holds ? 0 : 1;
  row["reproduce"] = sweep_reproduce(grid, point, run);
  return row;
}

Result<SweepResults> read_sweep_results(const std::string& path) {
  SweepResults out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return out;
  std::string line;
  std::uint64_t offset = 0;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (in.eof()) break;  // no newline: the writer was stopped mid-line; redo that run
    offset += line.size() + 1;
    Ordered row;
    try {
      row = Ordered::parse(line);
    } catch (const Ordered::exception&) {
    }
    if (!row.is_object() || !row.contains("id") || !row["id"].is_string())
      return Error(path + ":" + std::to_string(number) + ": not a sweep row: " + short_text(line, 60));
    out.done.insert(row["id"].get<std::string>());
    out.rows.push_back(std::move(row));
    out.keep_bytes = offset;
  }
  return out;
}

namespace {

void flatten(const Ordered& v, const std::string& name, std::vector<std::pair<std::string, std::string>>& out) {
  if (v.is_object() && !v.empty()) {
    for (const auto& [key, child] : v.items())
      flatten(child, name.empty() ? key : name == "axes" ? key : name + "." + key, out);
    return;
  }
  out.emplace_back(name, v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump());
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string sweep_csv(const std::vector<nlohmann::ordered_json>& rows) {
  std::vector<std::string> columns;
  std::map<std::string, std::size_t> column_of;
  std::vector<std::map<std::size_t, std::string>> cells(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::pair<std::string, std::string>> flat;
    flatten(rows[r], "", flat);
    for (auto& [name, text] : flat) {
      auto [it, added] = column_of.emplace(name, columns.size());
      if (added) columns.push_back(name);
      cells[r][it->second] = std::move(text);
    }
  }
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + csv_field(columns[c]);
  out += "\n";
  for (const auto& row : cells) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto it = row.find(c);
      out += (c ? "," : "") + (it == row.end() ? std::string() : csv_field(it->second));
    }
    out += "\n";
  }
  return out;
}

namespace {

// The run process: one scenario, its row on the pipe, _exit. A run stopped by a signal writes
// nothing (its point is redone on resume) and exits as the shell would report it.
[[noreturn]] void worker_main(int fd, const SweepGrid& grid, const SweepPoint& point,
                              const SweepOptions& options) {
  std::string line;
  try {
    // The planning pass applied the filters and resolved the point; run_scenario resolves again.
    auto scenario = scenario_from_json(point.document, sweep_scenario_path(grid, point));
    RunOptions run = options.run;
    run.fork_simulation = false;  // this process is the isolation, and a second fork costs
    auto record = scenario.ok() ? run_scenario(*scenario, run) : scenario.status();
    if (!record.ok() && interrupting_signal() != 0) ::_exit(128 + interrupting_signal());
    line = (record.ok() ? sweep_row(grid, point, *record, options.run)
                        : sweep_problem_row(grid, point, "error", record.status().message(),
                                            options.run))
               .dump() + "\n";
  } catch (const std::exception& e) {
    line = sweep_problem_row(grid, point, "error", std::string("run failed: ") + e.what(),
                             options.run).dump() + "\n";
  }
  for (std::size_t off = 0; off < line.size();) {
    const ssize_t w = ::write(fd, line.data() + off, line.size() - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) ::_exit(4);
    off += static_cast<std::size_t>(w);
  }
  ::_exit(0);
}

std::string wait_text(int wstatus) {
  if (WIFSIGNALED(wstatus))
    return "the run process was killed by signal " + std::to_string(WTERMSIG(wstatus)) + " (" +
           strsignal(WTERMSIG(wstatus)) + ")";
  return "the run process exited with code " + std::to_string(WEXITSTATUS(wstatus)) +
         " without a result";
}

}  // namespace

Status SweepPool::start(std::uint64_t index) {
  SweepPoint point = sweep_point(grid_, index);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Error(std::string("sweep: pipe failed: ") + std::strerror(errno));
  std::fflush(nullptr);  // or buffered output would be written twice
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Error(std::string("sweep: fork failed: ") + std::strerror(errno));
  }
  if (pid == 0) {
    signals_.restore();
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a sweep killed outright takes its runs with it
    if (::getppid() != parent) ::_exit(5);
    ::close(fds[0]);
    for (const auto& [fd, w] : workers_) ::close(fd);
    worker_main(fds[1], grid_, point, options_);
  }
  ::close(fds[1]);
  workers_[fds[0]] = Worker{pid, std::move(point), {}};
  return {};
}

// A finished worker's row: the line it wrote, or an "error" row saying how it ended. Empty when
// the run was stopped by a signal (no row: the point is redone on resume).
nlohmann::ordered_json SweepPool::reap(Worker& w, int& stop) {
  int wstatus = 0;
  while (::waitpid(w.pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!w.data.empty() && w.data.back() == '\n') {
    try {
      return Ordered::parse(w.data);
    } catch (const Ordered::exception&) {
    }
  }
  // Ended by a stop signal (a terminal's Ctrl-C reaches the whole process group): no row, the
  // point is redone on resume, and the sweep stops as if it had the signal itself.
  const int sig = WIFSIGNALED(wstatus)                                    ? WTERMSIG(wstatus)
                  : WIFEXITED(wstatus) && WEXITSTATUS(wstatus) > 128 ? WEXITSTATUS(wstatus) - 128
                                                                      : 0;
  if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
    stop = stop ? stop : sig;
    return Ordered();
  }
  if (stop) return Ordered();
  Ordered row = sweep_problem_row(grid_, w.point, "error", wait_text(wstatus), options_.run);
  row["exit_status"] = WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
  return row;
}

void SweepPool::kill_all() {
  for (auto& [fd, w] : workers_) {
    ::kill(w.pid, SIGKILL);
    while (::waitpid(w.pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    ::close(fd);
  }
  workers_.clear();
}

std::vector<nlohmann::ordered_json> SweepPool::collect(int timeout_ms, int& stop) {
  std::vector<Ordered> rows;
  std::vector<pollfd> fds;
  for (const auto& [fd, w] : workers_) fds.push_back({fd, POLLIN, 0});
  if (::poll(fds.data(), fds.size(), timeout_ms) <= 0) return rows;  // timeout or EINTR
  char buf[1 << 14];
  for (const auto& p : fds) {
    if (p.revents == 0) continue;
    auto& w = workers_.at(p.fd);
    const ssize_t r = ::read(p.fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r > 0) {
      w.data.append(buf, static_cast<std::size_t>(r));
      continue;
    }
    ::close(p.fd);
    Ordered row = reap(w, stop);
    workers_.erase(p.fd);
    if (!row.is_null()) rows.push_back(std::move(row));
  }
  return rows;
}

void count_sweep_row(const nlohmann::ordered_json& row, const SweepOptions& options,
                     SweepProgress& p) {
  ++p.done;
  const auto status = row.value("status", std::string());
  if (status == "skipped") ++p.skipped;
  if (status == "violated" || status == "error") ++p.failed;
  if (options.on_row) options.on_row(row);
  if (options.on_progress) options.on_progress(p);
}

std::vector<std::uint64_t> plan_sweep(const SweepGrid& grid, const std::set<std::string>& done,
                                      const SweepOptions& options, SweepProgress& progress) {
  progress.total = grid.size();
  // Every point is expanded and checked before the first run: skipped points are rows at once.
  std::vector<std::uint64_t> to_run;
  for (std::uint64_t i = 0; i < progress.total && !stop_signal(); ++i) {
    SweepPoint point = sweep_point(grid, i);
    if (done.count(point.id)) {
      ++progress.resumed;
      continue;
    }
    if (auto s = sweep_scenario(grid, point, options.run); s.ok()) {
      to_run.push_back(i);
    } else {
      ++progress.to_run;  // counted as work of this sweep, done at once
      count_sweep_row(sweep_problem_row(grid, point, "skipped", s.status().message(), options.run),
                      options, progress);
    }
  }
  progress.to_run += to_run.size();
  return to_run;
}

Result<SweepSummary> run_sweep(const SweepGrid& grid, const std::set<std::string>& done,
                               const SweepOptions& options) {
  // SIGINT, SIGTERM and SIGHUP end the sweep between rows instead of the process mid-line.
  StopSignals signals;
  const auto start = std::chrono::steady_clock::now();
  SweepSummary summary;
  auto& progress = summary.progress;
  const std::vector<std::uint64_t> to_run = plan_sweep(grid, done, options, progress);
  SweepPool pool(grid, options, signals);
  const auto jobs = static_cast<std::size_t>(std::max(1, options.jobs));
  int stop = 0;
  for (std::size_t next = 0; (next < to_run.size() || pool.running() > 0);) {
    if (stop_signal() && !stop) stop = stop_signal();
    if (stop) break;
    for (; next < to_run.size() && pool.running() < jobs; ++next)
      SMPC_RETURN_IF_ERROR(pool.start(to_run[next]));
    for (const auto& row : pool.collect(100, stop)) count_sweep_row(row, options, progress);
    progress.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  pool.kill_all();
  summary.signal = stop ? stop : stop_signal();
  return summary;
}

}  // namespace smpc
