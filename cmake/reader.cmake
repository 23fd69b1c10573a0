# reader: the style and script of the HTML reader (src/render/reader.css,
# reader.js), embedded into the library for --format html (html.c) and into
# the web app's page (serve.cmake substitutes them into page.html).
set(_reader_gen "${CMAKE_BINARY_DIR}/generated/render")
foreach(_asset css js)
  add_custom_command(OUTPUT "${_reader_gen}/reader_${_asset}.inc"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_reader_gen}"
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/src/render/reader.${_asset}
            -DOUT=${_reader_gen}/reader_${_asset}.inc -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS src/render/reader.${_asset} cmake/embed.cmake
    COMMENT "Embedding the reader's ${_asset}")
endforeach()
target_sources(degloss PRIVATE "${_reader_gen}/reader_css.inc" "${_reader_gen}/reader_js.inc")
target_include_directories(degloss PRIVATE "${_reader_gen}")
