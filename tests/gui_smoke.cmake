# Runs `atelier screenshot` for the console and the projector under xvfb-run, then png_check on each PNG;
# then the real app loop with both windows for a few frames.
# A display number of our own: another xvfb-run starting at the same moment (another build, another session)
# would race us for the default :99.
string(RANDOM LENGTH 3 ALPHABET 0123456789 suffix)
math(EXPR display "100 + ${suffix}")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
foreach(screen console projector)
  execute_process(
    COMMAND xvfb-run -a -n ${display} -s "-screen 0 1600x1000x24 -noreset" ${ATELIER} --data ${WORK}/data screenshot
            --screen ${screen} --size 1280x800 --out ${WORK}/${screen}.png
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "screenshot ${screen} failed (${rc}):\n${out}\n${err}")
  endif()
  execute_process(COMMAND ${CHECK} ${WORK}/${screen}.png 1280 800 RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "png_check ${screen}: ${out}${err}")
  endif()
  message(STATUS "${out}")
endforeach()

# The real app: console and projector windows, two Dear ImGui contexts on one font atlas, for 30 frames; the
# last frame of each window is written out and checked (the shared font texture must render in both).
file(MAKE_DIRECTORY ${WORK}/app)
execute_process(
  COMMAND xvfb-run -a -n ${display} ${CMAKE_COMMAND} -E env ATELIER_EXIT_AFTER_FRAMES=30 ATELIER_SMOKE_DIR=${WORK}/app
          ${ATELIER} --data ${WORK}/data
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the app loop failed (${rc}):\n${out}\n${err}")
endif()
foreach(check "console.png 1440 900" "projector.png 960 540")
  separate_arguments(args UNIX_COMMAND "${check}")
  list(GET args 0 png)
  execute_process(COMMAND ${CHECK} ${WORK}/app/${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "app window ${png}: ${out}${err}")
  endif()
endforeach()
