package dev.findmypic.models.nn;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's {@link HuggingFaceTokenizer}, with the model's special tokens
 * added, long texts truncated to the model's context (the end token kept, as the post-processor adds it after
 * truncating) and batches padded to their longest text. Thread-safe; closing frees the native tokenizer.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final Path file;
  private final int maxLength;
  private final long padId;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, Path file, int maxLength, long padId) {
    this.tokenizer = tokenizer;
    this.file = file;
    this.maxLength = maxLength;
    this.padId = padId;
  }

  /**
   * Loads a tokenizer.
   *
   * @param tokenizerJson the {@code tokenizer.json}
   * @param maxLength the most tokens a text becomes, special tokens included (77 for CLIP)
   * @param padId the id that fills padding positions (CLIP: its end token, 49407; BERT: 0)
   * @return the tokenizer; the caller closes it
   * @throws ModelFormatException naming the file if it cannot be loaded
   */
  public static TextTokenizer open(Path tokenizerJson, int maxLength, long padId) {
    try {
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
          .optTokenizerPath(tokenizerJson)
          .optAddSpecialTokens(true)
          .optTruncation(true)
          .optMaxLength(maxLength)
          .optPadding(false)
          .build();
      return new TextTokenizer(tokenizer, tokenizerJson, maxLength, padId);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
  }

  /**
   * Tokenises texts, padded to the longest.
   *
   * @param texts the texts; empty ones become just the special tokens
   * @return the batch
   */
  public TokenBatch encode(List<String> texts) {
    return encode(texts, 0);
  }

  /**
   * Tokenises texts, padded to at least a given length.
   *
   * @param texts the texts
   * @param minLength the least padded length, at most {@link #maxLength()} ({@code maxLength()} pads as
   *     transformers' {@code padding="max_length"} does)
   * @return the batch
   */
  public TokenBatch encode(List<String> texts, int minLength) {
    if (minLength > maxLength) {
      throw new IllegalArgumentException("cannot pad to " + minLength + ", beyond the context of " + maxLength);
    }
    Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
    int length = Math.max(minLength, 1);
    for (Encoding e : encodings) {
      length = Math.max(length, e.getIds().length);
    }
    long[] ids = new long[texts.size() * length];
    long[] mask = new long[ids.length];
    java.util.Arrays.fill(ids, padId);
    for (int row = 0; row < encodings.length; row++) {
      long[] tokenIds = encodings[row].getIds();
      System.arraycopy(tokenIds, 0, ids, row * length, tokenIds.length);
      java.util.Arrays.fill(mask, row * length, row * length + tokenIds.length, 1);
    }
    return new TokenBatch(texts.size(), length, ids, mask);
  }

  /** @return the most tokens a text becomes */
  public int maxLength() {
    return maxLength;
  }

  /** @return the {@code tokenizer.json} this was loaded from */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
