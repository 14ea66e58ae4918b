#!/bin/sh
# Builds Wubu (unless --no-build) and starts it in demo mode with embedded Derby:
# the console and API answer on http://127.0.0.1:8181, the Karaf shell on ssh -p 8101 karaf@127.0.0.1.
# The demo's data lives in karaf-assembly/target/assembly/data (a rebuild starts afresh).
set -e
cd "$(dirname "$0")"
if [ "$1" != "--no-build" ]; then
    mvn -B -q install -DskipTests
fi
echo "Wubu demo: http://127.0.0.1:8181/api/health  (shell and REST login: karaf / karaf)"
export EXTRA_JAVA_OPTS="-Dwubu.mode=demo ${EXTRA_JAVA_OPTS}"
if [ -t 0 ]; then
    exec karaf-assembly/target/assembly/bin/karaf
else
    # No terminal (a script, CI): run in the foreground without the local console.
    exec karaf-assembly/target/assembly/bin/karaf run
fi
