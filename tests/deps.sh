#!/bin/sh
# Installs the Debian packages named in $DEBS that are missing: with apt-get when
# run as root, otherwise prints the command to run. Called by `make deps`.
set -eu
missing=""
for p in $DEBS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        # A command of the same name (node from NodeSource, say) serves as well.
        case "$p" in
            nodejs) command -v node >/dev/null 2>&1 && continue ;;
            npm) command -v npm >/dev/null 2>&1 && continue ;;
            default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
        esac
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "rapporteur: installing Debian packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing >/dev/null
else
    echo "rapporteur: missing Debian packages; run as root:" >&2
    echo "  apt-get install -y --no-install-recommends$missing" >&2
    exit 2
fi
