package dev.findmypic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process against one data directory, offline, and keeps what it printed. */
final class CliRunner {
  private final Path dataDir;

  CliRunner(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** What one run printed, and its exit code. */
  record Result(int exitCode, String out, String err) {}

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--offline"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
