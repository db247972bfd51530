# Sourced by the load benchmarks, with $count set and the repository root as the working directory: makes the photos
# once in /tmp/fmp-load-$count (sets $photos), builds the index module's tests and sets $CP to their class path.
photos=/tmp/fmp-load-$count
[ -d "$photos" ] || /usr/bin/python3 benchmarks/load/make_photos.py "$photos" "$count"
mvn -B -o -q install -DskipTests -pl findmypic-core,findmypic-models
mvn -B -o -q test-compile -pl findmypic-index
mvn -B -o -q -pl findmypic-index org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="findmypic-index/target/classes:findmypic-index/target/test-classes:$(cat findmypic-index/target/bench.cp)"
