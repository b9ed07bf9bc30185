#include "adversary/lua_program.h"

#include <cstring>
#include <exception>

#include <lua.hpp>

#include "adversary/strategies.h"
#include "protocols/core/field.h"
#include "protocols/core/mutants.h"

namespace smpc {

namespace {

// Lua reports errors by longjmp, which skips C++ destructors. So every function below that
// runs inside a protected call keeps its non-trivial data in LuaState's members (scratch space
// that outlives the jump), never in locals; host calls that may throw catch everything and
// re-raise it only after lua_pcall has returned (LuaState::protect).

// The sandbox, in Lua: run after the libraries are opened, before the program.
constexpr const char* kPrelude = R"lua(
local type, error, sort, rawget, tostring0, getmetatable, setmetatable =
  type, error, table.sort, rawget, tostring, getmetatable, setmetatable
local next0 = next
local rank = {boolean = 1, number = 2, string = 3}
local function before(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return rank[ta] < rank[tb] end
  if ta == "boolean" then return (not a) and b end
  return a < b
end
-- Hash order depends on addresses and a per-process seed: pairs visits keys in sorted order.
function pairs(t)
  local keys = {}
  for k in next0, t do
    if rank[type(k)] == nil then
      error("pairs: in an adversary program table keys must be booleans, numbers or strings " ..
            "(the order of other keys would depend on addresses)", 2)
    end
    keys[#keys + 1] = k
  end
  sort(keys, before)
  local i = 0
  return function()
    i = i + 1
    local k = keys[i]
    if k ~= nil then return k, rawget(t, k) end
  end, t, nil
end
function tostring(v)
  local ty = type(v)
  if ty == "table" or ty == "function" or ty == "thread" or ty == "userdata" then return ty end
  return tostring0(v)
end
local rep, memory_limit = string.rep, adv.memory_limit
-- string.rep("", 1e18) loops unmetered in C: empty results are answered here, and a result
-- beyond the memory budget is refused with the budget's name before Lua tries.
string.rep = function(s, n, sep)
  s, sep = tostring0(s), tostring0(sep or "")
  if #s + #sep == 0 or n <= 0 then return "" end
  if (#s + #sep) * n > memory_limit then
    error("memory limit: string.rep would build " .. string.format("%.0f", (#s + #sep) * n) ..
          " bytes, beyond the memory limit of " .. (memory_limit // 1048576) ..
          " MiB per corrupted party", 2)
  end
  return rep(s, n, sep)
end
local banned = " is not available in the adversary sandbox (no io, os, package loading, " ..
               "bytecode or debug)"
for _, lib in ipairs({"io", "os", "package", "debug", "coroutine"}) do
  _G[lib] = setmetatable({}, {
    __index = function(_, k) error(lib .. "." .. tostring0(k) .. banned, 2) end,
    __newindex = function(_, k) error(lib .. "." .. tostring0(k) .. banned, 2) end,
    __metatable = false})
end
for _, f in ipairs({"require", "load", "loadfile", "dofile", "collectgarbage", "print",
                    "xpcall", "warn", "next"}) do
  _G[f] = function() error(f .. banned, 2) end
end
for _, f in ipairs({"dump", "find", "match", "gmatch", "gsub"}) do
  string[f] = function() error("string." .. f .. banned .. "; pattern matching backtracks " ..
                               "unmetered", 2) end
end
table.move = function() error("table.move" .. banned, 2) end
math.random = function() error("math.random" .. banned .. ": use adv.random(n)", 2) end
math.randomseed = math.random
)lua";

constexpr int kHookEvery = 1000;  // instructions between two count-hook calls

class LuaState {
 public:
  LuaState(std::string name, LuaLimits limits);
  ~LuaState() {
    if (L_) lua_close(L_);
  }
  LuaState(const LuaState&) = delete;
  LuaState& operator=(const LuaState&) = delete;

  // The program's top level, with `adv` describing `setup`.
  void load(const std::string& source, const ProgramSetup& setup);
  void on_send(Outgoing& out, ProgramHost& host);
  std::optional<std::vector<std::uint64_t>> input(const ProgramSetup& setup,
                                                  const std::vector<std::uint64_t>& honest,
                                                  Rng& rng);
  nlohmann::json about();
  bool has_on_send();

  static LuaState& of(lua_State* L) { return **static_cast<LuaState**>(lua_getextraspace(L)); }

  // Scratch space for the protected functions (see the comment at the top).
  std::string name_;
  LuaLimits limits_;
  std::size_t used_ = 0;
  std::uint64_t executed_ = 0;
  bool memory_hit_ = false;
  bool instructions_hit_ = false;
  ProgramHost* host_ = nullptr;
  Rng* rng_ = nullptr;
  std::exception_ptr host_error_;
  std::string problem_;  // a conversion error found in protected code
  const std::string* source_ = nullptr;
  const ProgramSetup* setup_ = nullptr;
  Outgoing* out_ = nullptr;
  std::optional<Message> reply_;
  bool drop_ = false;
  Bytes scratch_;
  std::vector<MessagePart> parts_;
  std::vector<ViewEntry> view_;
  std::vector<std::optional<Message>> view_messages_;
  const std::vector<std::uint64_t>* honest_ = nullptr;
  std::optional<std::vector<std::uint64_t>> chosen_;
  nlohmann::json about_;
  bool has_on_send_ = false;
  std::string chunk_name_;  // "@" + name_: Lua prefixes its messages with the name

 private:
  void protect(lua_CFunction fn);
  [[noreturn]] void fail(int status);
  static void* alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize);
  static void hook(lua_State* L, lua_Debug* ar);
  lua_State* L_ = nullptr;
};

void* LuaState::alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
  auto& self = *static_cast<LuaState*>(ud);
  const std::size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    std::free(ptr);
    self.used_ -= old;
    return nullptr;
  }
  // Seeded bug M45: the limit is not enforced.
  if (nsize > old && self.used_ - old + nsize > self.limits_.memory_bytes &&
      !mutant_active(Mutant::kM45)) {
    self.memory_hit_ = true;
    return nullptr;  // Lua raises its memory error
  }
  void* p = std::realloc(ptr, nsize);
  if (p) self.used_ = self.used_ - old + nsize;
  return p;
}

void LuaState::hook(lua_State* L, lua_Debug*) {
  LuaState& self = of(L);
  self.executed_ += kHookEvery;
  if (self.executed_ <= self.limits_.instructions) return;
  self.instructions_hit_ = true;
  luaL_error(L, "instruction limit reached");
}

// pcall that a limit passes through: a program must not catch its own budget's end.
int sandboxed_pcall(lua_State* L) {
  luaL_checkany(L, 1);
  const int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  const LuaState& self = LuaState::of(L);
  if (self.memory_hit_ || self.instructions_hit_ || self.host_error_) return lua_error(L);
  lua_pushboolean(L, status == LUA_OK);
  lua_insert(L, 1);
  return status == LUA_OK ? lua_gettop(L) : 2;
}

std::uint64_t field_arg(lua_State* L, int i) {
  const lua_Integer v = luaL_checkinteger(L, i);
  if (v < 0 || static_cast<std::uint64_t>(v) >= Fp61::kModulus)
    luaL_error(L, "argument %d: %I is not a field61 element (0 <= v < 2^61 - 1)", i, v);
  return static_cast<std::uint64_t>(v);
}

template <typename Op>
int field_op(lua_State* L, Op op) {
  const Fp61 a = Fp61::from_u64(field_arg(L, 1));
  const Fp61 b = lua_gettop(L) >= 2 ? Fp61::from_u64(field_arg(L, 2)) : Fp61::from_u64(0);
  lua_pushinteger(L, static_cast<lua_Integer>(op(a, b).value()));
  return 1;
}

int adv_fadd(lua_State* L) { return field_op(L, [](Fp61 a, Fp61 b) { return a + b; }); }
int adv_fsub(lua_State* L) { return field_op(L, [](Fp61 a, Fp61 b) { return a - b; }); }
int adv_fmul(lua_State* L) { return field_op(L, [](Fp61 a, Fp61 b) { return a * b; }); }
int adv_fneg(lua_State* L) { return field_op(L, [](Fp61 a, Fp61) { return -a; }); }
int adv_finv(lua_State* L) { return field_op(L, [](Fp61 a, Fp61) { return a.inverse(); }); }

int adv_random(lua_State* L) {
  const lua_Integer n = luaL_checkinteger(L, 1);
  if (n <= 0) return luaL_error(L, "adv.random(n): n must be >= 1, got %I", n);
  LuaState& self = LuaState::of(L);
  if (!self.rng_) return luaL_error(L, "adv.random: only inside on_send and input");
  lua_pushinteger(L, static_cast<lua_Integer>(self.rng_->uniform_below(static_cast<std::uint64_t>(n))));
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Messages to Lua: {parts = {{kind = "field61", values = {...}}, ...}} or {raw = "bytes"}.

void push_part(lua_State* L, const MessagePart& part) {
  lua_createtable(L, 0, 2);
  lua_pushstring(L, element_kind_name(part.kind));
  lua_setfield(L, -2, "kind");
  lua_createtable(L, static_cast<int>(std::min<std::uint32_t>(part.count, 1 << 20)), 0);
  const std::size_t size = element_size(part.kind);
  for (std::uint32_t i = 0; i < part.count; ++i) {
    const std::uint8_t* at = part.data.data() + i * size;
    switch (part.kind) {
      case ElementKind::kField61:
      case ElementKind::kRing64: lua_pushinteger(L, static_cast<lua_Integer>(load_le64(at))); break;
      case ElementKind::kBit: lua_pushinteger(L, (part.data[i / 8] >> (i % 8)) & 1); break;
      case ElementKind::kByte: lua_pushinteger(L, *at); break;
      default: lua_pushlstring(L, reinterpret_cast<const char*>(at), size);
    }
    lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
  }
  lua_setfield(L, -2, "values");
}

void push_message(lua_State* L, const Message& m) {
  lua_createtable(L, 0, 5);
  if (m.is_raw()) {
    LuaState::of(L).scratch_ = m.encode();
    const Bytes& wire = LuaState::of(L).scratch_;
    lua_pushlstring(L, reinterpret_cast<const char*>(wire.data()), wire.size());
    lua_setfield(L, -2, "raw");
    return;
  }
  lua_createtable(L, static_cast<int>(m.parts().size()), 0);
  for (std::size_t i = 0; i < m.parts().size(); ++i) {
    push_part(L, m.parts()[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
  }
  lua_setfield(L, -2, "parts");
}

void set_int(lua_State* L, const char* key, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, key);
}

void set_string(lua_State* L, const char* key, const std::string& v) {
  lua_pushlstring(L, v.data(), v.size());
  lua_setfield(L, -2, key);
}

// ---------------------------------------------------------------------------------------------
// Messages from Lua. Only raw accesses (no metamethods, no allocation); problems go to
// problem_ and the function returns false.

bool kind_named(const char* name, ElementKind& kind) {
  for (int k = 1; k <= 7; ++k)
    if (std::strcmp(element_kind_name(static_cast<ElementKind>(k)), name) == 0) {
      kind = static_cast<ElementKind>(k);
      return true;
    }
  return false;
}

bool read_element(lua_State* L, ElementKind kind, std::uint32_t i, Bytes& data) {
  LuaState& self = LuaState::of(L);
  const std::size_t size = element_size(kind);
  if (size == 16 || size == 32) {
    std::size_t len = 0;
    const char* s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : nullptr;
    if (!s || len != size) {
      self.problem_ = "must be a string of " + std::to_string(size) + " bytes";
      return false;
    }
    data.insert(data.end(), s, s + size);
    return true;
  }
  int exact = 0;
  const lua_Integer v = lua_isinteger(L, -1) ? lua_tointegerx(L, -1, &exact) : 0;
  const auto u = static_cast<std::uint64_t>(v);
  const bool ok = exact && (kind == ElementKind::kRing64 ||
                            (kind == ElementKind::kField61 && v >= 0 && u < Fp61::kModulus) ||
                            (kind == ElementKind::kBit && (v == 0 || v == 1)) ||
                            (kind == ElementKind::kByte && v >= 0 && v < 256));
  if (!ok) {
    self.problem_ = std::string("must be an integer ") +
                    (kind == ElementKind::kField61 ? "0 <= v < 2^61 - 1"
                     : kind == ElementKind::kBit   ? "0 or 1"
                     : kind == ElementKind::kByte  ? "0..255"
                                                   : "(any 64-bit value)");
    return false;
  }
  if (kind == ElementKind::kBit) {
    if (i % 8 == 0) data.push_back(0);
    data.back() |= static_cast<std::uint8_t>(v << (i % 8));
  } else if (kind == ElementKind::kByte) {
    data.push_back(static_cast<std::uint8_t>(v));
  } else {
    data.resize(data.size() + 8);
    store_le64(data.data() + data.size() - 8, u);
  }
  return true;
}

bool part_problem(lua_State* L, std::size_t index, const std::string& what) {
  LuaState::of(L).problem_ = "part " + std::to_string(index + 1) + what;
  return false;
}

// The part table on top of the stack into self.parts_ (no C++ locals: see the top).
bool read_part(lua_State* L, std::size_t index) {
  LuaState& self = LuaState::of(L);
  if (lua_type(L, -1) != LUA_TTABLE) return part_problem(L, index, " is not a table");
  lua_pushliteral(L, "kind");
  lua_rawget(L, -2);
  ElementKind kind{};
  const bool known = lua_type(L, -1) == LUA_TSTRING && kind_named(lua_tostring(L, -1), kind);
  lua_pop(L, 1);
  if (!known)
    return part_problem(L, index, ": kind must be one of field61, ring64, bit, block128, point, "
                                  "byte, field127");
  lua_pushliteral(L, "values");
  lua_rawget(L, -2);
  if (lua_type(L, -1) != LUA_TTABLE) return part_problem(L, index, ": values must be a list");
  const lua_Unsigned n = lua_rawlen(L, -1);
  if (n > 0xffffffffu) return part_problem(L, index, ": too many values");
  self.scratch_.clear();
  for (lua_Unsigned i = 0; i < n; ++i) {
    lua_rawgeti(L, -1, static_cast<lua_Integer>(i) + 1);
    const bool ok = read_element(L, kind, static_cast<std::uint32_t>(i), self.scratch_);
    lua_pop(L, 1);
    if (!ok) return part_problem(L, index, ", value " + std::to_string(i + 1) + " " + self.problem_);
  }
  lua_pop(L, 1);
  self.parts_.push_back(MessagePart{kind, static_cast<std::uint32_t>(n), self.scratch_});
  return true;
}

// The message table at the top of the stack into self.reply_.
bool read_message(lua_State* L) {
  LuaState& self = LuaState::of(L);
  if (lua_type(L, -1) != LUA_TTABLE)
    return self.problem_ = "on_send must return nil (unchanged), false (not sent) or a message "
                           "table, got a " + std::string(luaL_typename(L, -1)),
           false;
  lua_pushliteral(L, "raw");
  lua_rawget(L, -2);
  if (lua_type(L, -1) == LUA_TSTRING) {
    std::size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    self.reply_ = Message::raw(Bytes(s, s + len));
    lua_pop(L, 1);
    return true;
  }
  lua_pop(L, 1);
  lua_pushliteral(L, "parts");
  lua_rawget(L, -2);
  if (lua_type(L, -1) != LUA_TTABLE)
    return self.problem_ = "a message table needs parts = {...} or raw = \"bytes\"", false;
  const lua_Unsigned n = lua_rawlen(L, -1);
  if (n > 255) return self.problem_ = "a message has at most 255 parts", false;
  self.parts_.clear();
  for (lua_Unsigned i = 0; i < n; ++i) {
    lua_rawgeti(L, -1, static_cast<lua_Integer>(i) + 1);
    if (!read_part(L, i)) return false;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  self.reply_ = Message();
  for (auto& p : self.parts_) self.reply_->add_part(std::move(p));
  return true;
}

// ---------------------------------------------------------------------------------------------
// adv.* functions that reach the party (only during on_send).

ProgramHost& host_of(lua_State* L, const char* fn) {
  LuaState& self = LuaState::of(L);
  if (!self.host_) luaL_error(L, "adv.%s: only inside on_send", fn);
  return *self.host_;
}

int adv_view(lua_State* L) {
  LuaState& self = LuaState::of(L);
  ProgramHost& host = host_of(L, "view");
  try {
    self.view_ = host.joint_view();
    self.view_messages_.clear();
    for (const auto& e : self.view_) {
      auto m = Message::decode(e.wire);
      self.view_messages_.push_back(m.ok() ? std::optional<Message>(std::move(m).value())
                                           : std::optional<Message>(Message::raw(e.wire)));
    }
  } catch (...) {
    self.host_error_ = std::current_exception();
  }
  if (self.host_error_) return luaL_error(L, "adv.view failed");
  lua_createtable(L, static_cast<int>(self.view_.size()), 0);
  for (std::size_t i = 0; i < self.view_.size(); ++i) {
    push_message(L, *self.view_messages_[i]);
    set_int(L, "from", self.view_[i].from);
    set_int(L, "to", self.view_[i].to);
    set_int(L, "round", self.view_[i].round);
    set_string(L, "label", self.view_[i].label);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
  }
  return 1;
}

int adv_rush(lua_State* L) {
  LuaState& self = LuaState::of(L);
  const lua_Number window = luaL_optnumber(L, 1, 1.0);
  if (!(window >= 0 && window <= 1e6))
    return luaL_error(L, "adv.rush(window_s): window_s must be in [0, 1e6] simulated seconds");
  ProgramHost& host = host_of(L, "rush");
  try {
    host.rush(window);
  } catch (...) {
    self.host_error_ = std::current_exception();
  }
  if (self.host_error_) return luaL_error(L, "adv.rush: the party stopped while waiting");
  return 0;
}

int adv_abort_to(lua_State* L) {
  LuaState& self = LuaState::of(L);
  ProgramHost& host = host_of(L, "abort_to");
  luaL_checktype(L, 1, LUA_TTABLE);
  const lua_Unsigned n = lua_rawlen(L, 1);
  for (lua_Unsigned i = 1; i <= n; ++i) {
    lua_rawgeti(L, 1, static_cast<lua_Integer>(i));
    const lua_Integer p = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : -1;
    lua_pop(L, 1);
    if (p < 0 || p >= host.party_count())
      return luaL_error(L, "adv.abort_to: entry %d is not a party number", static_cast<int>(i));
  }
  try {
    std::vector<PartyId> recipients;
    for (lua_Unsigned i = 1; i <= n; ++i) {
      lua_rawgeti(L, 1, static_cast<lua_Integer>(i));
      recipients.push_back(static_cast<PartyId>(lua_tointeger(L, -1)));
      lua_pop(L, 1);
    }
    host.abort_to(recipients);
  } catch (...) {
    self.host_error_ = std::current_exception();
  }
  if (self.host_error_) return luaL_error(L, "adv.abort_to failed");
  return 0;
}

// ---------------------------------------------------------------------------------------------
// JSON (parameters, `about`) across the boundary. Depth-limited: both come from files.

constexpr int kMaxDepth = 16;

void push_json(lua_State* L, const nlohmann::json& j, int depth) {
  if (depth > kMaxDepth) luaL_error(L, "adversary params nest deeper than %d levels", kMaxDepth);
  if (j.is_boolean()) return lua_pushboolean(L, j.get<bool>());
  if (j.is_number_integer()) return (void)lua_pushinteger(L, j.get<lua_Integer>());
  if (j.is_number()) return lua_pushnumber(L, j.get<double>());
  if (j.is_string()) {
    const auto& text = j.get_ref<const std::string&>();
    return (void)lua_pushlstring(L, text.data(), text.size());
  }
  if (!j.is_structured()) return lua_pushnil(L);
  lua_createtable(L, 0, 0);
  if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      push_json(L, j[i], depth + 1);
      lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
    }
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    lua_pushlstring(L, it.key().data(), it.key().size());
    push_json(L, it.value(), depth + 1);
    lua_rawset(L, -3);
  }
}

// The value on top of the stack as JSON: raw traversal only (lua_next, typed reads), which
// cannot raise a Lua error, so the C++ values here are safe.
nlohmann::json to_json(lua_State* L, int depth) {
  switch (lua_type(L, -1)) {
    case LUA_TBOOLEAN: return lua_toboolean(L, -1) != 0;
    case LUA_TNUMBER:
      return lua_isinteger(L, -1) ? nlohmann::json(lua_tointeger(L, -1))
                                  : nlohmann::json(lua_tonumber(L, -1));
    case LUA_TSTRING: return lua_tostring(L, -1);
    case LUA_TTABLE: break;
    default: return nullptr;
  }
  if (depth > kMaxDepth) return nullptr;
  const lua_Unsigned n = lua_rawlen(L, -1);
  nlohmann::json out = n > 0 ? nlohmann::json::array() : nlohmann::json::object();
  if (!lua_checkstack(L, 3)) return nullptr;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    if (n > 0 && lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 &&
        static_cast<lua_Unsigned>(lua_tointeger(L, -2)) <= n) {
      const auto i = static_cast<std::size_t>(lua_tointeger(L, -2)) - 1;
      if (out.size() <= i) out.get_ref<nlohmann::json::array_t&>().resize(i + 1);
      out[i] = to_json(L, depth + 1);
    } else if (n == 0 && lua_type(L, -2) == LUA_TSTRING) {
      out[lua_tostring(L, -2)] = to_json(L, depth + 1);
    }
    lua_pop(L, 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The protected bodies: each reads its arguments from LuaState's members.

int t_open(lua_State* L) {
  static const luaL_Reg kLibs[] = {{LUA_GNAME, luaopen_base},       {LUA_TABLIBNAME, luaopen_table},
                                   {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
                                   {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (const auto& lib : kLibs) {
    luaL_requiref(L, lib.name, lib.func, 1);
    lua_pop(L, 1);
  }
  lua_pushcfunction(L, sandboxed_pcall);
  lua_setglobal(L, "pcall");
  static const luaL_Reg kAdv[] = {{"fadd", adv_fadd},   {"fsub", adv_fsub},     {"fmul", adv_fmul},
                                  {"fneg", adv_fneg},   {"finv", adv_finv},     {"random", adv_random},
                                  {"view", adv_view},   {"rush", adv_rush},     {"abort_to", adv_abort_to},
                                  {nullptr, nullptr}};
  luaL_newlib(L, kAdv);
  set_int(L, "P", static_cast<lua_Integer>(Fp61::kModulus));
  set_int(L, "memory_limit", static_cast<lua_Integer>(LuaState::of(L).limits_.memory_bytes));
  lua_setglobal(L, "adv");
  if (luaL_loadbufferx(L, kPrelude, std::strlen(kPrelude), "=sandbox", "t") != LUA_OK)
    return lua_error(L);
  lua_call(L, 0, 0);
  return 0;
}

int t_load(lua_State* L) {
  LuaState& self = LuaState::of(L);
  const ProgramSetup& setup = *self.setup_;
  lua_getglobal(L, "adv");
  set_int(L, "party", setup.party);
  set_int(L, "parties", setup.parties);
  lua_createtable(L, static_cast<int>(setup.coalition.size()), 0);
  for (std::size_t i = 0; i < setup.coalition.size(); ++i) {
    lua_pushinteger(L, setup.coalition[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
  }
  lua_setfield(L, -2, "coalition");
  push_json(L, setup.params, 0);
  lua_setfield(L, -2, "params");
  lua_pop(L, 1);
  if (luaL_loadbufferx(L, self.source_->data(), self.source_->size(), self.chunk_name_.c_str(),
                       "t") != LUA_OK)
    return lua_error(L);
  lua_call(L, 0, 0);
  return 0;
}

int t_send(lua_State* L) {
  LuaState& self = LuaState::of(L);
  const Outgoing& out = *self.out_;
  if (lua_getglobal(L, "on_send") != LUA_TFUNCTION)
    return luaL_error(L, "the program defines no function on_send(msg)");
  push_message(L, out.message);
  set_int(L, "to", out.to);
  set_int(L, "from", self.host_->party());
  set_int(L, "round", out.round);
  lua_pushlstring(L, out.label.data(), out.label.size());
  lua_setfield(L, -2, "label");
  lua_call(L, 1, 1);
  self.reply_.reset();
  self.drop_ = lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1);
  if (lua_isnil(L, -1) || self.drop_) return 0;
  read_message(L);
  return 0;
}

int t_input(lua_State* L) {
  LuaState& self = LuaState::of(L);
  self.chosen_.reset();
  if (lua_getglobal(L, "input") != LUA_TFUNCTION) return 0;
  lua_pushinteger(L, self.setup_->party);
  lua_createtable(L, static_cast<int>(self.honest_->size()), 0);
  for (std::size_t i = 0; i < self.honest_->size(); ++i) {
    lua_pushinteger(L, static_cast<lua_Integer>((*self.honest_)[i]));
    lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
  }
  lua_call(L, 2, 1);
  if (lua_isnil(L, -1)) return 0;
  if (lua_type(L, -1) != LUA_TTABLE)
    return luaL_error(L, "input(party, values) must return nil or a list of values");
  self.chosen_.emplace();
  const lua_Unsigned n = lua_rawlen(L, -1);
  for (lua_Unsigned i = 1; i <= n; ++i) {
    lua_rawgeti(L, -1, static_cast<lua_Integer>(i));
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0)
      return luaL_error(L, "input(): value %d is not an integer >= 0", static_cast<int>(i));
    self.chosen_->push_back(static_cast<std::uint64_t>(lua_tointeger(L, -1)));
    lua_pop(L, 1);
  }
  return 0;
}

int t_about(lua_State* L) {
  LuaState& self = LuaState::of(L);
  lua_pushglobaltable(L);
  lua_pushliteral(L, "about");
  lua_rawget(L, -2);
  self.about_ = lua_type(L, -1) == LUA_TTABLE ? to_json(L, 0) : nlohmann::json::object();
  lua_pushliteral(L, "on_send");
  lua_rawget(L, -3);
  self.has_on_send_ = lua_type(L, -1) == LUA_TFUNCTION;
  return 0;
}

// ---------------------------------------------------------------------------------------------

LuaState::LuaState(std::string name, LuaLimits limits)
    : name_(std::move(name)), limits_(limits), chunk_name_("@" + name_) {
  L_ = lua_newstate(&LuaState::alloc, this);
  if (!L_) throw ProgramError("adversary program " + name_ + ": cannot create a Lua state");
  *static_cast<LuaState**>(lua_getextraspace(L_)) = this;
  lua_sethook(L_, &LuaState::hook, LUA_MASKCOUNT, kHookEvery);
  protect(t_open);
}

void LuaState::protect(lua_CFunction fn) {
  const int top = lua_gettop(L_);
  lua_pushcfunction(L_, fn);
  const int status = lua_pcall(L_, 0, 0, 0);
  if (status != LUA_OK) fail(status);
  lua_settop(L_, top);
}

void LuaState::fail(int status) {
  if (host_error_) {
    auto e = host_error_;
    host_error_ = nullptr;
    std::rethrow_exception(e);
  }
  std::string what;
  if (instructions_hit_)
    what = "stopped at its instruction limit (" + std::to_string(limits_.instructions) +
           " Lua instructions per corrupted party and run; a loop that never ends?)";
  else if (memory_hit_ || status == LUA_ERRMEM)
    what = "stopped at its memory limit (" + std::to_string(limits_.memory_bytes >> 20) +
           " MiB per corrupted party)";
  else
    what = lua_type(L_, -1) == LUA_TSTRING ? lua_tostring(L_, -1) : "(error object is not a string)";
  lua_settop(L_, 0);
  throw ProgramError("adversary program " + name_ + ": " + what);
}

void LuaState::load(const std::string& source, const ProgramSetup& setup) {
  source_ = &source;
  setup_ = &setup;
  protect(t_load);
}

void LuaState::on_send(Outgoing& out, ProgramHost& host) {
  out_ = &out;
  host_ = &host;
  rng_ = &host.rng();
  problem_.clear();
  protect(t_send);
  host_ = nullptr;
  rng_ = nullptr;
  if (!problem_.empty())
    throw ProgramError("adversary program " + name_ + ": on_send's reply to a " +
                       std::string(out.label) + " message: " + problem_);
  if (drop_) out.copies = 0;
  if (reply_) out.message = std::move(*reply_);
}

std::optional<std::vector<std::uint64_t>> LuaState::input(
    const ProgramSetup& setup, const std::vector<std::uint64_t>& honest, Rng& rng) {
  setup_ = &setup;
  honest_ = &honest;
  rng_ = &rng;
  protect(t_input);
  rng_ = nullptr;
  return chosen_;
}

nlohmann::json LuaState::about() {
  protect(t_about);
  return about_;
}

bool LuaState::has_on_send() {
  protect(t_about);
  return has_on_send_;
}

class LuaProgram final : public AdversaryProgram {
 public:
  explicit LuaProgram(std::unique_ptr<LuaState> state) : state_(std::move(state)) {}
  void on_send(Outgoing& out, ProgramHost& host) override { state_->on_send(out, host); }

 private:
  std::unique_ptr<LuaState> state_;
};

class LuaFactory final : public ProgramFactory {
 public:
  LuaFactory(std::string name, std::string source, LuaLimits limits)
      : name_(std::move(name)), source_(std::move(source)), limits_(limits) {}
  std::string name() const override { return name_; }
  std::unique_ptr<AdversaryProgram> make(const ProgramSetup& setup) const override {
    auto state = std::make_unique<LuaState>(name_, limits_);
    state->load(source_, setup);
    return std::make_unique<LuaProgram>(std::move(state));
  }
  std::optional<std::vector<std::uint64_t>> input(const ProgramSetup& setup,
                                                  const std::vector<std::uint64_t>& honest,
                                                  Rng& rng) const override {
    LuaState state(name_, limits_);
    state.load(source_, setup);
    return state.input(setup, honest, rng);
  }

 private:
  std::string name_;
  std::string source_;
  LuaLimits limits_;
};

Status check_params(const std::string& name, const nlohmann::json& about,
                    const nlohmann::json& params) {
  if (!params.is_object()) return Error("/adversary/params: must be an object");
  const auto declared = about.is_object() && about.contains("params") && about["params"].is_object()
                            ? about["params"]
                            : nlohmann::json::object();
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (declared.contains(it.key())) continue;
    std::string known;
    for (auto d = declared.begin(); d != declared.end(); ++d)
      known += (known.empty() ? "" : ", ") + d.key();
    return Error("/adversary/params/" + it.key() + ": program " + name +
                 " declares no parameter \"" + it.key() + "\" (its about.params: " +
                 (known.empty() ? "none" : known) + ")");
  }
  return OkStatus();
}

}  // namespace

Result<std::shared_ptr<const ProgramFactory>> lua_program(std::string name, std::string source,
                                                          const ProgramSetup& setup,
                                                          LuaLimits limits) {
  const nlohmann::json& params = setup.params;
  try {
    LuaState state(name, limits);
    state.load(source, setup);
    const nlohmann::json about = state.about();
    if (!state.has_on_send())
      return Error("/adversary/program: " + name + " defines no function on_send(msg)");
    SMPC_RETURN_IF_ERROR(check_params(name, about, params));
  } catch (const ProgramError& e) {
    return Error(std::string("/adversary/program: ") + e.what());
  }
  return std::shared_ptr<const ProgramFactory>(
      std::make_shared<LuaFactory>(std::move(name), std::move(source), limits));
}

Result<nlohmann::json> lua_program_about(const std::string& name, const std::string& source,
                                         LuaLimits limits) {
  try {
    LuaState state(name, limits);
    ProgramSetup setup;
    state.load(source, setup);
    return state.about();
  } catch (const ProgramError& e) {
    return Error(e.what());
  }
}

}  // namespace smpc
