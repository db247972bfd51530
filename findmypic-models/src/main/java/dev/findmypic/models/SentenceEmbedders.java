package dev.findmypic.models;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.text.onnx.OnnxSentenceEmbedder;
import dev.findmypic.models.text.onnx.SentenceModelFiles;

/** Opens the sentence embedder for a resolved text model: the ONNX file through ONNX Runtime. */
final class SentenceEmbedders {
  private SentenceEmbedders() {}

  static Embedder open(ResolvedModel model, int threads, int maxBatch) {
    return OnnxSentenceEmbedder.builder(SentenceModelFiles.in(model.directory()))
        .id(model.ref().id())
        .revision(model.revision())
        .threads(threads)
        .maxBatch(maxBatch)
        .build();
  }
}
