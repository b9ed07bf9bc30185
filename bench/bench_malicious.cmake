# Malicious-security benchmarks: SPDZ (trusted-dealer preprocessing) and robust BGW on an inner
# product over LocalNetwork (wall time, multiplications per second) and on SimNetwork (simulated
# time over 50 ms links). Run: build/release/bench/malicious_bench
add_executable(malicious_bench ${CMAKE_CURRENT_LIST_DIR}/malicious_bench.cpp)
target_link_libraries(malicious_bench PRIVATE smpc::protocols smpc::simulator
                                              benchmark::benchmark)
smpc_target_options(malicious_bench)
