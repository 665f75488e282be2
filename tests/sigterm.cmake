# The app handles SIGTERM like Quitter (issues 29 and 35): started for real under Xvfb, sent SIGTERM by `timeout`,
# it draws the frames that commit the field being edited, remembers its windows and exits 0 (it used to die of the
# signal: 143). The signal comes 20 s after the start: under a loaded ctest -j2 (Chromium starting beside it), 8 s
# once reached the signal before the app had installed its handler (143, seen in a fresh-clone run).
string(RANDOM LENGTH 3 ALPHABET 0123456789 suffix)
math(EXPR display "100 + ${suffix}")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/config)
foreach(signal TERM INT)
  file(REMOVE ${WORK}/config/atelier/fenetres.conf)
  execute_process(
    COMMAND xvfb-run -a -n ${display} -s "-screen 0 1600x1000x24 -noreset"
            ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${WORK}/config
            timeout --preserve-status -s ${signal} 20 ${ATELIER} --data ${WORK}/data
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "SIG${signal}: the app exited with ${rc} instead of closing like Quitter (0):\n${out}\n${err}")
  endif()
  if(NOT EXISTS ${WORK}/config/atelier/fenetres.conf)
    message(FATAL_ERROR "SIG${signal}: the app did not close cleanly (its windows were not remembered)")
  endif()
endforeach()
