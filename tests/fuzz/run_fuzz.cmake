# Configures and builds tests/fuzz/project with clang, then runs the fuzzer
# for SECONDS seconds over a corpus seeded with tests/data.
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/project -B ${BINARY_DIR}
          -DCMAKE_BUILD_TYPE=RelWithDebInfo
          -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_C_COMPILER=${CLANG}
          -DKRON_ENGINE_LIB=${ENGINE_LIB}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the fuzz build failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} -j2 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the fuzzer failed")
endif()
file(MAKE_DIRECTORY ${BINARY_DIR}/corpus)
file(GLOB_RECURSE seeds ${SOURCE_DIR}/../data/*)
foreach(seed ${seeds})
  get_filename_component(name ${seed} NAME)
  configure_file(${seed} ${BINARY_DIR}/corpus/${name} COPYONLY)
endforeach()
execute_process(
  COMMAND ${BINARY_DIR}/manifest_fuzz -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=1024
          -max_len=8192 ${BINARY_DIR}/corpus
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the manifest fuzzer found a problem (exit ${rc})")
endif()
