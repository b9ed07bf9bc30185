# FROST signing: one signer's round-two CPU time in a 667-of-1000 group (bench/frost_bench.cpp).
# Run: build/release/bench/frost_bench
add_executable(frost_bench ${CMAKE_CURRENT_LIST_DIR}/frost_bench.cpp)
target_link_libraries(frost_bench PRIVATE smpc::protocols benchmark::benchmark)
smpc_target_options(frost_bench)
