// A message label with the layout of its message, declared next to the label constants
// (protocols/<name>/labels.h): adversary scripts number elements across a message's parts, and
// the layout says which element is which (`smpc list labels`, docs/adversaries.md).
#pragma once

#include <string_view>

namespace smpc {

struct MessageLabel {
  std::string_view name;
  std::string_view layout;  // one line: the parts and their elements, in order
};

}  // namespace smpc
