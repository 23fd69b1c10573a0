# Writes the web app's page PAGE, with the reader's style CSS and script JS
# put in place of its /*@READER_CSS@*/ and /*@READER_JS@*/ markers, as a C
# initializer list to OUT (as embed.cmake does for one file);
# run as cmake -DPAGE=... -DCSS=... -DJS=... -DOUT=... -P embed_page.cmake.
file(READ "${PAGE}" _page)
file(READ "${CSS}" _css)
file(READ "${JS}" _js)
string(REPLACE "/*@READER_CSS@*/" "${_css}" _page "${_page}")
string(REPLACE "/*@READER_JS@*/" "${_js}" _page "${_page}")
file(WRITE "${OUT}.html" "${_page}")
execute_process(COMMAND ${CMAKE_COMMAND} -DIN=${OUT}.html -DOUT=${OUT} -P ${CMAKE_CURRENT_LIST_DIR}/embed.cmake
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "embedding ${PAGE} failed")
endif()
