# morph: sources, generated data and tests of this area (issue 4).
target_sources(degloss PRIVATE
  src/morph.c src/morph_analyze.c src/morph_feats.c src/morph_data.c src/morph_text.c
  src/compound.c)

# The compiler of the paradigm tables, and the mapped file it writes.
add_executable(morph-compile tools/morph-compile.c)
target_link_libraries(morph-compile PRIVATE degloss)
set(DEGLOSS_MORPH_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/morph/paradigms.txt
  ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/morph/closed.tsv)
add_custom_command(
  OUTPUT ${DEGLOSS_BUILD_DATA_DIR}/degloss.morph
  COMMAND morph-compile ${DEGLOSS_MORPH_SOURCES} ${DEGLOSS_BUILD_DATA_DIR}/degloss.morph
  DEPENDS morph-compile ${DEGLOSS_MORPH_SOURCES}
  COMMENT "Compiling the morphology tables (degloss.morph)"
  VERBATIM)
add_custom_target(morph_data ALL DEPENDS ${DEGLOSS_BUILD_DATA_DIR}/degloss.morph)

# A small command-line probe: analyses and splits of the words given.
add_executable(morph-probe tools/morph-probe.c)
target_link_libraries(morph-probe PRIVATE degloss)
