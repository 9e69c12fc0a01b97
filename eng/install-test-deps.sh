#!/usr/bin/env bash
# Installs the native tools the test suite uses, when they are missing:
#   softhsm2 (a PKCS#11 token standing in for the CPS card), opensc (pkcs11-tool), libengine-pkcs11-openssl
#   (OpenSSL's pkcs11 engine, for mutual TLS with a token key), xmlsec1 (an independent XML-signature verifier), openssl.
# On Debian/Ubuntu it uses apt-get, as root or through sudo. Elsewhere it prints what to install and fails.
# Sourced by test.sh; can also be run on its own.
set -uo pipefail

dmp_test_deps_missing() {
  local missing=()
  command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)
  command -v pkcs11-tool >/dev/null 2>&1 || missing+=(opensc)
  command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  local engine_found=no
  for dir in /usr/lib/x86_64-linux-gnu/engines-3 /usr/lib/aarch64-linux-gnu/engines-3 /usr/lib64/engines-3 /usr/lib/engines-3; do
    [ -f "$dir/pkcs11.so" ] && engine_found=yes
  done
  [ "$engine_found" = yes ] || missing+=(libengine-pkcs11-openssl)
  echo "${missing[@]:-}"
}

dmp_install_test_deps() {
  local missing
  missing=$(dmp_test_deps_missing)
  if [ -z "$missing" ]; then
    return 0
  fi
  echo "Installing test dependencies: $missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "error: missing $missing, and this script is neither root nor allowed to use sudo without a password." >&2
      echo "  On Debian/Ubuntu run: sudo apt-get install -y $missing" >&2
      echo "  Elsewhere install SoftHSM2, OpenSC, libp11's OpenSSL pkcs11 engine and xmlsec1 with your package manager." >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing $missing and apt-get is not available." >&2
    echo "  Install SoftHSM2, OpenSC (pkcs11-tool), the OpenSSL pkcs11 engine (libp11) and xmlsec1 with your package manager." >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null || { echo "error: apt-get update failed" >&2; return 1; }
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing ca-certificates >/dev/null \
    || { echo "error: apt-get install $missing failed" >&2; return 1; }
  missing=$(dmp_test_deps_missing)
  if [ -n "$missing" ]; then
    echo "error: still missing after installation: $missing" >&2
    return 1
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  dmp_install_test_deps
fi
