package dev.findmypic.models.text.bert;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.nn.Activation;
import dev.findmypic.models.nn.ConfigJson;
import dev.findmypic.models.nn.EncoderConfig;
import java.nio.file.Path;

/**
 * The architecture of a Hugging Face {@code BertModel} (all-MiniLM-L6-v2 is one), read from its {@code config.json}.
 * Absent keys take transformers' {@code BertConfig} defaults.
 *
 * @param encoder the encoder's sizes
 * @param vocabSize the number of token ids
 * @param maxPositions the number of position embeddings, the longest input
 * @param typeVocabSize the number of token types (segments)
 */
public record BertConfig(EncoderConfig encoder, int vocabSize, int maxPositions, int typeVocabSize) {
  private static final EncoderConfig DEFAULTS = new EncoderConfig(768, 3072, 12, 12, Activation.GELU, 1e-12);

  /**
   * Reads a {@code config.json}.
   *
   * @param file the file
   * @return the config
   * @throws ModelFormatException naming the file if it is unreadable, inconsistent or not an absolute-position BERT
   */
  public static BertConfig read(Path file) {
    ConfigJson json = ConfigJson.read(file);
    String positions = json.getString("position_embedding_type", "absolute");
    if (!positions.equals("absolute")) {
      throw new ModelFormatException(file + ": position_embedding_type '" + positions + "' is not supported, only "
          + "'absolute'");
    }
    try {
      return new BertConfig(
          EncoderConfig.read(json, DEFAULTS),
          json.getInt("vocab_size", 30522),
          json.getInt("max_position_embeddings", 512),
          json.getInt("type_vocab_size", 2));
    } catch (ModelFormatException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }
}
