# Install and export: `cmake --install` gives
#   lib/libkron.a + include/kron/*.h           -> kron::engine (C++)
#   lib/libkron_c.so + include/kron.h          -> kron::c (C API)
#   lib/cmake/kron/kronConfig.cmake            -> find_package(kron CONFIG)
#   lib/pkgconfig/kron.pc                      -> pkg-config kron (the C API)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(KRON_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kron)
set(_kron_targets kron_engine)
if(TARGET kron_c)
  list(APPEND _kron_targets kron_c)
  install(FILES ${PROJECT_SOURCE_DIR}/bindings/c/kron.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
install(TARGETS ${_kron_targets} EXPORT kronTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/kron DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT kronTargets NAMESPACE kron:: DESTINATION ${KRON_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kronConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/kronConfig.cmake INSTALL_DESTINATION ${KRON_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/kronConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kronConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/kronConfigVersion.cmake DESTINATION ${KRON_CMAKE_DIR})
configure_file(${CMAKE_CURRENT_LIST_DIR}/kron.pc.in ${CMAKE_CURRENT_BINARY_DIR}/kron.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kron.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The installed-package test: install into a temporary prefix, then build and
# run tests/package (a C scheduler) from a clean directory, via
# find_package(kron CONFIG) and via pkg-config.
if(KRON_BUILD_TESTS AND TARGET kron_c)
  add_test(NAME package.installed_example
    COMMAND ${CMAKE_COMMAND} -E env CMAKE_COMMAND=${CMAKE_COMMAND} CC=${CMAKE_C_COMPILER}
            bash ${PROJECT_SOURCE_DIR}/tests/package/run.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  set_tests_properties(package.installed_example PROPERTIES TIMEOUT 300)
endif()
