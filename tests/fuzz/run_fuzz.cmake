# Configures and builds tests/fuzz/project with clang, then runs each fuzzer
# for at most SECONDS seconds: the manifest reader over tests/data, the schedule
# grammar and fire times over a few schedules, fleet ingest over an NDJSON and a
# List seed (tests/fuzz/fleet-seed*). A fixed seed makes a CI run
# repeatable; longer exploratory runs use the binaries directly (docs/fuzzing.md).
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
# run_fuzzer(NAME CORPUS_DIR MAX_LEN RSS_MB): NAME for SECONDS seconds with a fixed seed.
function(run_fuzzer name corpus max_len rss_mb)
  execute_process(
    COMMAND ${BINARY_DIR}/${name} -seed=1 -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=${rss_mb}
            -max_len=${max_len} ${corpus}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} found a problem (exit ${rc})")
  endif()
endfunction()

# The manifest fuzzer, over tests/data.
file(MAKE_DIRECTORY ${BINARY_DIR}/corpus)
file(GLOB_RECURSE seeds ${SOURCE_DIR}/../data/*)
foreach(seed ${seeds})
  get_filename_component(name ${seed} NAME)
  configure_file(${seed} ${BINARY_DIR}/corpus/${name} COPYONLY)
endforeach()
run_fuzzer(manifest_fuzz ${BINARY_DIR}/corpus 8192 1024)

# The schedule fuzzer, over a corpus seeded with schedules of every form.
file(MAKE_DIRECTORY ${BINARY_DIR}/schedule-corpus)
set(i 0)
foreach(spec "*/5 * * * *" "0 0 29 2 *" "30 2 * * 1-5" "TZ=America/New_York 0 1 * * *"
             "CRON_TZ=Australia/Lord_Howe 15 2 * * *" "@every 1h30m" "@weekly" "0 0 1,15 JAN-JUN MON"
             "*/7 */3 ? * SUN" "TZ=Pacific/Apia 0 12 30 12 *" "1-5/2 4 31 * ?")
  file(WRITE ${BINARY_DIR}/schedule-corpus/seed${i} "${spec}")
  math(EXPR i "${i} + 1")
endforeach()
run_fuzzer(schedule_fuzz ${BINARY_DIR}/schedule-corpus 256 1024)

# The fleet ingest fuzzer, over one NDJSON and one List seed.
file(MAKE_DIRECTORY ${BINARY_DIR}/fleet-corpus)
configure_file(${SOURCE_DIR}/fleet-seed.ndjson ${BINARY_DIR}/fleet-corpus/seed.ndjson COPYONLY)
configure_file(${SOURCE_DIR}/fleet-seed-list.json ${BINARY_DIR}/fleet-corpus/seed-list.json COPYONLY)
run_fuzzer(fleet_ingest_fuzz ${BINARY_DIR}/fleet-corpus 4096 2048)
