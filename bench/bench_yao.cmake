# Yao / OT benchmarks: half-gates garbling and evaluation of Bristol AES-128 in one thread,
# IKNP OT extension over LocalNetwork (two threads), and AES-128 2PC end to end (LocalNetwork
# and SimNetwork on a LAN). Run: build/release/bench/yao_bench
add_executable(yao_bench ${CMAKE_CURRENT_LIST_DIR}/yao_bench.cpp)
target_link_libraries(yao_bench PRIVATE smpc::protocols smpc::circuits smpc::simulator benchmark::benchmark)
target_compile_definitions(yao_bench PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}")
smpc_target_options(yao_bench)
