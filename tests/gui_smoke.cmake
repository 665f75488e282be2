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
# last frame of each window is written out and checked (the shared font texture must render in both). The
# windows' places are remembered in a configuration folder of the test's own (never the user's ~/.config).
file(MAKE_DIRECTORY ${WORK}/app)
execute_process(
  COMMAND xvfb-run -a -n ${display} -s "-screen 0 1600x1000x24 -noreset"
          ${CMAKE_COMMAND} -E env ATELIER_EXIT_AFTER_FRAMES=30 ATELIER_SMOKE_DIR=${WORK}/app
          XDG_CONFIG_HOME=${WORK}/config ${ATELIER} --data ${WORK}/data
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the app loop failed (${rc}):\n${out}\n${err}")
endif()
# One monitor: the projector opens as a 1280×720 window (960×540 left the wall unreadable).
foreach(check "console.png 1440 900" "projector.png 1280 720")
  separate_arguments(args UNIX_COMMAND "${check}")
  list(GET args 0 png)
  execute_process(COMMAND ${CHECK} ${WORK}/app/${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "app window ${png}: ${out}${err}")
  endif()
endforeach()

# Both windows reopen where they were (issue 11 point 5): the places written when the app closed are read at the
# next start. Put them somewhere else, run again, and find the same places written back and the same sizes drawn.
if(NOT EXISTS ${WORK}/config/atelier/fenetres.conf)
  message(FATAL_ERROR "the app did not remember its windows in ${WORK}/config/atelier/fenetres.conf")
endif()
file(WRITE ${WORK}/config/atelier/fenetres.conf
     "console 50 40 1300 800\nprojecteur 700 300 880 500\nprojecteur-plein-ecran 0\n")
file(MAKE_DIRECTORY ${WORK}/again)
execute_process(
  COMMAND xvfb-run -a -n ${display} -s "-screen 0 1600x1000x24 -noreset"
          ${CMAKE_COMMAND} -E env ATELIER_EXIT_AFTER_FRAMES=5 ATELIER_SMOKE_DIR=${WORK}/again
          XDG_CONFIG_HOME=${WORK}/config ${ATELIER} --data ${WORK}/data
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the app loop failed the second time (${rc}):\n${out}\n${err}")
endif()
foreach(check "console.png 1300 800" "projector.png 880 500")
  separate_arguments(args UNIX_COMMAND "${check}")
  list(GET args 0 png)
  execute_process(COMMAND ${CHECK} ${WORK}/again/${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "reopened window ${png}: ${out}${err}")
  endif()
endforeach()
file(READ ${WORK}/config/atelier/fenetres.conf again)
foreach(line "console 50 40 1300 800" "projecteur 700 300 880 500")
  string(FIND "${again}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the windows did not reopen where they were: expected « ${line} » in\n${again}")
  endif()
endforeach()
