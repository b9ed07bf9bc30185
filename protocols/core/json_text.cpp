#include "protocols/core/json_text.h"

#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <cmath>

namespace smpc {
namespace {

using Json = nlohmann::json;

std::string quoted(const std::string& s) {  // broken UTF-8 (a cut) is replaced, never thrown
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Serialises at most about `budget` characters: a huge array or object is never dumped whole.
void append_short(const Json& v, std::string& out, std::size_t budget) {
  if (out.size() > budget) return;
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    std::size_t n = std::min(s.size(), budget - out.size() + 1);
    while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    out += quoted(s.substr(0, n));
    if (n < s.size()) out.pop_back();  // the string goes on: no closing quote
    return;
  }
  if (!v.is_structured()) {
    out += v.dump();
    return;
  }
  const bool object = v.is_object();
  out += object ? '{' : '[';
  bool first = true;
  for (auto it = v.begin(); it != v.end() && out.size() <= budget; ++it) {
    if (!first) out += ',';
    first = false;
    if (object) out += quoted(it.key()) + ":";
    append_short(*it, out, budget);
  }
  out += object ? '}' : ']';
}

}  // namespace

// Control characters as JSON escapes, so a quoted value never breaks a one-line message.
static std::string escape_controls(const std::string& text, std::size_t max) {
  std::string out;
  for (char c : text) {
    if (out.size() > max) break;  // enough to cut at max
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    }
  }
  return out;
}

std::string short_text(const std::string& raw, std::size_t max) {
  const std::string text = escape_controls(raw, max);
  if (text.size() <= max) return text;
  std::size_t n = max > 3 ? max - 3 : 0;  // "…" takes three bytes
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n) + "…";
}

std::string short_json(const nlohmann::json& value, std::size_t max) {
  std::string out;
  append_short(value, out, max);
  return short_text(out, max);
}

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string exact_number_text(double v) {
  char buf[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

}  // namespace smpc
