# The compute model's counting overhead (protocols/core/ops.h): the cheapest counted primitive
# (an F_p product) with and without its count, the count alone, and every operation's
# calibration kernel (scenarios/calibrate.h). Run: build/test/bench/compute_bench
add_executable(compute_bench ${CMAKE_CURRENT_LIST_DIR}/compute_bench.cpp)
target_link_libraries(compute_bench PRIVATE smpc::scenarios benchmark::benchmark)
smpc_target_options(compute_bench)
