# psi_dh benchmarks: the ristretto255 operations PSI is made of, and whole two-party PSIs of
# n x n elements over LocalNetwork and SimNetwork (n up to 2^16; docs/performance.md).
# Run: build/release/bench/psi_bench
add_executable(psi_bench ${CMAKE_CURRENT_LIST_DIR}/psi_bench.cpp)
target_link_libraries(psi_bench PRIVATE smpc::protocols smpc::simulator benchmark::benchmark)
target_compile_definitions(psi_bench PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}")
smpc_target_options(psi_bench)
