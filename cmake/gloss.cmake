# gloss: the glossing engine, the document model, renderers, config, the
# public API and the command-line program; end-to-end tests.
target_sources(degloss PRIVATE
  src/gloss.c src/gloss_doc.c src/gloss_english.c src/gloss_mwe.c
  src/gloss_phrase.c src/gloss_sep.c src/gloss_translate.c
  src/render_common.c src/render_interlinear.c src/render_json.c
  src/render_conllu.c src/render_html.c src/render_tsv.c
  src/config.c)
if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/src/text.h")
  target_sources(degloss PRIVATE src/gloss_input.c src/api.c)
endif()

# The curated multiword list is read at run time from the data directory.
configure_file(dictionaries/mwe.tsv "${DEGLOSS_BUILD_DATA_DIR}/mwe.tsv" COPYONLY)

if(DEGLOSS_TESTS)
  add_executable(test_gloss_render tests/gloss/test_render.c)
  target_link_libraries(test_gloss_render PRIVATE degloss)
  target_include_directories(test_gloss_render PRIVATE src tests/gloss)
  add_test(NAME gloss.render COMMAND test_gloss_render)
endif()
