#include "protocols/core/cost_profile.h"

#include <cmath>

#include "protocols/core/enum_names.h"
#include "protocols/core/json_text.h"

namespace smpc {

const CostProfile& builtin_profile() {
  // Measured with `smpc calibrate` (docs/simulator.md, Computation: machine, load, how to redo).
  static const CostProfile p = [] {
    CostProfile c;
    c.name = "reference";
    c.machine = "AMD EPYC, 2 cores shared with 3 other builds (load average 8.1), 2026-12-03";
    c.ns[static_cast<std::size_t>(*op_from_name("aes_block"))] = 0.519;
    c.ns[static_cast<std::size_t>(*op_from_name("tmmo_hash"))] = 1.4;
    c.ns[static_cast<std::size_t>(*op_from_name("chacha_byte"))] = 0.686;
    c.ns[static_cast<std::size_t>(*op_from_name("blake2b_call"))] = 343.0;
    c.ns[static_cast<std::size_t>(*op_from_name("blake2b_byte"))] = 1.96;
    c.ns[static_cast<std::size_t>(*op_from_name("sha512_call"))] = 305.0;
    c.ns[static_cast<std::size_t>(*op_from_name("sha512_byte"))] = 2.58;
    c.ns[static_cast<std::size_t>(*op_from_name("fp61_mul"))] = 1.82;
    c.ns[static_cast<std::size_t>(*op_from_name("fp61_inv"))] = 198.0;
    c.ns[static_cast<std::size_t>(*op_from_name("scalar_mul"))] = 58915.0;
    c.ns[static_cast<std::size_t>(*op_from_name("base_mul"))] = 19705.0;
    c.ns[static_cast<std::size_t>(*op_from_name("point_add"))] = 15019.0;
    c.ns[static_cast<std::size_t>(*op_from_name("point_decode"))] = 5046.0;
    c.ns[static_cast<std::size_t>(*op_from_name("hash_to_group"))] = 18047.0;
    c.ns[static_cast<std::size_t>(*op_from_name("scalar_op"))] = 105.0;
    c.ns[static_cast<std::size_t>(*op_from_name("scalar_inv"))] = 34787.0;
    c.ns[static_cast<std::size_t>(*op_from_name("transpose_128"))] = 341.0;
    // The transport's per-message work, calibrated later (2026-12-03, process CPU time, load
    // 4.7-9; docs/performance.md, "Computation model").
    c.ns[static_cast<std::size_t>(*op_from_name("message"))] = 2300.0;
    c.ns[static_cast<std::size_t>(*op_from_name("message_byte"))] = 0.33;
    // Gates and fresh buffers, calibrated later still (2026-12-04 17:31 UTC, load 5.1; the
    // six runs that day gave gate_xor 0.69-0.95, gate_and 4.7-6.8, alloc_byte 3.2-4.2 ns). The
    // allocation cost is this VM's: a first touch is a page fault trapped by the hypervisor,
    // ~14 µs a 4 KiB page (docs/performance.md, "Computation model").
    c.ns[static_cast<std::size_t>(*op_from_name("gate_xor"))] = 0.69;
    c.ns[static_cast<std::size_t>(*op_from_name("gate_and"))] = 5.1;
    c.ns[static_cast<std::size_t>(*op_from_name("alloc_byte"))] = 3.4;
    return c;
  }();
  return p;
}

Result<CostProfile> profile_from_json(const nlohmann::json& j) {
  if (!j.is_object()) return Error("/: a cost profile is a JSON object, got " + short_json(j));
  CostProfile p;
  p.name = j.value("name", std::string("unnamed"));
  p.machine = j.value("machine", std::string());
  if (!j.contains("ops") || !j["ops"].is_object())
    return Error("/ops: missing: an object of operation -> nanoseconds");
  std::array<bool, kOpCount> seen{};
  for (const auto& [name, v] : j["ops"].items()) {
    const std::string at = "/ops/" + name;
    const auto op = op_from_name(name);
    if (!op) return Error(at + ": unknown operation (see `smpc calibrate`), got \"" + name + "\"");
    if (!v.is_number() || !(v.get<double>() > 0) || !std::isfinite(v.get<double>()))
      return Error(at + ": must be a number of nanoseconds > 0, got " + short_json(v));
    p.ns[static_cast<std::size_t>(*op)] = v.get<double>();
    seen[static_cast<std::size_t>(*op)] = true;
  }
  for (std::size_t i = 0; i < kOpCount; ++i)
    if (!seen[i])
      return Error("/ops/" + std::string(op_name(static_cast<Op>(i))) +
                   ": missing: every operation needs a cost");
  return p;
}

nlohmann::ordered_json profile_json(const CostProfile& p) {
  nlohmann::ordered_json ops = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kOpCount; ++i) ops[std::string(op_name(static_cast<Op>(i)))] = p.ns[i];
  return {{"name", p.name}, {"machine", p.machine}, {"ops", ops}};
}

nlohmann::ordered_json ops_json(const OpCounts& ops) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kOpCount; ++i)
    if (ops.n[i] != 0) j[std::string(op_name(static_cast<Op>(i)))] = ops.n[i];
  return j;
}

Result<OpCounts> ops_from_json(const nlohmann::json& j) {
  OpCounts out;
  for (const auto& [name, v] : j.items()) {
    const auto op = op_from_name(name);
    if (!op || !v.is_number_unsigned()) return Error("ops: bad entry \"" + name + "\"");
    out[*op] = v.get<std::uint64_t>();
  }
  return out;
}

constexpr const char* kComputeModelNames[] = {"none", "ops", "measured"};
const char* compute_model_name(ComputeModel m) { return enum_name(kComputeModelNames, m); }
std::optional<ComputeModel> compute_model_from_name(std::string_view name) {
  return enum_from_name<ComputeModel>(kComputeModelNames, name);
}

namespace {

double speed_of(const ComputeSpec& c, PartyId p) {
  double s = c.speed;
  if (static_cast<std::size_t>(p) < c.party_speed.size()) s *= c.party_speed[static_cast<std::size_t>(p)];
  return s;
}

// `work` seconds at p's usual speed, started at start_s, through p's speed windows: the CPU does
// speed × dt of the profile machine's work in dt, whatever the speed is at that moment.
double through_windows(const ComputeSpec& c, double work, PartyId p, double start_s) {
  const auto at = static_cast<std::size_t>(p);
  if (work <= 0 || at >= c.party_windows.size()) return work;
  const double usual = at < c.party_speed.size() ? c.party_speed[at] : 1.0;
  double t = start_s;
  for (const SpeedWindow& w : c.party_windows[at]) {
    if (w.until_s <= t) continue;
    if (t < w.from_s) {  // the usual speed until the window opens
      if (t + work <= w.from_s) return t + work - start_s;
      work -= w.from_s - t;
      t = w.from_s;
    }
    const double rate = w.speed / usual;  // usual-speed seconds done per second in the window
    if (work <= (w.until_s - t) * rate) return t + work / rate - start_s;
    work -= (w.until_s - t) * rate;
    t = w.until_s;
  }
  return t + work - start_s;
}

}  // namespace

double ComputeSpec::seconds(const OpCounts& ops, PartyId p) const {
  if (model != ComputeModel::kOps) return 0;
  double ns = 0;
  for (std::size_t i = 0; i < kOpCount; ++i) ns += static_cast<double>(ops.n[i]) * profile.ns[i];
  return ns * 1e-9 / speed_of(*this, p);
}

double ComputeSpec::duration(const OpCounts& ops, PartyId p, double start_s) const {
  return through_windows(*this, seconds(ops, p), p, start_s);
}

double ComputeSpec::duration_of_work(double profile_seconds, PartyId p, double start_s) const {
  if (model == ComputeModel::kNone || profile_seconds <= 0) return 0;
  return through_windows(*this, profile_seconds / speed_of(*this, p), p, start_s);
}

}  // namespace smpc
