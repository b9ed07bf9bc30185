# BGW and Shamir benchmarks: 10^5 multiplications among 3 parties over LocalNetwork (the figure
# docs/performance.md compares with MP-SPDZ), the n-party product chain, and one Shamir sharing
# or reconstruction at n = 3, 10, 100. Run: build/release/bench/bgw_bench
add_executable(bgw_bench ${CMAKE_CURRENT_LIST_DIR}/bgw_bench.cpp)
target_link_libraries(bgw_bench PRIVATE smpc::protocols benchmark::benchmark)
smpc_target_options(bgw_bench)
