# rep3 benchmarks: 10^5 Z_2^64 multiplications among the three parties and AES-128 in a batch
# of 100 blocks, whole runs over LocalNetwork (the figures docs/performance.md compares with
# MP-SPDZ's replicated-ring and replicated-bin). Run: build/release/bench/rep3_bench
add_executable(rep3_bench ${CMAKE_CURRENT_LIST_DIR}/rep3_bench.cpp)
target_link_libraries(rep3_bench PRIVATE smpc::protocols smpc::circuits smpc::simulator benchmark::benchmark)
target_compile_definitions(rep3_bench PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}")
smpc_target_options(rep3_bench)
