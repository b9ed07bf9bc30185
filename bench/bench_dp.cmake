# Differentially private sums on SPDZ (protocols/dp/binomial.h): the cost of the binomial noise
# generated inside the MPC, per noisy query, 2 parties over LocalNetwork, dealer preprocessing
# included; unbatched (one query per run) and batched (B queries per run).
# Run: build/release/bench/dp_bench
add_executable(dp_bench ${CMAKE_CURRENT_LIST_DIR}/dp_bench.cpp)
target_link_libraries(dp_bench PRIVATE smpc::protocols benchmark::benchmark)
smpc_target_options(dp_bench)
