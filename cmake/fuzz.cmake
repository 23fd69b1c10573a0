# fuzz: harnesses for every surface that reads outside input, one per
# surface (tests/fuzz/fuzz_<name>.c; shared helpers in tests/fuzz/fuzz_util.c):
#   text          the text layer: decoding, paragraphs, sentences, tokens
#   gloss         the whole pipeline: text, horizontal or JSONL input, any
#                 encoding, the engine, every renderer
#   config        the config file parser and the MT option parser after it
#   glossary      user glossary TSV files
#   jsonl         the JSONL input mode, read and tokenized
#   document      the document readers: HTML, Markdown, PDF, DOCX, sniffing
#   mt_parse      the MT providers' answer parsers (DeepL, LibreTranslate,
#                 Google, OpenAI-compatible)
#   mt_cache      the MT cache file loader, lookups and compaction
#   lexicon_file  the mapped lexicon, damaged byte by byte
#   morph_file    the morphology file, damaged byte by byte
#   serve         the web app's request handling through its HTTP server
#
# -DDEGLOSS_FUZZ=ON (clang only; tests/fuzz/run builds build-fuzz/ so): the
# library gets AddressSanitizer, UBSan and libFuzzer's coverage, and each
# harness becomes the libFuzzer program fuzz_<name>.  In every build with
# tests, ctest replays each harness on its seed corpus tests/fuzz/corpus/<name>/
# and its regressions tests/fuzz/regressions/<name>/ (without DEGLOSS_FUZZ
# through tests/fuzz/replay_main.c; the text harness has its own replay main,
# registered in cmake/text.cmake).
option(DEGLOSS_FUZZ "Build the libFuzzer harnesses of tests/fuzz with ASan+UBSan (clang)" OFF)
set(DG_FUZZ_HARNESSES text gloss config glossary jsonl document mt_parse mt_cache lexicon_file morph_file
    serve)

if(DEGLOSS_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DEGLOSS_FUZZ needs clang (libFuzzer): configure with CC=clang")
  endif()
  if(NOT DEGLOSS_WITH_CURL)
    message(FATAL_ERROR "DEGLOSS_FUZZ needs DEGLOSS_WITH_CURL (the MT answer parsers)")
  endif()
  set(DG_FUZZ_SAN -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(degloss PRIVATE ${DG_FUZZ_SAN} -fsanitize=fuzzer-no-link)
  target_link_options(degloss INTERFACE -fsanitize=address,undefined)
endif()

# Small data files the harnesses damage: a lexicon compiled from the Ding
# sample and morphology tables compiled from a sample of paradigms.txt.
set(DG_FUZZ_DATA "${CMAKE_BINARY_DIR}/fuzz-data")
file(MAKE_DIRECTORY "${DG_FUZZ_DATA}")
add_custom_command(OUTPUT "${DG_FUZZ_DATA}/sample.lex"
  COMMAND dgcompile --ding "${CMAKE_SOURCE_DIR}/tests/lexicon/ding-sample.txt"
          --dict "${CMAKE_SOURCE_DIR}/dictionaries" --out "${DG_FUZZ_DATA}/sample.lex"
          --min-entries 1 --data-only
  DEPENDS dgcompile "${CMAKE_SOURCE_DIR}/tests/lexicon/ding-sample.txt" ${_lex_inputs}
  COMMENT "Compiling the Ding sample for the fuzz harnesses"
  VERBATIM)
add_custom_command(OUTPUT "${DG_FUZZ_DATA}/sample.morph"
  COMMAND morph-compile --classes ${DEGLOSS_MORPH_CLASSES} "${CMAKE_SOURCE_DIR}/tests/fuzz/morph-sample.txt"
          "${CMAKE_SOURCE_DIR}/dictionaries/morph/closed.tsv" "${DG_FUZZ_DATA}/sample.morph"
  DEPENDS morph-compile ${DEGLOSS_MORPH_CLASSES} "${CMAKE_SOURCE_DIR}/tests/fuzz/morph-sample.txt"
          "${CMAKE_SOURCE_DIR}/dictionaries/morph/closed.tsv"
  COMMENT "Compiling the morphology sample for the fuzz harnesses"
  VERBATIM)
add_custom_target(fuzz_data DEPENDS "${DG_FUZZ_DATA}/sample.lex" "${DG_FUZZ_DATA}/sample.morph")

foreach(_h IN LISTS DG_FUZZ_HARNESSES)
  set(_src tests/fuzz/fuzz_${_h}.c)
  if(NOT _h STREQUAL "text")
    list(APPEND _src tests/fuzz/fuzz_util.c)
  endif()
  if(_h STREQUAL "config")
    list(APPEND _src src/cli/config.c) # part of the program, not the library
  endif()
  if(DEGLOSS_FUZZ)
    set(_t fuzz_${_h})
    add_executable(${_t} ${_src})
    target_compile_options(${_t} PRIVATE ${DG_FUZZ_SAN} -fsanitize=fuzzer)
    target_link_options(${_t} PRIVATE -fsanitize=fuzzer)
    if(_h STREQUAL "text")
      target_compile_definitions(${_t} PRIVATE DG_LIBFUZZER=1)
    endif()
  elseif(DEGLOSS_TESTS AND NOT _h STREQUAL "text")
    set(_t fuzz_${_h}_replay)
    add_executable(${_t} ${_src} tests/fuzz/replay_main.c)
  else()
    continue()
  endif()
  target_link_libraries(${_t} PRIVATE degloss_internal)
  target_include_directories(${_t} PRIVATE tests/fuzz src/cli)
  target_compile_definitions(${_t} PRIVATE
    DG_FUZZ_SAMPLE_LEX="${DG_FUZZ_DATA}/sample.lex"
    DG_FUZZ_SAMPLE_MORPH="${DG_FUZZ_DATA}/sample.morph"
    DG_FUZZ_HUNSPELL="${CMAKE_SOURCE_DIR}/tests/fuzz/hunspell/tiny")
  add_dependencies(${_t} fuzz_data)
  if(_h STREQUAL "gloss" OR _h STREQUAL "serve")
    add_dependencies(${_t} lexicon_data morph_data)
  endif()
  if(DEGLOSS_TESTS AND NOT _h STREQUAL "text")
    set(_in "${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${_h}")
    if(EXISTS "${CMAKE_SOURCE_DIR}/tests/fuzz/regressions/${_h}")
      list(APPEND _in "${CMAKE_SOURCE_DIR}/tests/fuzz/regressions/${_h}")
    endif()
    if(DEGLOSS_FUZZ)
      add_test(NAME fuzz.${_h} COMMAND ${_t} -runs=0 ${_in})
    else()
      add_test(NAME fuzz.${_h} COMMAND ${_t} ${_in})
    endif()
    set_tests_properties(fuzz.${_h} PROPERTIES TIMEOUT 120 LABELS fuzz
                         ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
  endif()
endforeach()

if(DEGLOSS_TESTS)
  # A finding of fuzz_morph_file as a unit test that does not depend on the
  # sample's layout: lookups in a hash table without an empty slot end.
  add_executable(test_fuzz_morph_table tests/fuzz/test_morph_table.c)
  target_link_libraries(test_fuzz_morph_table PRIVATE degloss_internal)
  add_test(NAME fuzz.morph_full_table COMMAND test_fuzz_morph_table "${DG_FUZZ_DATA}")
  set_tests_properties(fuzz.morph_full_table PROPERTIES TIMEOUT 20 LABELS fuzz)
endif()
