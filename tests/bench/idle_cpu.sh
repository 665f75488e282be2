#!/bin/sh
# The console's CPU while nothing happens (issue 30), under Xvfb with software OpenGL (Mesa's llvmpipe: the CPU
# does what a GPU would, so the figures are upper bounds of a real laptop's). For each case, the real app runs on
# a fresh data folder for SECONDS after 5 s of start-up, and its CPU time (user + system, /proc) is given in seconds
# per minute; each case twice: as it is, and with ATELIER_EVERY_FRAME=1 (the loop before issue 30: a frame at the
# screen's pace, always). Cases: idle on the demo, idle on a 2,000-idea board, a countdown running, the wall
# projected while 300 phones post (build/atelier_load --external). Not a test: run by hand, the machine as quiet as possible.
#   tests/bench/idle_cpu.sh [BUILD_DIR] [SECONDS]
set -eu
BUILD=${1:-build}
SECONDS_RUN=${2:-60}
ATELIER=$(cd "$BUILD" && pwd)/atelier
WORK=$(mktemp -d /tmp/atelier-idle-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# one CASE: name, data folder, extra environment (VAR=value …)
measure() {
    name=$1; data=$2; shift 2
    for mode in paced every-frame; do
        extra=""
        [ "$mode" = every-frame ] && extra="ATELIER_EVERY_FRAME=1"
        rm -f "$WORK/pid"
        # shellcheck disable=SC2086
        env "$@" $extra xvfb-run -a -s "-screen 0 1920x1080x24" sh -c \
            "\"$ATELIER\" --data \"$data\" & echo \$! > \"$WORK/pid\"; wait" >/dev/null 2>&1 &
        runner=$!
        sleep 5
        pid=$(cat "$WORK/pid")
        hz=$(getconf CLK_TCK)
        before=$(cpu_ticks "$pid")
        sleep "$SECONDS_RUN"
        after=$(cpu_ticks "$pid")
        kill -TERM "$pid" 2>/dev/null || true
        wait "$runner" 2>/dev/null || true
        echo "$name ($mode): $(echo "$before $after $hz $SECONDS_RUN" | awk '{ printf "%.2f", ($2 - $1) / $3 * 60 / $4 }') s of CPU per minute"
    done
}

"$ATELIER" --data "$WORK/demo" demo >/dev/null
measure "idle, demo, Étapes tab" "$WORK/demo"

"$ATELIER" --data "$WORK/board" demo >/dev/null
awk 'BEGIN { print "texte"; for (i = 1; i <= 2000; i++) printf "Idée numéro %d : des cafés des parents dans chaque école, le samedi matin\n", i }' \
    > "$WORK/idees.csv"
"$ATELIER" --data "$WORK/board" importer idees --etape 1 --tableau "Mur" "$WORK/idees.csv" >/dev/null
measure "idle, a 2,000-idea board on screen" "$WORK/board" ATELIER_BENCH_SCREEN=idees

measure "countdown running" "$WORK/demo" ATELIER_BENCH_COUNTDOWN=3600

# The wall projected while 300 phones post (the load tool's phones, doing what participer.js does, against the real
# app: its first board and vote open to phones, the board on the projector): the app's CPU over the run.
LOAD=$(cd "$BUILD" && pwd)/atelier_load
for mode in paced every-frame; do
    extra=""
    [ "$mode" = every-frame ] && extra="ATELIER_EVERY_FRAME=1"
    rm -f "$WORK/pid" "$WORK/out"
    # shellcheck disable=SC2086
    env ATELIER_TEST_PARTICIPATION=123456 ATELIER_BENCH_WALL=1 $extra xvfb-run -a -s "-screen 0 1920x1080x24" sh -c \
        "\"$ATELIER\" --data \"$WORK/demo\" > \"$WORK/out\" & echo \$! > \"$WORK/pid\"; wait" >/dev/null 2>&1 &
    runner=$!
    for _ in $(seq 1 100); do grep -q '^wall:' "$WORK/out" 2>/dev/null && break; sleep 0.2; done
    sleep 3
    pid=$(cat "$WORK/pid")
    set -- $(sed -n 's/^wall: //p' "$WORK/out")
    hz=$(getconf CLK_TCK)
    before=$(cpu_ticks "$pid")
    t0=$(date +%s.%N)
    phones=$("$LOAD" --external "$1" "$2" "$3" --phones 300 --ideas 5 --seconds "$SECONDS_RUN" | tail -1)
    after=$(cpu_ticks "$pid")
    elapsed=$(echo "$t0 $(date +%s.%N)" | awk '{ print $2 - $1 }')
    kill -TERM "$pid" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
    echo "the wall while 300 phones post ($mode): $(echo "$before $after $hz $elapsed" | awk '{ printf "%.2f", ($2 - $1) / $3 * 60 / $4 }') s of CPU per minute over $elapsed s; $phones"
done
