# Sourced by ./vgtx and .ci/run: points JAVA_HOME at a JDK 25 or newer, so the commands of the README
# work in a fresh shell with nothing exported. The machine's default java is older.
vgtx_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(vgtx_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]-jdk-* /usr/lib/jvm/java-2[5-9]-*; do
    if [ -x "$candidate/bin/java" ] && [ "$(vgtx_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(vgtx_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  echo "vgtx needs a JDK 25 or newer: set JAVA_HOME (looked in /usr/lib/jvm)" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's own libraries warn on JDK 25 without this.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
