// Values quoted in error messages: every layer that names a bad value says it the same short
// way, so a 20,000-character value (or a 64 MiB array) is never printed whole.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace smpc {

// Text cut to at most `max` bytes (at a UTF-8 boundary), "…" marking the cut.
std::string short_text(const std::string& text, std::size_t max = 80);

// A value's JSON text cut the same way; a long array or object is never serialised whole.
std::string short_json(const nlohmann::json& value, std::size_t max = 80);

// A number as a user would write it: 0 -> "0", 0.5 -> "0.5", 125000000 -> "125000000" (an
// integral value below 1e15 in full, any other in %g's six significant digits), so bounds and
// durations in messages read as the scenario wrote them.
std::string number_text(double v);

// The shortest %g text that reads back as exactly v (1 -> "1", 1e-5 -> "1e-05",
// 9.8336130003e-07 in full): for stated guarantees, where rounding could understate a bound.
std::string exact_number_text(double v);

}  // namespace smpc
