# mt: sentence translation through external MT APIs (issue 6).
# With DEGLOSS_WITH_CURL=OFF only the configuration and a client that reports
# "built without MT support" are built.
# The cache needs no curl: --mt-cache-compact works in every build.
target_sources(degloss PRIVATE src/mt/mt_config.c src/mt/mt_cache.c)
if(DEGLOSS_WITH_CURL)
  target_sources(degloss PRIVATE src/mt/mt.c src/mt/mt_json.c
                 src/mt/mt_deepl.c src/mt/mt_libre.c src/mt/mt_google.c src/mt/mt_openai.c)

  # Benchmark (not a test): bench/mt_bench.sh runs it against the test server.
  add_executable(mt_bench bench/mt_bench.c)
  target_link_libraries(mt_bench PRIVATE degloss_internal)
  set_target_properties(mt_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")

  if(DEGLOSS_TESTS)
    add_executable(test_mt tests/mt/test_mt.c tests/mt/mt_check.c tests/mt/test_mt_client.c
                           tests/mt/test_mt_cache.c)
    target_link_libraries(test_mt PRIVATE degloss_internal degloss_test_harness PkgConfig::JANSSON)
    # Every case gets its own test server on 127.0.0.1 and a free port.
    set(_mt_cases
      config parsers deepl_ok deepl_cache deepl_limits deepl_free_url libre_ok libre_key libre_single libre_error
      google_ok google_daily_quota google_rate_retry openai_ok openai_count_fallback
      retry_429 summary quota_456 breaker retry_500 fail_503 hang drip truncated bad_json wrong_count
      oversized key_echo concurrency dedupe cache_corrupt cache_concurrent cache_compact cache_compact_corrupt
      cache_compact_race tls_verify
      refused verbose_redacts proxy)
    foreach(_c IN LISTS _mt_cases)
      add_test(NAME mt.${_c}
               COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/mt/with_server.py
                       $<TARGET_FILE:test_mt> ${_c})
      set_tests_properties(mt.${_c} PROPERTIES TIMEOUT 60 LABELS mt)
    endforeach()
  endif()
else()
  target_sources(degloss PRIVATE src/mt/mt_off.c)
  if(DEGLOSS_TESTS)
    add_executable(test_mt_off tests/mt/test_mt_off.c)
    target_link_libraries(test_mt_off PRIVATE degloss_internal degloss_test_harness)
    add_test(NAME mt.off COMMAND test_mt_off)
  endif()
endif()

# Command-line tests, once the CLI with MT options (the gloss area) is there.
if(DEGLOSS_WITH_CURL AND DEGLOSS_TESTS)
  foreach(_c ok quota hang badjson cache formats offline keys providers insecure redirect escapes)
    add_test(NAME mt.cli_${_c}
             COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/mt/with_server.py
                     ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/mt/cli_test.py
                     $<TARGET_FILE:degloss_cli> ${_c})
    set_tests_properties(mt.cli_${_c} PROPERTIES TIMEOUT 120 LABELS mt
                         ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
  endforeach()
endif()
