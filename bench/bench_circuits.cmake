# Circuit micro-benchmarks: parse and evaluate ../shared/circuits/bristol/sha256.txt (and a few
# neighbours). Run: build/release/bench/circuit_bench
add_executable(circuit_bench ${CMAKE_CURRENT_LIST_DIR}/circuit_bench.cpp)
target_link_libraries(circuit_bench PRIVATE smpc::circuits benchmark::benchmark)
target_compile_definitions(circuit_bench PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}")
smpc_target_options(circuit_bench)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(circuit_bench PRIVATE -Wno-restrict)  # GCC bug 105329 (false positive)
endif()
