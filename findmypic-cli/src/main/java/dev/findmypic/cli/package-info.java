/**
 * The {@code findmypic} command line: a thin picocli wrapper over the library. Every command's logic lives in the
 * library; this package parses options, calls it and prints a table or JSON.
 */
package dev.findmypic.cli;
