package dev.findmypic.index.catalogue;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.PhotoMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the analysers found in one photo, ready to be stored. A role absent from {@code modelKeys} did not run,
 * and whatever the catalogue already holds for that role is kept.
 *
 * @param file the file
 * @param metadata what the decoder read from the file
 * @param modelKeys the roles that ran, each with its model's {@code ModelInfo.key()}
 * @param imageVector the CLIP image vector, or null when CLIP did not run
 * @param textVector the text-embedder vector of the file name and OCR text, or null when it did not run
 * @param faces the faces found, empty when none or when faces did not run
 * @param ocr the text read, {@link OcrResult#EMPTY} when none or when OCR did not run
 */
public record AnalysedPhoto(
    FileRef file,
    PhotoMetadata metadata,
    Map<ModelRole, String> modelKeys,
    float[] imageVector,
    float[] textVector,
    List<FaceRecord> faces,
    OcrResult ocr) {
  /** Checks and copies the arguments. */
  public AnalysedPhoto {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(metadata, "metadata");
    modelKeys = Map.copyOf(modelKeys);
    faces = List.copyOf(faces);
    Objects.requireNonNull(ocr, "ocr");
  }
}
