package dev.findmypic.models.clip;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.nn.Activation;
import dev.findmypic.models.nn.ConfigJson;
import dev.findmypic.models.nn.EncoderConfig;
import java.nio.file.Path;

/**
 * The architecture of a Hugging Face {@code CLIPModel}, read from its {@code config.json}. Absent keys take the
 * defaults of transformers' {@code CLIPTextConfig} and {@code CLIPVisionConfig}.
 *
 * @param text the text tower
 * @param vision the image tower
 * @param projectionDim the length of the shared embedding space
 */
public record ClipConfig(Text text, Vision vision, int projectionDim) {
  /**
   * The text tower's config.
   *
   * @param encoder the encoder's sizes
   * @param vocabSize the number of token ids
   * @param maxPositions the context length, 77 for every OpenAI CLIP
   * @param eosTokenId the end-of-text id; 2, as OpenAI's configs carry it, means "pool at the highest id"
   */
  public record Text(EncoderConfig encoder, int vocabSize, int maxPositions, int eosTokenId) {}

  /**
   * The image tower's config.
   *
   * @param encoder the encoder's sizes
   * @param imageSize the square input's side in pixels
   * @param patchSize the side of one patch in pixels
   * @param channels the number of input channels, 3
   */
  public record Vision(EncoderConfig encoder, int imageSize, int patchSize, int channels) {
    /** Checks that patches tile the image. */
    public Vision {
      if (patchSize < 1 || imageSize % patchSize != 0) {
        throw new ModelFormatException(
            "vision config: image_size " + imageSize + " is not a multiple of patch_size " + patchSize);
      }
    }

    /** @return the number of patches, the tokens after the class token */
    public int patches() {
      int side = imageSize / patchSize;
      return side * side;
    }
  }

  private static final EncoderConfig TEXT_DEFAULTS =
      new EncoderConfig(512, 2048, 12, 8, Activation.QUICK_GELU, 1e-5);
  private static final EncoderConfig VISION_DEFAULTS =
      new EncoderConfig(768, 3072, 12, 12, Activation.QUICK_GELU, 1e-5);

  /**
   * Reads a {@code config.json}.
   *
   * @param file the file
   * @return the config
   * @throws ModelFormatException naming the file if it is unreadable or inconsistent
   */
  public static ClipConfig read(Path file) {
    ConfigJson root = ConfigJson.read(file);
    ConfigJson text = root.object("text_config", "text_config_dict");
    ConfigJson vision = root.object("vision_config", "vision_config_dict");
    try {
      return new ClipConfig(
          new Text(
              EncoderConfig.read(text, TEXT_DEFAULTS),
              text.getInt("vocab_size", 49408),
              text.getInt("max_position_embeddings", 77),
              text.getInt("eos_token_id", 49407)),
          new Vision(
              EncoderConfig.read(vision, VISION_DEFAULTS),
              vision.getInt("image_size", 224),
              vision.getInt("patch_size", 32),
              vision.getInt("num_channels", 3)),
          root.getInt("projection_dim", 512));
    } catch (ModelFormatException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }
}
