#!/usr/bin/env bash
# Builds a SQLCipher 4 command-line shell into tools/sqlcipher-shell/sqlcipher.
#
# Why: Debian 12 ships the sqlcipher shell 3.4.1, which cannot read SQLCipher 4 files (it has no
# SHA-512 HMAC/KDF). Debian 13, Homebrew and Zetetic's builds are 4.x and need nothing of this.
# Sources come from the npm registry: the SQLCipher 4 amalgamation bundled in
# @journeyapps/sqlcipher, and SQLite's shell.c from the autoconf tarball bundled in sqlite3@5.1.7
# (an older shell.c builds against a newer library). Needs npm, gcc and libssl-dev.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/sqlcipher-shell"
[ -x "$out/sqlcipher" ] && { echo "$out/sqlcipher"; exit 0; }
for tool in npm gcc; do command -v "$tool" >/dev/null || { echo "build-sqlcipher-shell: $tool is missing" >&2; exit 2; }; done
[ -f /usr/include/openssl/evp.h ] || { echo "build-sqlcipher-shell: libssl-dev is missing (apt-get install libssl-dev)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @journeyapps/sqlcipher@6.0.0 sqlite3@5.1.7 >/dev/null
tar xzf journeyapps-sqlcipher-6.0.0.tgz package/deps/sqlcipher-amalgamation
cp package/deps/sqlcipher-amalgamation/sqlite3.[ch] .
tar xzf sqlite3-5.1.7.tgz package/deps/sqlite-autoconf-3440200.tar.gz
tar xzf package/deps/sqlite-autoconf-3440200.tar.gz sqlite-autoconf-3440200/shell.c
gcc -O1 -D_GNU_SOURCE -include stdint.h -DSQLITE_HAS_CODEC -DSQLITE_TEMP_STORE=2 \
    -DSQLITE_EXTRA_INIT=sqlcipher_extra_init -DSQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown \
    -DSQLCIPHER_CRYPTO_OPENSSL -I. sqlite-autoconf-3440200/shell.c sqlite3.c \
    -o sqlcipher -lcrypto -lpthread -ldl -lm
mkdir -p "$out"
mv sqlcipher "$out/sqlcipher"
echo "$out/sqlcipher"
