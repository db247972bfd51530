package dev.findmypic.cli;

/**
 * Sets slf4j-simple's levels before the first logger exists: warnings only by default (the engines' start-up chatter
 * stays out of the way of results), everything with {@code --verbose}.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", verbose ? "info" : "error");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
