#!/usr/bin/env bash
# The system packages behind the site tests: Debian's `jekyll` (the Jekyll build test) and
# `chromium` plus a CJK font (the headless-browser test and its screenshots).
#
# `make test` runs this first. As root with apt-get (CI, a fresh Debian machine) it installs
# whatever is missing; anywhere else it installs nothing and prints one line naming the tests
# that will be skipped and how to install what they need. It never fails the build: when apt
# fails, the tests skip and say why. NO_SYSTEM_DEPS=1 turns the install off.
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

missing=()
have jekyll || missing+=(jekyll)
have chromium || missing+=(chromium)
# Without a Chinese font the screenshots show boxes; fc-list comes with chromium's fontconfig.
if ! have fc-list || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

# What the missing packages cost (the font only makes the screenshots readable).
consequence() {
    if ! have jekyll; then
        echo "the Jekyll build and headless-browser tests will be skipped"
    elif ! have chromium; then
        echo "the headless-browser test will be skipped"
    else
        echo "screenshots will show boxes for Chinese text"
    fi
}

if [ "$(id -u)" -ne 0 ] || ! have apt-get || [ -n "${NO_SYSTEM_DEPS:-}" ]; then
    echo "system_deps: ${missing[*]} not installed, $(consequence)" \
        "(install: sudo apt-get install ${missing[*]})"
    exit 0
fi

echo "system_deps: installing ${missing[*]} with apt-get"
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >"$log" 2>&1 &&
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
    rm -f "$log"
    exit 0
fi
echo "system_deps: WARNING: apt-get could not install ${missing[*]} (last lines of $log below);" \
    "$(consequence)"
tail -n 5 "$log" | sed 's/^/  /'
exit 0
