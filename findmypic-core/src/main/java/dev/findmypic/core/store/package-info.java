/**
 * The model store API: where models come from (a Hugging Face Hub repository, a URL, a local directory, or a jar on
 * the class path), how they are fetched into the caches the Python tools share, verified and found again offline.
 * The implementation lives in {@code findmypic-models}.
 */
package dev.findmypic.core.store;
