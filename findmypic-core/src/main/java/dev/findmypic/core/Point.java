package dev.findmypic.core;

/**
 * A point in the pixels of the upright image (origin top-left, x to the right, y down).
 *
 * @param x column, in pixels, may be fractional
 * @param y row, in pixels, may be fractional
 */
public record Point(float x, float y) {}
