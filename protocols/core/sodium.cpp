#include "protocols/core/sodium.h"

#include <sodium.h>

#include "protocols/core/status.h"

namespace smpc {

void ensure_sodium() {
  static const int ok = sodium_init();  // < 0: libsodium could not initialise; 1: already was
  SMPC_ASSERT(ok >= 0);
}

}  // namespace smpc
