package dev.findmypic.index.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;

/**
 * {@link DlibFacesEndToEnd} with the Java MTCNN (facenet-pytorch's weights and defaults) as the detector. Indexing
 * the 128 photos costs about 41 s of CPU (2 min 10 s wall on the shared 2-core box at load 20; measured
 * 2026-11-26). Floors are the measured levels less one photo's worth
 * (one more wrong or one fewer right photo), so that a borderline face flipping on another CPU's float rounding does
 * not fail the build; benchmarks/faces-dlib/RESULTS.md has the tables.
 */
class MtcnnDlibFacesTest extends DlibFacesEndToEnd {
  @Override
  FaceDetector detector() {
    return MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"), MtcnnOptions.defaults());
  }

  @Override
  void checkPersonSearch(FixtureFaces.Table table) {
    // measured: micro 96/125 = 0.768 precision, 96/108 = 0.889 recall; macro 0.812 and 0.887
    assertThat(table.rows()).hasSize(18);
    assertThat(table.microPrecision()).isGreaterThanOrEqualTo(0.75);
    assertThat(table.microRecall()).isGreaterThanOrEqualTo(0.87);
    assertThat(table.macroPrecision()).isGreaterThanOrEqualTo(0.80);
    assertThat(table.macroRecall()).isGreaterThanOrEqualTo(0.87);
  }

  @Override
  void checkGallery(FixtureFaces.GalleryResult result) {
    // measured: micro 95/99 = 0.960 precision, 95/108 = 0.880 recall; macro 0.976 and 0.873; single-person photos
    // 79 of 89 right, 4 wrong; none of the 13 faces of unnamed people named
    assertThat(result.table().rows()).hasSize(18);
    assertThat(result.table().microPrecision()).isGreaterThanOrEqualTo(0.94);
    assertThat(result.table().microRecall()).isGreaterThanOrEqualTo(0.87);
    assertThat(result.table().macroPrecision()).isGreaterThanOrEqualTo(0.96);
    assertThat(result.table().macroRecall()).isGreaterThanOrEqualTo(0.86);
    assertThat(result.soloPhotos()).isEqualTo(89);
    assertThat(result.soloCorrect()).isGreaterThanOrEqualTo(78);
    assertThat(result.soloWrong()).isLessThanOrEqualTo(5);
    assertThat(result.strangersNamed()).isZero();
  }
}
