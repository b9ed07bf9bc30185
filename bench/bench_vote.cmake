# Voting at scale: a whole election on the simulator and the public tally check
# (bench/vote_bench.cpp). Run: build/release/bench/vote_bench
add_executable(vote_bench ${CMAKE_CURRENT_LIST_DIR}/vote_bench.cpp)
target_link_libraries(vote_bench PRIVATE smpc::scenarios smpc::verify benchmark::benchmark)
smpc_target_options(vote_bench)
