# Run the instrumented trainer once and hand its profiles to the optimised
# build (see CMakeLists.txt here). Arguments: TRAINER, GEN_DIR (where the
# instrumented objects' .gcda files appear), USE_DIR (rapport_scoring's
# object directory, where -fprofile-use looks for them), STAMP.

# Old counts would add up with the new ones.
file(GLOB_RECURSE old "${GEN_DIR}/*.gcda" "${USE_DIR}/*.gcda")
if(old)
  file(REMOVE ${old})
endif()

execute_process(COMMAND ${TRAINER} RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  # No profile: rapport_scoring still builds, just without one.
  message(WARNING "scoring PGO training failed (${rc}): ${err}; "
                  "building the engine without a profile")
else()
  # rapport_scoring compiles <dir>/account.c.o, and GCC looks for its
  # profile beside it as <dir>/account.c.gcda.
  file(GLOB_RECURSE made "${GEN_DIR}/*.gcda")
  foreach(f ${made})
    get_filename_component(name ${f} NAME)
    file(COPY_FILE ${f} ${USE_DIR}/${name})
  endforeach()
endif()
file(TOUCH ${STAMP})
