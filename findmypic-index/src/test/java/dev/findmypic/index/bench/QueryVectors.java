package dev.findmypic.index.bench;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in analysers for the search benchmark: each "embeds" by handing out the next of a prepared list of query
 * vectors, so the benchmark times the search, not a model.
 */
final class QueryVectors {
  private final float[][] queries;
  private final AtomicInteger next = new AtomicInteger();

  QueryVectors(float[][] queries) {
    this.queries = queries;
  }

  float[] next() {
    return queries[Math.floorMod(next.getAndIncrement(), queries.length)];
  }

  Embedder clip(String key) {
    return new Embedder() {
      @Override
      public ModelInfo info() {
        return new ModelInfo(key.substring(0, key.indexOf('@')), key.substring(key.indexOf('@') + 1),
            queries[0].length, Set.of(Modality.TEXT, Modality.IMAGE));
      }

      @Override
      public List<float[]> embedTexts(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(next()));
        return out;
      }

      @Override
      public List<float[]> embedImages(List<Picture> pictures) {
        List<float[]> out = new ArrayList<>();
        pictures.forEach(p -> out.add(next()));
        return out;
      }

      @Override
      public void close() {}
    };
  }

  FaceRecognizer faces(String key, double threshold) {
    return new FaceRecognizer() {
      @Override
      public ModelInfo info() {
        return new ModelInfo(key.substring(0, key.indexOf('@')), key.substring(key.indexOf('@') + 1),
            queries[0].length, Set.of());
      }

      @Override
      public List<DetectedFace> detect(Picture picture) {
        return List.of(new DetectedFace(new BoundingBox(0, 0, 1, 1), List.of(), 1));
      }

      @Override
      public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
        List<float[]> out = new ArrayList<>();
        faces.forEach(f -> out.add(next()));
        return out;
      }

      @Override
      public double distance(float[] a, float[] b) {
        return Vectors.euclidean(a, b);
      }

      @Override
      public double threshold() {
        return threshold;
      }

      @Override
      public void close() {}
    };
  }
}
