# The app handles SIGTERM like Quitter (issues 29 and 35): started for real under Xvfb, sent the signal as soon as
# its window exists (polled with xdotool, no fixed delay), it draws the frames that commit the field being edited,
# remembers its windows and exits 0 (it used to die of the signal: 143). The handler is installed first thing in
# the GUI command, before the data folder opens, so no moment of the start is a window for a 143.
string(RANDOM LENGTH 3 ALPHABET 0123456789 suffix)
math(EXPR display "100 + ${suffix}")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/config)
find_program(XDOTOOL xdotool)
if(NOT XDOTOOL)
  message(FATAL_ERROR "xdotool is missing (Debian package xdotool, installed by `make deps`)")
endif()
# Inside the X server: start the app, wait (at most 120 s) for its console window, send the signal, wait for the
# app and print its exit status on the last line.
file(WRITE ${WORK}/run.sh [=[
"$@" &
app=$!
for i in $(seq 1 1200); do
  if xdotool search --name "^Atelier" >/dev/null 2>&1; then break; fi
  if ! kill -0 $app 2>/dev/null; then break; fi
  sleep 0.1
done
kill -s "$SIGNAL" $app
wait $app
echo "exit=$?"
]=])
foreach(signal TERM INT)
  file(REMOVE ${WORK}/config/atelier/fenetres.conf)
  execute_process(
    COMMAND xvfb-run -a -n ${display} -s "-screen 0 1600x1000x24 -noreset"
            ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${WORK}/config SIGNAL=${signal}
            sh ${WORK}/run.sh ${ATELIER} --data ${WORK}/data
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "exit=0\n$")
    message(FATAL_ERROR "SIG${signal}: the app did not close like Quitter (exit 0):\n${out}\n${err}")
  endif()
  if(NOT EXISTS ${WORK}/config/atelier/fenetres.conf)
    message(FATAL_ERROR "SIG${signal}: the app did not close cleanly (its windows were not remembered)")
  endif()
endforeach()
