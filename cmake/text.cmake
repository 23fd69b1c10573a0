# text: sources, generated data and tests of this area.

# The abbreviation table: dictionaries/text-abbreviations.tsv -> text_abbrev.inc (configure time).
set(DG_TEXT_GEN_DIR "${CMAKE_BINARY_DIR}/gen/text")
file(MAKE_DIRECTORY "${DG_TEXT_GEN_DIR}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_SOURCE_DIR}/dictionaries/text-abbreviations.tsv" "${CMAKE_SOURCE_DIR}/cmake/text_abbrev.cmake")
execute_process(
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/dictionaries/text-abbreviations.tsv
          -DOUT=${DG_TEXT_GEN_DIR}/text_abbrev.inc -P ${CMAKE_SOURCE_DIR}/cmake/text_abbrev.cmake
  RESULT_VARIABLE dg_text_abbrev_rc)
if(NOT dg_text_abbrev_rc EQUAL 0)
  message(FATAL_ERROR "cannot generate text_abbrev.inc from dictionaries/text-abbreviations.tsv")
endif()

# Month names and the conjunctions of suspended hyphens: word classes of
# dictionaries/word-classes.tsv and names.tsv -> text_wordclass.inc (configure time).
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_SOURCE_DIR}/dictionaries/word-classes.tsv" "${CMAKE_SOURCE_DIR}/dictionaries/names.tsv"
             "${CMAKE_SOURCE_DIR}/cmake/text_wordclass.cmake")
execute_process(
  COMMAND ${CMAKE_COMMAND} -DCLASSES=${CMAKE_SOURCE_DIR}/dictionaries/word-classes.tsv
          -DNAMES=${CMAKE_SOURCE_DIR}/dictionaries/names.tsv
          -DOUT=${DG_TEXT_GEN_DIR}/text_wordclass.inc -P ${CMAKE_SOURCE_DIR}/cmake/text_wordclass.cmake
  RESULT_VARIABLE dg_text_wordclass_rc)
if(NOT dg_text_wordclass_rc EQUAL 0)
  message(FATAL_ERROR "cannot generate text_wordclass.inc from dictionaries/word-classes.tsv")
endif()

target_sources(degloss PRIVATE
  src/text/decode.c src/text/encoding.c src/text/tokenize.c src/text/tokenize_code.c src/text/tokenize_lane.c src/text/segment.c src/text/text_abbrev.c src/text/text_para.c
  src/text/text_reader.c)
target_include_directories(degloss PRIVATE "${DG_TEXT_GEN_DIR}")

# Benchmark (not a test): bench/text_bench.sh builds a ~50 MB corpus and runs it.
add_executable(text_bench bench/text_bench.c)
target_link_libraries(text_bench PRIVATE degloss_internal)

if(DEGLOSS_TESTS)
  add_executable(text_dump tests/text/text_dump.c)
  target_link_libraries(text_dump PRIVATE degloss_internal)
  add_executable(test_text tests/text/test_text.c)
  target_link_libraries(test_text PRIVATE degloss_internal degloss_test_harness)

  set(DG_TEXT_T "${CMAKE_SOURCE_DIR}/tests/text")
  set(DG_EVAL "${CMAKE_SOURCE_DIR}/tests/data/eval")

  # Unit tests: every case of issue 2 (API, hyphenation, abbreviations, bad input ...).
  add_test(NAME text.unit COMMAND test_text "${CMAKE_SOURCE_DIR}")

  # The sample article: every sentence boundary and every token, reviewed by eye.
  add_test(NAME text.golden_sample
           COMMAND ${PYTHON3} ${DG_TEXT_T}/golden.py $<TARGET_FILE:text_dump>
                   ${CMAKE_SOURCE_DIR}/samples/news-ukraine-2025.de.txt ${DG_TEXT_T}/sample.golden)
  # Golden cases of small inputs: tests/text/cases/<name>.txt -> <name>.golden
  file(GLOB dg_text_cases "${DG_TEXT_T}/cases/*.txt")
  foreach(c IN LISTS dg_text_cases)
    get_filename_component(cn "${c}" NAME_WE)
    string(REGEX REPLACE "\\.txt$" ".golden" cg "${c}")
    add_test(NAME text.case.${cn}
             COMMAND ${PYTHON3} ${DG_TEXT_T}/golden.py $<TARGET_FILE:text_dump> ${c} ${cg})
  endforeach()

  # Round trip: the input rebuilt from paragraphs, gaps and token offsets.
  foreach(f samples/news-ukraine-2025.de.txt
            dictionaries/parallel/flores200/deu_Latn.devtest
            dictionaries/parallel/ntrex/newstest2019-ref.deu.txt
            tests/data/eval/ud-gsd/de_gsd-ud-test.conllu
            tests/data/eval/compounds/jwordsplitter_test-de-large.txt)
    get_filename_component(fn "${f}" NAME)
    add_test(NAME text.roundtrip.${fn}
             COMMAND text_dump --roundtrip ${CMAKE_SOURCE_DIR}/${f})
    add_test(NAME text.roundtrip_small.${fn}
             COMMAND text_dump --roundtrip --max 4096 ${CMAKE_SOURCE_DIR}/${f})
    add_test(NAME text.roundtrip_horizontal.${fn}
             COMMAND text_dump --roundtrip --horizontal ${CMAKE_SOURCE_DIR}/${f})
  endforeach()
  # Streaming from stdin (a pipe), not a file.
  add_test(NAME text.roundtrip_stdin
           COMMAND sh -c "cat '${CMAKE_SOURCE_DIR}/samples/news-ukraine-2025.de.txt' | '$<TARGET_FILE:text_dump>' --roundtrip --expect '${CMAKE_SOURCE_DIR}/samples/news-ukraine-2025.de.txt' -")
  # A binary file: must not crash or hang, must warn, must round-trip.
  add_test(NAME text.binary_file COMMAND text_dump --roundtrip --expect-warnings /bin/true)
  set_tests_properties(text.binary_file PROPERTIES TIMEOUT 60)

  # Legacy encodings: Windows-1252, ISO-8859-1 and UTF-16 versions of the
  # sample made at test time (tests/text/encoding_test.py); offsets must
  # rebuild the original bytes; the CLI glosses the Windows-1252 sample.
  foreach(c cp1252 latin1 utf16 forced_utf8 binary stray_byte cli)
    add_test(NAME text.encoding_${c}
             COMMAND ${PYTHON3} ${DG_TEXT_T}/encoding_test.py ${c} $<TARGET_FILE:text_dump>
                     ${CMAKE_SOURCE_DIR}/samples/news-ukraine-2025.de.txt
                     ${CMAKE_CURRENT_BINARY_DIR}/text-encoding/${c} $<TARGET_FILE:degloss_cli>)
    set_tests_properties(text.encoding_${c} PROPERTIES TIMEOUT 120
                         ENVIRONMENT DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR})
  endforeach()
endif()

# The text layer's fuzz harness (tests/fuzz/fuzz_text.c; the libFuzzer build
# is in cmake/fuzz.cmake) as a replay driver: every selector byte on the case
# files, the fuzz regressions of the text layer, the sample and a binary.
if(DEGLOSS_TESTS)
  add_executable(text_fuzz_replay tests/fuzz/fuzz_text.c)
  target_link_libraries(text_fuzz_replay PRIVATE degloss_internal)
  file(GLOB dg_text_fuzz_seeds "${CMAKE_SOURCE_DIR}/tests/text/cases/*.txt"
       "${CMAKE_SOURCE_DIR}/tests/fuzz/regressions/text/*")
  add_test(NAME text.fuzz_replay
           COMMAND text_fuzz_replay ${dg_text_fuzz_seeds}
                   ${CMAKE_SOURCE_DIR}/samples/news-ukraine-2025.de.txt /bin/true)
endif()
