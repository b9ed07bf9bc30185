// libsodium's initialisation, once per process for every caller of its primitives (Rng's key
// derivation, ChaCha20, the crypto layer's hashes, AES key and ristretto255). sodium_init()
// picks the CPU's implementations; calling it again takes libsodium's lock, so this wraps it in
// a function-local static, initialised once and thread-safely.
#pragma once

namespace smpc {

void ensure_sodium();

}  // namespace smpc
