package dev.findmypic.models.text.onnx;

import dev.findmypic.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The two files an ONNX sentence embedder needs.
 *
 * @param model the ONNX graph, taking {@code input_ids}, {@code attention_mask} and optionally
 *     {@code token_type_ids}, and giving {@code last_hidden_state}
 * @param tokenizer the Hugging Face fast tokenizer, {@code tokenizer.json}
 */
public record SentenceModelFiles(Path model, Path tokenizer) {
  /** Where a model directory may keep its graph: flat, or as a Hub repository lays it out. */
  private static final List<String> MODEL_CANDIDATES = List.of("model.onnx", "onnx/model.onnx");

  /** Checks that neither path is null. */
  public SentenceModelFiles {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tokenizer, "tokenizer");
  }

  /**
   * Finds the files in a model directory: {@code model.onnx} (else {@code onnx/model.onnx}, the Hub's layout) and
   * {@code tokenizer.json}.
   *
   * @param directory the model directory
   * @return the files
   * @throws ModelException naming the directory and the files looked for if either is missing
   */
  public static SentenceModelFiles in(Path directory) {
    Path model = MODEL_CANDIDATES.stream()
        .map(directory::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(() -> new ModelException("no ONNX sentence model in " + directory + ": looked for "
            + MODEL_CANDIDATES + "; point the text model at a directory that holds one"));
    Path tokenizer = directory.resolve("tokenizer.json");
    if (!Files.isRegularFile(tokenizer)) {
      throw new ModelException("no tokenizer.json in " + directory + " beside " + directory.relativize(model)
          + "; the sentence model needs the Hugging Face fast tokenizer file");
    }
    return new SentenceModelFiles(model, tokenizer);
  }
}
