#!/usr/bin/env sh
# Makes sure Debian packages the tests and scripts use are installed: for each package not yet on
# the machine, installs it with apt-get when running as root (or with passwordless sudo), else
# prints the exact command to run and fails. Packages: pgbouncer, haproxy, prometheus (promtool),
# chromium, chromium-driver, python3-httpx (for Debian's /usr/bin/python3).
#   scripts/ensure-packages.sh pgbouncer haproxy
set -eu

binary_of() {
  case "$1" in
    pgbouncer) echo /usr/sbin/pgbouncer ;;
    haproxy) echo /usr/sbin/haproxy ;;
    prometheus) echo /usr/bin/promtool ;;
    chromium) echo /usr/bin/chromium ;;
    chromium-driver) echo /usr/bin/chromedriver ;;
    python3-httpx) echo /usr/lib/python3/dist-packages/httpx/__init__.py ;;
    *) echo "" ;;
  esac
}

missing=""
for package in "$@"; do
  binary=$(binary_of "$package")
  if [ -z "$binary" ]; then
    echo "ensure-packages: unknown package '$package'" >&2
    exit 2
  fi
  [ -e "$binary" ] || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  apt="apt-get"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt="sudo apt-get"
else
  echo "ensure-packages: missing Debian packages:$missing" >&2
  echo "ensure-packages: install them with: sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "ensure-packages: installing$missing" >&2
DEBIAN_FRONTEND=noninteractive $apt update -qq >/dev/null
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $apt install -y -qq --no-install-recommends$missing >/dev/null
