# Shared build settings for every smpc target.
function(smpc_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(SMPC_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
    # GCC 12's flow-sensitive middle-end warnings give false positives inside libstdc++ at -O3
    # (e.g. -Wrestrict in std::string concatenation, GCC bug 105329): keep them visible as
    # warnings, but not fatal.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-error=restrict -Wno-error=stringop-overflow
        -Wno-error=stringop-overread -Wno-error=array-bounds -Wno-error=maybe-uninitialized)
    endif()
  endif()
endfunction()

# smpc_library(<folder-name> SOURCES ... DEPS ...) -> target smpc_<name>, alias smpc::<name>.
function(smpc_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(smpc_${name} STATIC ${ARG_SOURCES})
  add_library(smpc::${name} ALIAS smpc_${name})
  target_include_directories(smpc_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(smpc_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  smpc_target_options(smpc_${name})
endfunction()

# smpc_test(<name> SOURCES ... DEPS ... [LABELS ...]): one gtest executable, tests discovered
# individually so ctest -j spreads them over the cores.
function(smpc_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main
                                       rapidcheck rapidcheck_gtest)
  target_compile_definitions(${name} PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}"
                                             SMPC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             SMPC_CLI_PATH="$<TARGET_FILE:smpc>")
  smpc_target_options(${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                       PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()

# smpc_link_cli(<target>): what an executable built from cli/*.cpp links (smpc, and smpc_toy with
# the toy protocol). Open MPI comes first: libsimgrid also exports MPI_Init, MPI_Send, ... (its
# SMPI), and the dynamic linker takes each symbol from the first library in the executable's
# NEEDED list that has it; with libmpi after libsimgrid, `mpirun smpc sweep` called SimGrid's
# MPI_Init and aborted (tests/sweep/sweep_mpi_test.cpp runs the real thing). CMake puts
# transitive shared libraries at the end of the link line, so libmpi is named in the link
# options, which come before every library, and kept although nothing refers to it yet there
# (Debian's GCC links --as-needed).
function(smpc_link_cli target)
  set(MPI_CXX_SKIP_MPICXX ON)
  find_package(MPI REQUIRED COMPONENTS CXX)
  target_link_options(${target} PRIVATE "LINKER:--push-state,--no-as-needed" ${MPI_mpi_LIBRARY}
                      "LINKER:--pop-state")
  target_link_libraries(${target} PRIVATE smpc::scenarios smpc::sweep_mpi smpc::reports
                                          CLI11::CLI11)
endfunction()
