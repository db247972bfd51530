package dev.findmypic.index.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;

/**
 * {@link DlibFacesEndToEnd} with YuNet (the fast tier's detector, OpenCV Zoo's model, default options) as the
 * detector. Indexing the 128 photos costs about 12 s of CPU (35 s wall on the shared 2-core box at load 24; measured
 * 2026-11-26). Floors are the measured levels less one photo's worth, as in
 * {@link MtcnnDlibFacesTest} (benchmarks/faces-dlib/RESULTS.md has the tables).
 */
class YuNetDlibFacesTest extends DlibFacesEndToEnd {
  @Override
  FaceDetector detector() {
    return YuNetDetector.open(SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
        YuNetOptions.defaults());
  }

  @Override
  void checkPersonSearch(FixtureFaces.Table table) {
    // measured: micro 106/110 = 0.964 precision, 106/108 = 0.981 recall; macro 0.931 and 0.979
    assertThat(table.rows()).hasSize(18);
    assertThat(table.microPrecision()).isGreaterThanOrEqualTo(0.94);
    assertThat(table.microRecall()).isGreaterThanOrEqualTo(0.97);
    assertThat(table.macroPrecision()).isGreaterThanOrEqualTo(0.92);
    assertThat(table.macroRecall()).isGreaterThanOrEqualTo(0.96);
  }

  @Override
  void checkGallery(FixtureFaces.GalleryResult result) {
    // measured: micro 106/107 = 0.991 precision, 106/108 = 0.981 recall; macro 0.995 and 0.979; single-person
    // photos 87 of 89 right, 1 wrong; none of the 13 faces of unnamed people named
    assertThat(result.table().rows()).hasSize(18);
    assertThat(result.table().microPrecision()).isGreaterThanOrEqualTo(0.97);
    assertThat(result.table().microRecall()).isGreaterThanOrEqualTo(0.97);
    assertThat(result.table().macroPrecision()).isGreaterThanOrEqualTo(0.98);
    assertThat(result.table().macroRecall()).isGreaterThanOrEqualTo(0.96);
    assertThat(result.soloPhotos()).isEqualTo(89);
    assertThat(result.soloCorrect()).isGreaterThanOrEqualTo(86);
    assertThat(result.soloWrong()).isLessThanOrEqualTo(2);
    assertThat(result.strangersNamed()).isZero();
  }
}
