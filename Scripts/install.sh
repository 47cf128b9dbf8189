#!/usr/bin/env bash
# Builds policykb in release mode and installs it under $PREFIX (default
# /usr/local; PREFIX=$HOME/.local needs no root):
#   $PREFIX/bin/policykb                        the command
#   $PREFIX/lib/policykb/policykb-serve         the server `policykb serve` runs
#   $PREFIX/lib/policykb/policykb-hub           what `policykb push` and `pull` run (links libpq)
#   $PREFIX/lib/policykb/libPolicykbFTS5.so     the tokenizer as an SQLite extension
#   $PREFIX/share/bash-completion/completions/policykb, zsh and fish completions
# Usage: Scripts/install.sh            PREFIX=~/.local Scripts/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"

# The command is one static executable (-static-executable): no shared
# library to find, map and relocate when it starts, which halves its fixed
# cost (Docs/PERFORMANCE.md, "Start-up"). glibc still loads its GB18030 converter
# (gconv) at run time, from this machine's glibc, the one it was linked
# against. The server, which resolves host names through NSS, links the
# Swift libraries statically but glibc dynamically.
# The builds' output (progress, and the static linker's warnings about
# glibc functions Foundation links but policykb never calls) goes to a log,
# shown only when a build fails.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
build() {
    swift build -c release "$@" >"$log" 2>&1 || { cat "$log" >&2; echo "install: swift build $* failed" >&2; exit 1; }
}
echo "building policykb in release mode (a few minutes the first time)…"
build -Xswiftc -static-executable --product policykb
build --static-swift-stdlib --product policykb-serve
build --static-swift-stdlib --product policykb-hub
build --product PolicykbFTS5
bin="$(swift build -c release --show-bin-path)"

install -d "$prefix/bin" "$prefix/lib/policykb" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
# Installed without their symbol tables (install -s; strip --strip-unneeded
# keeps the extension's exported entry points): a fraction of the size.
install -s -m 755 "$bin/policykb" "$prefix/bin/policykb"
install -m 644 "$bin/libPolicykbFTS5.so" "$prefix/lib/policykb/libPolicykbFTS5.so"
strip --strip-unneeded "$prefix/lib/policykb/libPolicykbFTS5.so"
install -s -m 755 "$bin/policykb-serve" "$prefix/lib/policykb/policykb-serve"
install -s -m 755 "$bin/policykb-hub" "$prefix/lib/policykb/policykb-hub"
"$bin/policykb" --generate-completion-script bash > "$prefix/share/bash-completion/completions/policykb"
"$bin/policykb" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_policykb"
"$bin/policykb" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/policykb.fish"

echo "installed policykb $("$prefix/bin/policykb" --version) in $prefix/bin"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to PATH, e.g.: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
