# cmake -DTESTS_DIR=<tests> -P checkskips.cmake
# Fails when a test calls QSKIP directly: Qt Test exits 0 after a skip, so ctest would count the
# test as passed. MP2P_REQUIRE (testrequire.h) fails under CI and otherwise exits 77 (skipped).
file(GLOB_RECURSE sources "${TESTS_DIR}/*.cpp" "${TESTS_DIR}/*.h")
set(offenders "")
foreach(f IN LISTS sources)
  if(f MATCHES "/common/testrequire\\.h$")
    continue()
  endif()
  file(STRINGS "${f}" hits REGEX "QSKIP[ \t]*\\(")
  if(hits)
    list(APPEND offenders "${f}")
  endif()
endforeach()
if(offenders)
  list(JOIN offenders "\n  " text)
  message(FATAL_ERROR "QSKIP used directly (use MP2P_REQUIRE from tests/common/testrequire.h, "
                      "and MP2P_TEST_MAIN in place of QTEST_MAIN) in:\n  ${text}")
endif()
message(STATUS "no direct QSKIP in ${TESTS_DIR}")
