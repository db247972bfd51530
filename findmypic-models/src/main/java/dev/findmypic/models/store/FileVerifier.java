package dev.findmypic.models.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a file against the hash it must have, hashing it only when the ledger has no record of it at its current
 * size and modification time (or always, when asked to be thorough).
 */
final class FileVerifier {
  private final HashLedger ledger;

  FileVerifier(HashLedger ledger) {
    this.ledger = ledger;
  }

  HashLedger ledger() {
    return ledger;
  }

  /**
   * @param file the file
   * @param kind the hash
   * @param expected the hash it must have, lower-case hex
   * @param thorough true to hash even if the ledger says it matched before
   * @return empty if it matches, else what is wrong, naming the file
   * @throws IOException if the file cannot be read
   */
  Optional<String> mismatch(Path file, Digests.Kind kind, String expected, boolean thorough) throws IOException {
    if (!thorough && ledger.isVerified(file, kind, expected)) {
      return Optional.empty();
    }
    String actual = Digests.hash(kind, file);
    if (!actual.equals(expected)) {
      return Optional.of(file + ": " + name(kind) + " is " + actual + ", expected " + expected);
    }
    ledger.markVerified(file, kind, actual);
    return Optional.empty();
  }

  static String name(Digests.Kind kind) {
    switch (kind) {
      case SHA256:
        return "sha256";
      case MD5:
        return "md5";
      default:
        return "git blob sha1";
    }
  }
}
