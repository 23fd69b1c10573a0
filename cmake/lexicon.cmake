# lexicon: sources, generated data and tests of this area.
# The lexicon compiler (tools/dgcompile*.c) reads Ding and dictionaries/ and
# writes ${DEGLOSS_BUILD_DATA_DIR}/degloss.lex, which degloss maps at run time.

if(NOT EXISTS "${DEGLOSS_DING}")
  message(FATAL_ERROR
    "The Ding dictionary was not found at DEGLOSS_DING=${DEGLOSS_DING}. "
    "Install the Debian package trans-de-en (tools/install-deps) or configure with "
    "-DDEGLOSS_DING=/path/to/de-en.")
endif()

target_sources(degloss PRIVATE src/lexicon.c src/lexicon_fold.c)

add_executable(dgcompile tools/dgcompile.c tools/dgcompile_ding.c tools/dgcompile_rank.c
               src/util.c src/mapfile.c src/version.c src/lexicon_fold.c)
target_include_directories(dgcompile PRIVATE src tools)
target_compile_definitions(dgcompile PRIVATE
  DEGLOSS_VERSION="${PROJECT_VERSION}"
  DEGLOSS_DEFAULT_DATA_DIR="${DEGLOSS_INSTALL_DATA_DIR}")
target_link_libraries(dgcompile PRIVATE PkgConfig::UTF8PROC m)

add_executable(dglookup tools/dglookup.c)
target_link_libraries(dglookup PRIVATE degloss)
set_target_properties(dglookup PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")

set(DEGLOSS_LEXICON "${DEGLOSS_BUILD_DATA_DIR}/degloss.lex")
set(_lex_dict "${CMAKE_CURRENT_SOURCE_DIR}/dictionaries")
set(_lex_eval "${CMAKE_CURRENT_SOURCE_DIR}/tests/data/eval")
# Sense evidence is learnt from the FIRST HALVES ONLY of the aligned dev data;
# the second halves are held out for the gloss evaluation.
set(_lex_parallel
  --parallel "${_lex_eval}/flores200/deu_Latn.devtest" "${_lex_eval}/flores200/eng_Latn.devtest" 506
  --parallel "${_lex_eval}/ntrex/newstest2019-ref.deu.txt" "${_lex_eval}/ntrex/newstest2019-src.eng.txt" 998)
set(_lex_inputs
  "${_lex_dict}/closed-class.tsv" "${_lex_dict}/names.tsv" "${_lex_dict}/abbreviations.tsv"
  "${_lex_dict}/preferred.tsv" "${_lex_dict}/en-freq.tsv"
  "${_lex_eval}/flores200/deu_Latn.devtest" "${_lex_eval}/flores200/eng_Latn.devtest"
  "${_lex_eval}/ntrex/newstest2019-ref.deu.txt" "${_lex_eval}/ntrex/newstest2019-src.eng.txt")
add_custom_command(OUTPUT "${DEGLOSS_LEXICON}"
  COMMAND dgcompile --ding "${DEGLOSS_DING}" --dict "${_lex_dict}" --out "${DEGLOSS_LEXICON}"
          ${_lex_parallel}
  DEPENDS dgcompile "${DEGLOSS_DING}" ${_lex_inputs}
  COMMENT "Compiling the lexicon from Ding and dictionaries/"
  VERBATIM)
add_custom_target(lexicon_data ALL DEPENDS "${DEGLOSS_LEXICON}")

# The same lexicon without dictionaries/preferred.tsv, for measuring what the
# data-driven ranking does on its own (bench/lexicon-bench).
set(DEGLOSS_LEXICON_NOPREF "${CMAKE_BINARY_DIR}/lexicon-nopref.lex")
add_custom_command(OUTPUT "${DEGLOSS_LEXICON_NOPREF}"
  COMMAND dgcompile --ding "${DEGLOSS_DING}" --dict "${_lex_dict}" --out "${DEGLOSS_LEXICON_NOPREF}"
          ${_lex_parallel} --no-preferred
  DEPENDS dgcompile "${DEGLOSS_DING}" ${_lex_inputs}
  COMMENT "Compiling the lexicon without preferred.tsv (benchmark only)"
  VERBATIM)
add_custom_target(lexicon_nopref DEPENDS "${DEGLOSS_LEXICON_NOPREF}")

if(DEGLOSS_TESTS)
  add_executable(test_lexicon_primary tests/lexicon/test_primary.c)
  target_link_libraries(test_lexicon_primary PRIVATE degloss)
  add_dependencies(test_lexicon_primary lexicon_data)
  add_test(NAME lexicon.primary_glosses
           COMMAND test_lexicon_primary "${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/primary-glosses.tsv" 95)
  set_tests_properties(lexicon.primary_glosses PROPERTIES
                       ENVIRONMENT DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR})
endif()
