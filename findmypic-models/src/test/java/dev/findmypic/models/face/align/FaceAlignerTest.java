package dev.findmypic.models.face.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.models.face.dlib.DlibReference;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
  private static final List<DlibReference.Crop> CROPS = DlibReference.crops();

  @Test
  void transformsFromStoredLandmarksEqualTheReference() {
    for (DlibReference.Crop crop : CROPS) {
      ChipTransform t = FaceAligner.dlibTransform(crop.landmarks());
      assertThat(t.a()).as(crop.file()).isCloseTo(crop.a(), Offset.offset(1e-9));
      assertThat(t.b()).as(crop.file()).isCloseTo(crop.b(), Offset.offset(1e-9));
      assertThat(t.tx()).as(crop.file()).isCloseTo(crop.tx(), Offset.offset(1e-7));
      assertThat(t.ty()).as(crop.file()).isCloseTo(crop.ty(), Offset.offset(1e-7));
    }
  }

  /** 38 sources are grayscale PNGs and one is RGBA: both go through the same decoding to RGB as the reference. */
  @Test
  void chipsMatchTheReferenceCropsWithinOneGreyLevel() {
    long values = 0;
    long within1 = 0;
    int worstDiff = 0;
    double worstChipShare = 1;
    for (DlibReference.Crop crop : CROPS) {
      Picture chip = FaceAligner.extractChip(DlibReference.decode(crop.sourcePath()),
          FaceAligner.dlibTransform(crop.landmarks()), FaceAligner.DLIB_CHIP_SIZE);
      Picture reference = DlibReference.decode(crop.chipPath());
      byte[] mine = chip.copyRgb();
      byte[] theirs = reference.copyRgb();
      int ok = 0;
      for (int i = 0; i < mine.length; i++) {
        int d = Math.abs((mine[i] & 0xFF) - (theirs[i] & 0xFF));
        ok += d <= 1 ? 1 : 0;
        worstDiff = Math.max(worstDiff, d);
      }
      values += mine.length;
      within1 += ok;
      double share = (double) ok / mine.length;
      worstChipShare = Math.min(worstChipShare, share);
      assertThat(share).as(crop.file()).isGreaterThanOrEqualTo(0.99);
    }
    System.out.printf("aligned chips: %.5f of %d values within 1 grey level, worst chip %.5f, max diff %d%n",
        (double) within1 / values, values, worstChipShare, worstDiff);
  }

  @Test
  void chipReachingOutsideThePictureIsBlackThere() {
    Picture grey = uniform(200, 120, (byte) 200);
    // a face of eyes 40 px apart centred on the top-left corner: most of the chip lies outside
    List<Point> corner = List.of(new Point(-20, -10), new Point(20, -10), new Point(0, 10), new Point(-15, 30),
        new Point(15, 30));
    Picture chip = FaceAligner.extractChip(grey, FaceAligner.dlibTransform(corner), 150);
    assertThat(chip.sample(0, 0, 0)).isZero();
    assertThat(chip.sample(149, 149, 1)).isEqualTo(200);
  }

  @Test
  void tinyFaceIsEnlargedWithoutSupersampling() {
    Picture grey = uniform(40, 40, (byte) 90);
    List<Point> tiny = List.of(new Point(16, 16), new Point(22, 16), new Point(19, 19), new Point(17, 22),
        new Point(21, 22));
    ChipTransform t = FaceAligner.dlibTransform(tiny);
    assertThat(t.scale()).isLessThan(0.2);
    Picture chip = FaceAligner.extractChip(grey, t, 150);
    assertThat(chip.sample(75, 75, 2)).isEqualTo(90);
  }

  @Test
  void reducedScalePictureGivesNearlyTheSameChip() {
    DlibReference.Crop crop = CROPS.stream().filter(c -> c.sourceImage().endsWith(".jpg")).findFirst().orElseThrow();
    Picture full = DlibReference.decode(crop.sourcePath());
    Picture half = halve(full);
    ChipTransform t = FaceAligner.dlibTransform(crop.landmarks());
    byte[] a = FaceAligner.extractChip(full, t, 150).copyRgb();
    byte[] b = FaceAligner.extractChip(half, t, 150).copyRgb();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
    }
    assertThat(sum / a.length).as("mean grey-level difference").isLessThan(6);
  }

  @Test
  void wrongNumberOfLandmarksIsRefused() {
    assertThatThrownBy(() -> FaceAligner.dlibTransform(List.of(new Point(1, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 landmarks");
    List<Point> same = List.of(new Point(1, 1), new Point(1, 1), new Point(1, 1), new Point(1, 1), new Point(1, 1));
    assertThatThrownBy(() -> FaceAligner.dlibTransform(same)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Picture uniform(int w, int h, byte value) {
    byte[] rgb = new byte[w * h * 3];
    java.util.Arrays.fill(rgb, value);
    return Picture.ofRgb(w, h, rgb);
  }

  /** 2×2 box-filtered half-size copy, marked as decoded at scale 0.5. */
  private static Picture halve(Picture p) {
    int w = p.width() / 2;
    int h = p.height() / 2;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          int s = p.sample(2 * x, 2 * y, c) + p.sample(2 * x + 1, 2 * y, c) + p.sample(2 * x, 2 * y + 1, c)
              + p.sample(2 * x + 1, 2 * y + 1, c);
          rgb[(y * w + x) * 3 + c] = (byte) ((s + 2) / 4);
        }
      }
    }
    return Picture.ofRgb(w, h, rgb, (double) w / p.width());
  }
}
