#!/usr/bin/env bash
# Builds the Debian package of satchel with dpkg-deb, from a checkout:
#
#   bash scripts/deb/build-deb.sh        (or: npm run deb)
#
# and prints the path of the .deb (dist/deb/satchel_<version>_<arch>.deb).
#
# The package holds the compiled daemon and its production node modules in
# /usr/lib/satchel (installed with `npm ci --omit=dev` from the lock file, so
# the native lmdb addon is the prebuilt one for the build machine's
# architecture: the package is Architecture: <build arch>), wrappers in
# /usr/bin, the systemd unit, the D-Bus system policy and activation file, the
# configuration as a conffile, manual pages, the DEP-5 copyright and the
# Debian changelog. debian/ beside this script has the control template,
# changelog, copyright template, maintainer scripts and lintian overrides.
#
# Needs: node and npm; dpkg-dev (dpkg-shlibdeps, dpkg-gencontrol,
# dpkg-parsechangelog) and binutils (strip). No root: dpkg-deb
# --root-owner-group makes every file root's.
#
# Environment: SATCHEL_DEB_OUTDIR (default dist/deb), SATCHEL_DEB_KEEP=1 keeps
# the staging directory and prints where it is.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/scripts/deb
OUTDIR=${SATCHEL_DEB_OUTDIR:-$ROOT/dist/deb}
# Debian bookworm keeps units in /lib (merged /usr makes it /usr/lib too, and
# bookworm's lintian and deb-systemd-helper look there first); move it with
# the rest of Debian when targeting trixie or later.
UNITDIR=/lib/systemd/system

say() { printf 'build-deb: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

for tool in node npm dpkg-deb dpkg-shlibdeps dpkg-gencontrol dpkg-parsechangelog strip gzip; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian packages: dpkg-dev binutils; node >= 20)"
done

cd "$ROOT"
VERSION=$(node -p 'require("./package.json").version')
DEBVERSION=$(dpkg-parsechangelog -l "$HERE/debian/changelog" -SVersion)
[ "${DEBVERSION%-*}" = "$VERSION" ] ||
  die "package.json is at $VERSION but scripts/deb/debian/changelog at $DEBVERSION: add a changelog entry ($VERSION-1) first"
ARCH=$(dpkg --print-architecture)
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$HERE/debian/changelog" -STimestamp)
export SOURCE_DATE_EPOCH

if [ ! -x node_modules/.bin/tsc ]; then
  say "no node_modules: npm ci"
  npm ci --no-audit --no-fund >&2
fi
say "npm run build"
npm run --silent build >&2

WORK=$(mktemp -d "${TMPDIR:-/tmp}/satchel-deb.XXXXXX")
if [ "${SATCHEL_DEB_KEEP:-}" = 1 ]; then
  say "staging kept in $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi
SRC=$WORK/src
PKG=$SRC/debian/satchel
LIB=$PKG/usr/lib/satchel

# Production modules from the lock file, in a copy, so that the checkout's
# node_modules (with dev dependencies) is left alone.
say "npm ci --omit=dev"
mkdir -p "$WORK/npm"
cp package.json package-lock.json "$WORK/npm/"
(cd "$WORK/npm" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline >&2)

mkdir -p "$SRC/debian" "$LIB"
say "bundled modules:"
node "$HERE/prod-modules.mjs" "$WORK/npm" "$HERE/debian/copyright.in" "$SRC/debian/copyright" | sed 's/^/  /' >&2

# /usr/lib/satchel: the compiled daemon, a package.json for "type": "module"
# and the version, the modules.
mkdir -p "$LIB/dist"
cp -a dist/daemon "$LIB/dist/"
find "$LIB/dist" \( -name '*.d.ts' -o -name '*.map' -o -name '*.tsbuildinfo' \) -delete
node -e '
  const p = require("./package.json");
  const keep = { name: p.name, version: p.version, description: p.description, license: p.license,
    type: p.type, private: true, engines: p.engines, dependencies: p.dependencies };
  process.stdout.write(JSON.stringify(keep, null, 2) + "\n");' >"$LIB/package.json"
mv "$WORK/npm/node_modules" "$LIB/node_modules"

# Prebuilt addons ship with debug symbols; Debian wants them stripped (as
# dh_strip does), and they are shared objects, so not executable.
while IFS= read -r -d '' so; do
  strip --remove-section=.comment --remove-section=.note --strip-unneeded "$so"
done < <(find "$LIB/node_modules" -name '*.node' -type f -print0)

# Entry points: small wrappers that run the scripts with the system's node.
mkdir -p "$PKG/usr/bin"
wrapper() { # name, script
  cat >"$PKG/usr/bin/$1" <<EOF
#!/bin/sh
# $1: runs satchel's $2 with the system's node (package satchel).
exec /usr/bin/node /usr/lib/satchel/dist/daemon/bin/$2 "\$@"
EOF
}
wrapper satcheld satcheld.js
if [ -f dist/daemon/bin/satchel.js ]; then
  wrapper satchel satchel.js
fi

# systemd and D-Bus.
install -D -m 0644 systemd/satcheld.service "$PKG$UNITDIR/satcheld.service"
install -D -m 0644 systemd/org.satchel.Satchel1.conf "$PKG/usr/share/dbus-1/system.d/org.satchel.Satchel1.conf"
install -D -m 0644 systemd/org.satchel.Satchel1.service "$PKG/usr/share/dbus-1/system-services/org.satchel.Satchel1.service"

# Configuration, a conffile: dpkg keeps a technician's edits on upgrade.
CONFFILES=()
if [ -f systemd/satcheld.conf ]; then
  install -D -m 0644 systemd/satcheld.conf "$PKG/etc/satchel/satcheld.conf"
  CONFFILES+=(/etc/satchel/satcheld.conf)
fi

# Manual pages.
manpage() { # section, source
  [ -f "$2" ] || return 0
  install -d "$PKG/usr/share/man/man$1"
  # shellcheck disable=SC2094 # reads docs/man, writes the staging tree
  gzip -9n <"$2" >"$PKG/usr/share/man/man$1/$(basename "$2").gz"
}
manpage 8 docs/man/satcheld.8
[ -f "$PKG/usr/share/man/man8/satcheld.8.gz" ] || die "docs/man/satcheld.8 is missing"
if [ -f dist/daemon/bin/satchel.js ]; then
  manpage 1 docs/man/satchel.1
  [ -f docs/man/satchel.1 ] || say "warning: satchel has no manual page (docs/man/satchel.1); lintian will say no-manual-page"
fi

# /usr/share/doc/satchel and lintian's overrides.
DOC=$PKG/usr/share/doc/satchel
install -d "$DOC"
install -m 0644 "$SRC/debian/copyright" "$DOC/copyright"
gzip -9n <"$HERE/debian/changelog" >"$DOC/changelog.Debian.gz"
install -D -m 0644 "$HERE/debian/lintian-overrides" "$PKG/usr/share/lintian/overrides/satchel"

# One owner, Debian's modes: directories 0755, files 0644, entry points 0755.
find "$PKG" -type d -exec chmod 0755 {} +
find "$PKG" -type f -exec chmod 0644 {} +
chmod 0755 "$PKG"/usr/bin/* "$LIB"/dist/daemon/bin/*.js
# Module scripts with a #! line (npm's "bin" entries and tools): executable,
# as npm leaves them when it links a bin.
while IFS= read -r -d '' f; do
  if [ "$(head -c 2 "$f")" = '#!' ]; then chmod 0755 "$f"; fi
done < <(find "$LIB/node_modules" -type f -print0)

# A last check that the tree runs: the daemon imports lmdb (native addon)
# and every part at start-up.
got=$(node "$LIB/dist/daemon/bin/satcheld.js" --version) || die "the staged daemon does not start"
[ "$got" = "satcheld $VERSION" ] || die "the staged daemon says \"$got\", expected \"satcheld $VERSION\""

# DEBIAN/: control with computed library dependencies and size, scripts,
# conffiles, md5sums.
cp "$HERE/debian/control" "$HERE/debian/changelog" "$SRC/debian/"
install -d -m 0755 "$PKG/DEBIAN"
mapfile -d '' NATIVE < <(find "$LIB/node_modules" -name '*.node' -type f -print0)
(cd "$SRC" && dpkg-shlibdeps -Tdebian/satchel.substvars --warnings=0 "${NATIVE[@]#$SRC/}")
if [ -f dist/daemon/bin/satchel.js ]; then
  # shellcheck disable=SC2016 # ${Newline} is dpkg's substvar, not the shell's
  echo 'satchel:Tool=${Newline}It also has satchel, the command-line tool for field technicians.' >>"$SRC/debian/satchel.substvars"
else
  echo 'satchel:Tool=' >>"$SRC/debian/satchel.substvars"
fi
(cd "$SRC" && dpkg-gencontrol -psatchel -Pdebian/satchel -Tdebian/satchel.substvars -fdebian/files)
for s in postinst prerm postrm; do
  install -m 0755 "$HERE/debian/$s" "$PKG/DEBIAN/$s"
done
if [ ${#CONFFILES[@]} -gt 0 ]; then
  printf '%s\n' "${CONFFILES[@]}" >"$PKG/DEBIAN/conffiles"
  chmod 0644 "$PKG/DEBIAN/conffiles"
fi
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$PKG/DEBIAN/md5sums"

# Reproducible: every timestamp is the changelog's.
find "$PKG" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$OUTDIR"
DEB=$OUTDIR/satchel_${DEBVERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$WORK/out.deb" >&2
mv -f "$WORK/out.deb" "$DEB"
say "built $DEB ($(du -h "$DEB" | cut -f1))"
printf '%s\n' "$DEB"
