#!/usr/bin/env bash
# Set up cchc-check on a fresh machine: system packages that durable-rules needs to compile
# (a C compiler and the Python headers), a virtual environment in .venv, and the project.
#   bash scripts/bootstrap.sh          # the tool
#   bash scripts/bootstrap.sh --dev    # the tool and its test dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-python3}"
extra=""
[ "${1:-}" = "--dev" ] && extra="[dev]"

need_pkgs=()
command -v gcc >/dev/null 2>&1 || need_pkgs+=(gcc)
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
[ -f "$inc/Python.h" ] || need_pkgs+=(python3-dev)
"$PY" -c 'import venv, ensurepip' >/dev/null 2>&1 || need_pkgs+=(python3-venv)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "bootstrap: installing system packages: ${need_pkgs[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}"
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}"
  else
    echo "bootstrap: please install ${need_pkgs[*]} (a C compiler and the Python headers) and run again" >&2
    exit 2
  fi
fi

# With --dev, the programs the tests drive for real: PostgreSQL (the store's tests start their own
# server on loopback), LibreOffice headless and poppler (annotated .docx and workbooks opened and
# rendered), Chromium (the web page's browser tests), a Vietnamese-capable font (the PDF tests). Tests that need one of them skip, saying
# why, where it cannot be installed.
if [ -n "$extra" ]; then
  test_pkgs=()
  [ -n "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null)" ] || test_pkgs+=(postgresql)
  command -v soffice >/dev/null 2>&1 || test_pkgs+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  command -v pdftoppm >/dev/null 2>&1 || test_pkgs+=(poppler-utils)
  command -v chromium >/dev/null 2>&1 || test_pkgs+=(chromium)
  [ -d /usr/share/fonts/truetype/dejavu ] || test_pkgs+=(fonts-dejavu-core)
  if [ ${#test_pkgs[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "bootstrap: installing test programs: ${test_pkgs[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${test_pkgs[@]}" \
        || echo "bootstrap: could not install ${test_pkgs[*]}; the tests that need them will skip" >&2
    else
      echo "bootstrap: not installed (tests needing them skip): ${test_pkgs[*]}" >&2
    fi
  fi
fi

"$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet ".${extra}"
echo "bootstrap: ready — .venv/bin/cchc-check"
