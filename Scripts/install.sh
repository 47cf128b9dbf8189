#!/usr/bin/env bash
# Builds policykb in release mode and installs it under $PREFIX (default
# /usr/local; PREFIX=$HOME/.local needs no root):
#   $PREFIX/bin/policykb                        the command
#   $PREFIX/lib/policykb/policykb-serve         the server `policykb serve` runs
#   $PREFIX/lib/policykb/libPolicykbFTS5.so     the tokenizer as an SQLite extension
#   $PREFIX/share/bash-completion/completions/policykb, zsh and fish completions
# Usage: Scripts/install.sh            PREFIX=~/.local Scripts/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"

# The command is linked at a fixed address (-no-pie): the loader then has
# no relocations to apply to it, a millisecond of every start. The server,
# which listens on a network, keeps address randomisation.
swift build -c release --static-swift-stdlib -Xlinker -no-pie --product policykb
swift build -c release --static-swift-stdlib --product policykb-serve
swift build -c release --product PolicykbFTS5
bin="$(swift build -c release --show-bin-path)"

install -d "$prefix/bin" "$prefix/lib/policykb" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin/policykb" "$prefix/bin/policykb"
install -m 644 "$bin/libPolicykbFTS5.so" "$prefix/lib/policykb/libPolicykbFTS5.so"
install -m 755 "$bin/policykb-serve" "$prefix/lib/policykb/policykb-serve"
"$bin/policykb" --generate-completion-script bash > "$prefix/share/bash-completion/completions/policykb"
"$bin/policykb" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_policykb"
"$bin/policykb" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/policykb.fish"

echo "installed policykb $("$prefix/bin/policykb" --version) in $prefix/bin"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to PATH, e.g.: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
