# Renders every screen on fixture data at 1280×800 under xvfb-run, then png_check on each PNG.
# -noreset: the screenshots connect one after the other, and a resetting Xvfb refuses the next connection.
# A display number of our own: another xvfb-run starting at the same moment (another build, another session)
# would race us for the default :99.
string(RANDOM LENGTH 3 ALPHABET 0123456789 suffix)
math(EXPR display "100 + ${suffix}")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND xvfb-run -a -n ${display} -s "-screen 0 1600x1000x24 -noreset" ${SHOTS} ${WORK} 1280 800
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fixture_shots failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB pngs ${WORK}/*.png)
list(LENGTH pngs count)
if(count LESS 15)
  message(FATAL_ERROR "expected a PNG per screen, found ${count}")
endif()
foreach(png ${pngs})
  execute_process(COMMAND ${CHECK} ${png} 1280 800 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "png_check ${png}: ${out}${err}")
  endif()
endforeach()
