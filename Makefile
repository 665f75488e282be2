# Atelier — two commands: `make run` (set up, build, launch) and `make test` (set up, build, run the tests).
# Packages come from Debian 12 (bookworm); they are installed when missing (apt-get update first, through sudo when
# not root; without root or sudo, deps says which command to run as root). npm (Debian's, unless one is already on the
# PATH) installs axe-core into the build folder for the browser test's accessibility audit.

PACKAGES := cmake g++ make pkg-config \
            libimgui-dev libstb-dev libglfw3-dev libgl-dev libsqlite3-dev libcereal-dev doctest-dev \
            nlohmann-json3-dev libmicrohttpd-dev libcpp-httplib-dev libbenchmark-dev fonts-dejavu-core xvfb xauth libgl1-mesa-dri \
            chromium chromium-driver python3-selenium zbar-tools libqrencode-dev xdotool x11-xserver-utils \
            libhpdf-dev poppler-utils
# How apt-get runs as root: directly when root, through sudo when present, else `none` (deps then prints the command
# to run as root and fails). Override to test: `make deps SUDO=none`.
SUDO     := $(shell if [ "$$(id -u)" = 0 ]; then :; elif command -v sudo >/dev/null 2>&1; then echo sudo; else echo none; fi)
BUILD    := build
JOBS     ?= 2

.PHONY: run test build deps configure clean sanitize fuzz windows

run: build
	./$(BUILD)/atelier

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

configure: deps
	@[ -f $(BUILD)/CMakeCache.txt ] || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done; \
	    case "$(PACKAGES)" in *chromium*) command -v npm >/dev/null 2>&1 || echo npm;; esac); \
	if [ -n "$$missing" ]; then \
	    if [ "$(SUDO)" = none ]; then \
	        echo "Il manque des paquets Debian, et ce compte n'est pas root et n'a pas sudo pour les installer." >&2; \
	        echo "Lancez en root (su -), puis relancez make :" >&2; \
	        echo "  apt-get update && apt-get install -y --no-install-recommends" $$missing >&2; \
	        exit 1; \
	    fi; \
	    echo "Installation des paquets manquants :" $$missing; \
	    $(SUDO) apt-get update && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, in its own build folder.
sanitize: deps
	@[ -f build-sanitize/CMakeCache.txt ] || cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATELIER_SANITIZE=ON
	cmake --build build-sanitize -j$(JOBS)
	cd build-sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure -j$(JOBS)

# The fuzz targets (fuzz/) as real libFuzzer binaries (clang, ASan, UBSan) in build-fuzz/. Run one by hand, e.g.
#   build-fuzz/fuzz_csv -max_total_time=600 build-fuzz/corpus-csv fuzz/corpus/csv
# (new inputs go to the first folder; a crash input goes into fuzz/corpus/<target>/ once fixed).
FUZZ_PACKAGES := clang libclang-rt-14-dev
fuzz: deps
	@$(MAKE) --no-print-directory deps PACKAGES="$(FUZZ_PACKAGES)"
	@[ -f build-fuzz/CMakeCache.txt ] || CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATELIER_FUZZ=ON
	cmake --build build-fuzz -j$(JOBS) --target fuzz_csv fuzz_archive fuzz_tally fuzz_photo
	@for t in csv archive tally photo; do mkdir -p build-fuzz/corpus-$$t; done
	@echo "Fuzzers : build-fuzz/fuzz_csv, build-fuzz/fuzz_archive, build-fuzz/fuzz_tally, build-fuzz/fuzz_photo"

# Atelier for Windows (issue 16), never part of `make test`: cross-built with MinGW-w64 from Debian's source packages
# (fetched into build-windows/, never into the repository), tested under wine64, packaged as
# dist/Atelier-<version>-windows-x64.zip and Atelier-<version>-setup.exe (NSIS). See
# packaging/windows/build.sh; `make windows WINDOWS_TESTS=0` only builds and packages.
WINDOWS_PACKAGES := g++-mingw-w64-x86-64-posix wine64 nsis zip tcl fonts-dejavu-core xvfb xauth libgl1-mesa-dri
windows: deps
	@$(MAKE) --no-print-directory deps PACKAGES="$(WINDOWS_PACKAGES)"
	JOBS=$(JOBS) sh packaging/windows/build.sh

clean:
	rm -rf $(BUILD) build-sanitize build-fuzz build-windows dist
