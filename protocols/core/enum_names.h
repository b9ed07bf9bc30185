// The names reports, JSON and the CLI give an enum's values: one array of names an enum, in
// value order, and one lookup for all of them instead of a switch an enum. An array has no
// -Wswitch check, so a value added to an enum without its name prints as the `unknown` name:
// add the name with the value (tests/core/enum_names_test.cpp pins the names reports use).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace smpc {

// `names[i]` is the name of E(i), nullptr where no value has the number i.
// The name of `value`; `unknown` for a number the array has no name for (a cast from an
// out-of-range integer).
template <typename E, std::size_t N>
constexpr const char* enum_name(const char* const (&names)[N], E value,
                                const char* unknown = "?") {
  const auto i = static_cast<std::size_t>(value);
  return i < N && names[i] != nullptr ? names[i] : unknown;
}

// The value named `name`, if one is (for parsers that accept exactly the printed names).
template <typename E, std::size_t N>
constexpr std::optional<E> enum_from_name(const char* const (&names)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] != nullptr && name == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace smpc
