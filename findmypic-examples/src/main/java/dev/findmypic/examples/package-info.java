/**
 * Small programs that show FindMyPic from a host application. Each one compiles, runs from its {@code main}, and is
 * exercised by a test. Copy what you need.
 */
package dev.findmypic.examples;
