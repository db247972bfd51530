package dev.findmypic.cli;

import dev.findmypic.core.FindMyPicException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code findmypic} command. Exit codes: 0 success, 1 a failure explained in one line on standard error
 * ({@code --verbose} adds the stack trace), 2 a usage error, 130 interrupted.
 */
@Command(
    name = "findmypic",
    mixinStandardHelpOptions = true,
    version = "findmypic 0.1.0",
    description = "Private, local AI search over your photos: by words, by face, by the text in them.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      SimilarCommand.class,
      FaceCommand.class,
      PeopleCommand.class,
      TextCommand.class,
      DocsCommand.class,
      StatsCommand.class,
      ModelsCommand.class,
      DoctorCommand.class,
      EmbedCommand.class,
      FacesCommand.class,
      OcrCommand.class,
    })
public final class Main implements Runnable {
  @Mixin GlobalOptions global;

  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Logging.configure(java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v"));
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (!CtrlC.shuttingDown()) { // exiting during shutdown would block; the JVM is already on its way out
      System.exit(code);
    }
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param args the arguments
   * @param out where results go
   * @param err where errors go
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.originalArgs().contains("--verbose") || parseResult.originalArgs().contains("-v");
      commandLine.getErr().println("findmypic: " + oneLine(e));
      if (verbose) {
        e.printStackTrace(commandLine.getErr());
      }
      return 1;
    });
    return cl.execute(args);
  }

  private static String oneLine(Exception e) {
    if (e instanceof FindMyPicException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --verbose for details)";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
