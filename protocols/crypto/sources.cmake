# protocols/crypto: part of smpc::core (see protocols/core/CMakeLists.txt).
#   commit     hash commitments (BLAKE2b)
#   hash       domain-separated BLAKE2b (libsodium)
#   prg        ChaCha20 keystream PRG (libsodium)
#   ristretto  ristretto255 points and scalars (libsodium)
#   aes        AES-128 / fixed-key π on AES-NI (+ VAES-512 when the CPU has it)
#   tccr_hash  the garbling / OT-extension hash on π (Guo–Katz–Wang–Yu TMMO)
set(SMPC_CRYPTO_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/commit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hash.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prg.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ristretto.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tccr_hash.cpp)
# AES-NI intrinsics need the ISA enabled for these two files only; the VAES kernels inside
# carry their own target attribute and run only after a CPU check (aes.cpp).
set_source_files_properties(
  ${CMAKE_CURRENT_LIST_DIR}/aes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tccr_hash.cpp
  PROPERTIES COMPILE_OPTIONS "-maes;-msse4.1;-mpclmul")
set(SMPC_CRYPTO_DEPS)
