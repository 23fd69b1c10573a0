# dist: a corpus over many cores or hosts (doc/scale.md).  tools/degloss-dask
# spreads files over a Dask cluster; the GNU parallel recipes of README run
# degloss on chunks of one input or on files.  Their tests run on loopback
# and are skipped (exit 77) without python3-distributed or parallel.
if(DEGLOSS_TESTS)
  foreach(_what text frames lines scheduler failures)
    add_test(NAME dist.dask_${_what}
             COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/dist/dask_test.py ${_what}
                     $<TARGET_FILE:degloss_cli> ${CMAKE_SOURCE_DIR}/tools/degloss-dask
                     ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/dist/dask_${_what})
    set_tests_properties(dist.dask_${_what} PROPERTIES
      ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}" TIMEOUT 120 LABELS dist
      SKIP_RETURN_CODE 77)
  endforeach()
endif()
if(DEGLOSS_TESTS)
  foreach(_what files pipe)
    add_test(NAME dist.parallel_${_what}
             COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/dist/parallel_test.py ${_what}
                     $<TARGET_FILE:degloss_cli> ${CMAKE_SOURCE_DIR}
                     ${CMAKE_BINARY_DIR}/dist/parallel_${_what})
    set_tests_properties(dist.parallel_${_what} PROPERTIES
      ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}" TIMEOUT 120 LABELS dist
      SKIP_RETURN_CODE 77)
  endforeach()
endif()
