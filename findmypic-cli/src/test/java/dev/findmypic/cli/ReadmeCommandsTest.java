package dev.findmypic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every {@code ./findmypic …} command shown in README.md, in order, against one fresh data directory, offline.
 * A command marked {@code # online} needs the network, which tests never have: it is only checked to parse.
 */
class ReadmeCommandsTest {
  private static final String ONLINE = "# online";

  @Test
  void everyCommandInTheReadmeRuns(@TempDir Path dataDir) throws IOException {
    List<String> commands = readmeCommands();
    assertThat(commands).as("commands in README.md").hasSizeGreaterThanOrEqualTo(3);
    CliRunner cli = new CliRunner(dataDir);
    for (String command : commands) {
      boolean online = command.endsWith(ONLINE);
      String[] args = words(command.replace(ONLINE, "").strip().substring("./findmypic".length()));
      if (online) {
        new CommandLine(new Main()).parseArgs(args);
        System.out.println("README command needs the network, checked to parse only: " + command);
        continue;
      }
      CliRunner.Result r = cli.run(args);
      assertThat(r.exitCode()).as(command + "\n" + r.err()).isZero();
      System.out.println("$ " + command + "\n" + r.out());
    }
  }

  private static List<String> readmeCommands() throws IOException {
    Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    String shared = SharedData.root().toString();
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && line.startsWith("./findmypic ")) {
        commands.add(line.replace("../shared", shared).strip());
      }
    }
    return commands;
  }

  /** Splits a command line into words, keeping double-quoted text together. */
  static String[] words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }
}
