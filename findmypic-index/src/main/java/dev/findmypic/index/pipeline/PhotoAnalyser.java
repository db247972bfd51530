package dev.findmypic.index.pipeline;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.index.StageTimes;
import dev.findmypic.index.catalogue.AnalysedPhoto;
import dev.findmypic.index.catalogue.FaceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the configured analysers over a batch of decoded photos: CLIP and the text embedder batched, faces and OCR per
 * photo, adding each analyser's time to the run's {@link StageClock}.
 */
final class PhotoAnalyser {
  private final Analysers analysers;
  private final StageClock clock;

  PhotoAnalyser(Analysers analysers, StageClock clock) {
    this.analysers = analysers;
    this.clock = clock;
  }

  List<AnalysedPhoto> analyse(List<Work.Decoded> batch) {
    List<Picture> pictures = new ArrayList<>(batch.size());
    for (Work.Decoded d : batch) {
      pictures.add(d.photo().picture());
    }
    List<float[]> image = null;
    if (analysers.clip() != null) {
      long start = System.nanoTime();
      image = analysers.clip().embedImages(pictures);
      clock.stop(StageTimes.CLIP, start);
    }
    List<List<FaceRecord>> faces = new ArrayList<>(batch.size());
    List<OcrResult> ocr = new ArrayList<>(batch.size());
    List<String> texts = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Picture picture = pictures.get(i);
      faces.add(faces(picture));
      OcrResult read = read(picture);
      ocr.add(read);
      texts.add(textOf(batch.get(i).file().path(), read));
    }
    List<float[]> text = null;
    if (analysers.text() != null) {
      long start = System.nanoTime();
      text = analysers.text().embedTexts(texts);
      clock.stop(StageTimes.TEXT, start);
    }
    List<AnalysedPhoto> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Work.Decoded d = batch.get(i);
      out.add(new AnalysedPhoto(d.file(), d.photo().metadata(), analysers.modelKeys(),
          image == null ? null : image.get(i), text == null ? null : text.get(i), faces.get(i), ocr.get(i)));
    }
    return out;
  }

  /**
   * Recomputes the text vectors of files whose other analyses are current, from their names and stored OCR lines.
   *
   * @return one vector per file, in order
   */
  List<float[]> retext(List<Work.Retext> files) {
    List<String> texts = new ArrayList<>(files.size());
    for (Work.Retext r : files) {
      texts.add(textOf(r.file().path(), r.ocr()));
    }
    long start = System.nanoTime();
    List<float[]> vectors = analysers.text().embedTexts(texts);
    clock.stop(StageTimes.TEXT, start);
    return vectors;
  }

  private OcrResult read(Picture picture) {
    if (analysers.ocr() == null) {
      return OcrResult.EMPTY;
    }
    long start = System.nanoTime();
    OcrResult read = analysers.ocr().read(picture);
    clock.stop(StageTimes.OCR, start);
    return read;
  }

  private List<FaceRecord> faces(Picture picture) {
    if (analysers.faces() == null) {
      return List.of();
    }
    long start = System.nanoTime();
    List<DetectedFace> found = analysers.faces().detect(picture);
    List<float[]> vectors = found.isEmpty() ? List.of() : analysers.faces().embed(picture, found);
    clock.stop(StageTimes.FACES, start);
    List<FaceRecord> records = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      records.add(new FaceRecord(found.get(i), vectors.get(i)));
    }
    return records;
  }

  /** The text the text embedder sees for a photo: its file name without extension, then its OCR text. */
  static String textOf(Path file, OcrResult ocr) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' ');
    return ocr.lines().isEmpty() ? stem : stem + "\n" + ocr.text();
  }
}
