# protocols/crypto: part of smpc::core (see protocols/core/CMakeLists.txt).
set(SMPC_CRYPTO_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/commit.cpp)
set(SMPC_CRYPTO_DEPS)
