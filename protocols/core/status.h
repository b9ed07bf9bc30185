// Status and Result<T>: the return type of everything that can fail on user input (scenario
// files, circuit files, command lines). Peer misbehaviour inside a protocol is an Abort instead
// (abort.h); our own bugs are SMPC_ASSERT.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace smpc {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return !message_.has_value(); }
  const std::string& message() const {
    static const std::string kOk = "ok";
    return message_ ? *message_ : kOk;
  }
  // Adds context in front: "file.json: " + message.
  Status with_prefix(const std::string& prefix) const {
    return ok() ? *this : Status(prefix + *message_);
  }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

inline Status OkStatus() { return Status(); }
inline Status Error(std::string message) { return Status::Error(std::move(message)); }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    if (std::get<Status>(data_).ok()) data_ = Status::Error("internal: Result from ok Status");
  }
  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? OkStatus() : std::get<Status>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace smpc

// For our own invariants only; never for data from a file or a peer.
#define SMPC_ASSERT(cond)                                                                    \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "%s:%d: internal error: assertion '%s' failed\n", __FILE__,     \
                   __LINE__, #cond);                                                         \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

#define SMPC_CONCAT_INNER(a, b) a##b
#define SMPC_CONCAT(a, b) SMPC_CONCAT_INNER(a, b)

// SMPC_RETURN_IF_ERROR(expr): returns the Status of expr when it is an error.
#define SMPC_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::smpc::Status smpc_status_ = (expr);        \
    if (!smpc_status_.ok()) return smpc_status_; \
  } while (0)

// SMPC_ASSIGN_OR_RETURN(lhs, expr): lhs = value of the Result, or return its Status.
#define SMPC_ASSIGN_OR_RETURN(lhs, expr)                                  \
  auto SMPC_CONCAT(smpc_result_, __LINE__) = (expr);                      \
  if (!SMPC_CONCAT(smpc_result_, __LINE__).ok())                          \
    return SMPC_CONCAT(smpc_result_, __LINE__).status();                  \
  lhs = std::move(SMPC_CONCAT(smpc_result_, __LINE__)).value()
