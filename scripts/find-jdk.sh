#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it qualifies, else the `java` on PATH, else the newest
# under /usr/lib/jvm or /opt. Exits 1 with a message if there is none.
set -euo pipefail

major_of() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

qualifies() {
	[ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(major_of "$1")" -ge 21 ] 2>/dev/null
}

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then
	echo "$JAVA_HOME"
	exit 0
fi
if command -v javac >/dev/null 2>&1; then
	home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
	if qualifies "$home"; then
		echo "$home"
		exit 0
	fi
fi
best=""
best_major=0
for candidate in /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
	[ -d "$candidate" ] || continue
	if qualifies "$candidate"; then
		major=$(major_of "$candidate")
		if [ "$major" -gt "$best_major" ]; then
			best="$candidate"
			best_major="$major"
		fi
	fi
done
if [ -n "$best" ]; then
	echo "$best"
	exit 0
fi
echo "No JDK 21 or newer found; install one and set JAVA_HOME" >&2
exit 1
