#!/bin/sh
# Builds Wubu (unless --no-build) and starts it in demo mode with embedded Derby:
# the console and API answer on http://127.0.0.1:8181, the Karaf shell on ssh -p 8101 karaf@127.0.0.1.
# The demo's data lives in karaf-assembly/target/assembly/data (a rebuild starts afresh).
set -e
cd "$(dirname "$0")"
if [ "$1" != "--no-build" ]; then
    mvn -B -q install -DskipTests
fi
cat <<'ACCOUNTS'
Wubu demo: http://127.0.0.1:8181/api/health — shell: ssh -p 8101 it@127.0.0.1
Demo accounts, all with the password Demo-pass-2026 (REST: curl -u planner:Demo-pass-2026 ...):
  gm (general manager)          director (marketing director)   lead (department lead)
  planner (e-commerce planner)  designer (designer/copywriter)  specialist (content specialist)
  agent (CS agent)              csmanager (CS manager)          delivery (delivery)
  it (IT administrator, dba)    buyer (procurement)             commerce (commercial head)
  engineering (engineering lead) executive (executive director) finance (finance)
  warehouse (warehouse)
ACCOUNTS
export EXTRA_JAVA_OPTS="-Dwubu.mode=demo ${EXTRA_JAVA_OPTS}"
if [ -t 0 ]; then
    exec karaf-assembly/target/assembly/bin/karaf
else
    # No terminal (a script, CI): run in the foreground without the local console.
    exec karaf-assembly/target/assembly/bin/karaf run
fi
