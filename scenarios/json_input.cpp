#include "scenarios/json_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

namespace smpc {
namespace {

using Json = nlohmann::json;

std::string mib(std::uint64_t bytes) {
  if (bytes % (1u << 20) != 0) return std::to_string(bytes) + " bytes";
  return std::to_string(bytes >> 20) + " MiB";
}

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// What one value costs in memory, roughly, with glibc malloc on 64-bit: enough to keep the
// whole document within JsonLimits' budget (the bound docs/scenarios.md states).
constexpr std::size_t kMalloc = 16;
constexpr std::size_t kArraySlot = 2 * sizeof(Json);  // a vector's element, capacity doubling
constexpr std::size_t kObjectSlot = 32 + 32 + sizeof(Json) + kMalloc;  // an std::map node
constexpr std::size_t kStringCost = sizeof(std::string) + kMalloc;
constexpr std::size_t kContainerCost = 48 + kMalloc;

std::size_t heap_of_string(const std::string& s) {
  return s.size() > 15 ? s.size() + 1 + kMalloc : 0;  // beyond the small-string buffer
}

// nlohmann's DOM, built through its SAX interface so that the limits hold while parsing (a
// 70,000-level array never exists in memory) and every refusal knows its JSON pointer.
class BoundedDom {
 public:
  BoundedDom(Json& root, const JsonLimits& limits, std::size_t text_size)
      : root_(root), limits_(limits),
        budget_(limits.memory_factor * text_size + limits.memory_floor) {}

  bool null() { return put(Json(nullptr)) != nullptr; }
  bool boolean(bool b) { return put(Json(b)) != nullptr; }
  bool number_integer(std::int64_t v) { return put(Json(v)) != nullptr; }
  bool number_unsigned(std::uint64_t v) { return put(Json(v)) != nullptr; }
  bool number_float(double v, const std::string&) { return put(Json(v)) != nullptr; }
  bool string(std::string& s) {
    if (!length_ok(s, pointer(false))) return false;
    if (!charge(kStringCost + heap_of_string(s))) return false;
    return put(Json(std::move(s))) != nullptr;
  }
  bool binary(Json::binary_t&) { return fail(pointer(false), "binary data is not JSON"); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    const std::string where = pointer(true) + "/" + pointer_token(k);
    if (!length_ok(k, where)) return false;
    if (f.node->contains(k))
      return fail(where, "duplicate key: the object already has it, and JSON does not say "
                         "which of the two values counts");
    if (!charge(kObjectSlot + heap_of_string(k))) return false;
    f.key = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& e) {
    position_ = position;
    if (e.id == 406)  // out_of_range: a number beyond a double (1e400)
      return fail(pointer(false), "number too large for a double, got " + short_text(token, 40));
    syntax_ = e.what();
    return false;
  }

  // Set when parsing stopped: a limit or a value (pointer and problem) or a syntax error.
  std::string problem;
  std::string syntax_;
  std::size_t position_ = 0;

 private:
  struct Frame {
    Json* node;
    std::string key;  // objects: the key of the value being read
  };

  bool fail(const std::string& pointer, const std::string& what) {
    problem = (pointer.empty() ? "/" : abbreviated(pointer)) + ": " + what;
    return false;
  }

  // A 64-level pointer is shown as its first levels, "…" and its last token; a short one whole,
  // but with control characters escaped like every quoted text (a key may hold a newline).
  static std::string abbreviated(const std::string& pointer) {
    if (pointer.size() <= 80) return short_text(pointer, 80);
    std::size_t head = 0;
    for (int levels = 0; levels < 4 && head != std::string::npos; ++levels)
      head = pointer.find('/', head + 1);
    const std::size_t tail = pointer.rfind('/');
    if (head == std::string::npos || head >= tail) return short_text(pointer, 80);
    return short_text(pointer.substr(0, head), 40) + "/…" + short_text(pointer.substr(tail), 40);
  }

  bool length_ok(const std::string& s, const std::string& where) {
    if (s.size() <= limits_.max_string) return true;
    return fail(where, "a string of " + std::to_string(s.size()) + " bytes (the limit is " +
                           std::to_string(limits_.max_string) + "), got " +
                           short_json(Json(s.substr(0, 200))));
  }

  bool charge(std::size_t bytes) {
    used_ += bytes;
    if (used_ <= budget_) return true;
    return fail(pointer(false),
                "too many values for the file's size: holding them would take more than " +
                    mib(budget_) + " (" + std::to_string(limits_.memory_factor) +
                    " × the file size + " + mib(limits_.memory_floor) + ")");
  }

  // The pointer of the value being read (below_open: of the innermost open container).
  std::string pointer(bool below_open) const {
    std::string out;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const bool last = i + 1 == frames_.size();
      if (below_open && last) break;
      const Json& n = *frames_[i].node;
      if (n.is_array()) out += "/" + std::to_string(last ? n.size() : n.size() - 1);
      else out += "/" + pointer_token(frames_[i].key);
    }
    return out;
  }

  Json* put(Json v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.node->is_array()) {
      if (!charge(kArraySlot)) return nullptr;
      f.node->push_back(std::move(v));
      return &f.node->back();
    }
    Json& slot = (*f.node)[f.key];
    slot = std::move(v);
    return &slot;
  }

  bool open(Json container) {
    if (static_cast<int>(frames_.size()) >= limits_.max_depth)
      return fail(pointer(false), "nested deeper than " + std::to_string(limits_.max_depth) +
                                      " arrays and objects");
    if (!charge(kContainerCost)) return false;
    Json* node = put(std::move(container));
    if (!node) return false;
    frames_.push_back({node, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }

  Json& root_;
  const JsonLimits& limits_;
  std::size_t budget_;
  std::size_t used_ = 0;
  std::vector<Frame> frames_;
};

// nlohmann's byte offset as line:column (1-based).
std::string line_col(std::string_view text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      line++;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

// nlohmann's syntax message without its exception prefix, and with the token it quotes
// ("last read: '…'") cut short: it can be a whole 20,000-character string.
std::string syntax_message(const std::string& what) {
  std::string m = what;
  if (auto pos = m.find("parse error"); pos != std::string::npos) m = m.substr(pos);
  const std::string marker = "last read: '";
  if (auto pos = m.find(marker); pos != std::string::npos && m.size() - pos > marker.size() + 40)
    m = m.substr(0, pos + marker.size() + 40) + "…'";
  return m;
}

Result<std::string> read_fd(int fd, const std::string& path, std::uint64_t size_hint,
                            const JsonLimits& limits) {
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(size_hint, limits.max_bytes)));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error(path + ": cannot read the file (" + std::strerror(errno) + ")");
    if (n == 0) return text;
    if (text.size() + static_cast<std::size_t>(n) > limits.max_bytes)
      return Error(path + ": more than " + mib(limits.max_bytes) +
                   ", the limit for a scenario file");
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

Result<std::string> read_input_file(const std::string& path, const JsonLimits& limits) {
  if (path == "-") return read_fd(STDIN_FILENO, "<stdin>", 0, limits);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Error(path + ": cannot open the file (" + std::strerror(errno) + ")");
  struct stat st {};
  Result<std::string> out = Error(path + ": cannot read the file");
  if (::fstat(fd, &st) != 0) {
    out = Error(path + ": cannot read the file (" + std::strerror(errno) + ")");
  } else if (S_ISDIR(st.st_mode)) {
    out = Error(path + ": is a directory, not a file");
  } else if (!S_ISREG(st.st_mode)) {
    out = Error(path + ": not a regular file (a FIFO, device or socket is never read; give a "
                       "file, or - for stdin)");
  } else if (static_cast<std::uint64_t>(st.st_size) > limits.max_bytes) {
    out = Error(path + ": " + std::to_string(st.st_size) + " bytes, more than " +
                mib(limits.max_bytes) + ", the limit for a scenario file");
  } else {
    out = read_fd(fd, path, static_cast<std::uint64_t>(st.st_size), limits);
  }
  ::close(fd);
  return out;
}

Result<Json> parse_json_text(std::string_view text, const std::string& path,
                             const JsonLimits& limits) {
  if (text.size() > limits.max_bytes)
    return Error(path + ": " + std::to_string(text.size()) + " bytes, more than " +
                 mib(limits.max_bytes) + ", the limit for a scenario file");
  Json doc;
  BoundedDom dom(doc, limits, text.size());
  if (Json::sax_parse(text.begin(), text.end(), &dom)) return doc;
  if (!dom.syntax_.empty())
    return Error(path + ":" + line_col(text, dom.position_) +
                 ": JSON syntax error: " + syntax_message(dom.syntax_));
  if (dom.position_ > 0)
    return Error(path + ":" + line_col(text, dom.position_) + ": " + dom.problem);
  return Error(path + ": " + dom.problem);
}

Result<Json> read_json_file(const std::string& path, const JsonLimits& limits) {
  SMPC_ASSIGN_OR_RETURN(std::string text, read_input_file(path, limits));
  return parse_json_text(text, path == "-" ? "<stdin>" : path, limits);
}

}  // namespace smpc
