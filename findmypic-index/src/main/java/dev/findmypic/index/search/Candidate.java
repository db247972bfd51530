package dev.findmypic.index.search;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A photo collecting signals while a query is answered. */
final class Candidate {
  final long fileId;
  final Map<Signal, SignalMatch> signals = new EnumMap<>(Signal.class);
  final Set<Long> faceIds = new HashSet<>();
  double score;

  Candidate(long fileId) {
    this.fileId = fileId;
  }
}
