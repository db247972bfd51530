package dev.findmypic.models.text.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BERT WordPiece tokenizer read from {@code tokenizer.json}, set up as sentence-transformers runs it: special tokens
 * added, truncated to a maximum length, and no padding (batches are padded by {@link TokenBatch}). The truncation and
 * padding that the file itself declares (all-MiniLM's says 128 tokens, padded to 128) are overridden. Thread-safe.
 */
final class SentenceTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;

  private SentenceTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /**
   * Reads a tokenizer.
   *
   * @param file the {@code tokenizer.json}
   * @param maxLength the most tokens per text, special tokens included
   * @return the tokenizer
   * @throws ModelFormatException naming the file if it cannot be read
   */
  static SentenceTokenizer open(Path file, int maxLength) {
    try {
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
          .optTokenizerPath(file)
          .optAddSpecialTokens(true)
          .optTruncation(true)
          .optPadding(false)
          .optMaxLength(maxLength)
          .build();
      return new SentenceTokenizer(tokenizer);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException("cannot read the tokenizer " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Tokenises texts.
   *
   * @param texts the texts; empty text gives just the special tokens
   * @return the ids of each text, in order
   */
  List<long[]> encode(List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    List<long[]> ids = new ArrayList<>(encodings.length);
    for (Encoding encoding : encodings) {
      ids.add(encoding.getIds());
    }
    return ids;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
