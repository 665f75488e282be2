# Runs `atelier screenshot` for the console and the projector under xvfb-run, then png_check on each PNG;
# then the real app loop with both windows for a few frames.
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

# The real app: console and projector windows, two Dear ImGui contexts on one atlas, for 30 frames.
execute_process(
  COMMAND xvfb-run -a ${CMAKE_COMMAND} -E env ATELIER_EXIT_AFTER_FRAMES=30 ${ATELIER} --data ${WORK}/data
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the app loop failed (${rc}):\n${out}\n${err}")
endif()
