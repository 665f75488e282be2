# Runs `atelier screenshot` for the console and the projector under xvfb-run, then png_check on each PNG.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
foreach(screen console projector)
  execute_process(
    COMMAND xvfb-run -a -s "-screen 0 1600x1000x24" ${ATELIER} --data ${WORK}/data screenshot
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
