#!/usr/bin/env bash
# Checks that the README's quick start compiles and runs in a separate Maven project against the
# installed artifacts: builds and installs Herald, copies the README's pom fragments and Java files
# into a new project in a temporary folder, compiles it and runs shop.Main (in memory, and on Redis
# too when REDIS_URL is set). Not part of the test command: it installs into ~/.m2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -ntp install -DskipTests
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import re, sys, os
dir = sys.argv[1]
readme = open("README.md").read()
xml = re.search(r"```xml\n(.*?)```", readme, re.S).group(1)
open(os.path.join(dir, "pom.xml"), "w").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>shop</groupId><artifactId>shop</artifactId><version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
{xml}</project>
""")
for m in re.finditer(r"```java\n// (src/main/java/\S+)\n(.*?)```", readme, re.S):
    path = os.path.join(dir, m.group(1))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(m.group(2))
PY
cd "$dir"
mvn -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=cp.txt
if grep -q javapoet cp.txt; then echo "JavaPoet leaked onto the runtime class path" >&2; exit 1; fi
java -cp "target/classes:$(cat cp.txt)" shop.Main | tee out.txt
grep -q "received OrderCreated" out.txt
echo "quick start OK"
