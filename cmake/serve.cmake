# serve: the web app (degloss serve), a local HTTP server on GNU
# libmicrohttpd; the page src/serve/page.html, with the reader's style and
# script (cmake/reader.cmake) put in, is embedded into the library.
include(${CMAKE_CURRENT_LIST_DIR}/reader.cmake)
pkg_check_modules(MHD REQUIRED IMPORTED_TARGET libmicrohttpd)
set(_serve_gen "${CMAKE_BINARY_DIR}/generated/serve")
add_custom_command(OUTPUT "${_serve_gen}/serve_page.inc"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${_serve_gen}"
  COMMAND ${CMAKE_COMMAND} -DPAGE=${CMAKE_SOURCE_DIR}/src/serve/page.html
          -DCSS=${CMAKE_SOURCE_DIR}/src/render/reader.css -DJS=${CMAKE_SOURCE_DIR}/src/render/reader.js
          -DOUT=${_serve_gen}/serve_page.inc -P ${CMAKE_SOURCE_DIR}/cmake/embed_page.cmake
  DEPENDS src/serve/page.html src/render/reader.css src/render/reader.js cmake/embed.cmake
          cmake/embed_page.cmake
  COMMENT "Embedding the web app's page")
target_sources(degloss PRIVATE src/serve/server.c src/serve/request.c src/serve/page.c
               "${_serve_gen}/serve_page.inc")
target_include_directories(degloss PRIVATE src/serve "${_serve_gen}")
target_link_libraries(degloss PUBLIC PkgConfig::MHD)

if(DEGLOSS_TESTS)
  # The server itself: good and bad requests, the schema, 20 clients at once.
  add_test(NAME serve.api
           COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/serve/serve_test.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_SOURCE_DIR}/schema/degloss.schema.json)
  set_tests_properties(serve.api PROPERTIES TIMEOUT 60 LABELS serve)
  # Load: 50 clients at once, no failed request; DEGLOSS_LOAD_SECONDS
  # sets the duration (default 5 s; the issue's figure is 30 s).
  add_test(NAME serve.load COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/serve/load_test.py
                                   $<TARGET_FILE:degloss_cli> 50)
  set_tests_properties(serve.load PROPERTIES TIMEOUT 120 LABELS "serve;load")
  # The page in a real browser (Debian's chromium, headless, over the
  # DevTools protocol); skipped without chromium or python3-websocket.
  add_test(NAME serve.browser
           COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/serve/browser_test.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_BINARY_DIR}/serve-browser ${CMAKE_SOURCE_DIR})
  set_tests_properties(serve.browser PROPERTIES TIMEOUT 90 LABELS serve SKIP_RETURN_CODE 77)
endif()
