package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code group_text_box} with EasyOCR's readtext defaults (slope 0.1, y-centre 0.5, height 0.5, width 0.5, margin
 * 0.1, min size 20) on hand-made boxes whose results were worked out by hand from EasyOCR's code.
 */
class TextBoxGrouperTest {
  private final TextBoxGrouper grouper = new TextBoxGrouper(EasyOcrSettings.defaults());

  private static int[] rect(int x0, int y0, int x1, int y1) {
    return new int[] {x0, y0, x1, y0, x1, y1, x0, y1};
  }

  @Test
  void mergesCloseWordsOfALineAndKeepsDistantOnesApart() {
    var groups = grouper.group(List.of(
        rect(200, 11, 240, 29), // same row, 100 px to the right: its own line, margin int(0.1*18) = 1
        rect(10, 60, 30, 75), // next row: margin int(0.1*15) = 1
        rect(58, 12, 100, 30), // gap 8 < 0.5*18: merges with the next
        rect(10, 10, 50, 30),
        rect(300, 100, 310, 110))); // 12 px with its margin: dropped by min_size 20
    assertThat(groups.lines()).containsExactly(
        new LineBox(8, 102, 8, 32), // union 90x20, margin int(0.1*20) = 2
        new LineBox(199, 241, 10, 30),
        new LineBox(9, 31, 59, 76));
    assertThat(groups.free()).isEmpty();
  }

  @Test
  void aGapWiderThanHalfTheHeightSplitsTheLine() {
    var groups = grouper.group(List.of(rect(10, 10, 50, 30), rect(60, 12, 100, 30)));
    // gap 10 is not < 0.5*18: two lines, margins int(0.1*20) = 2 and int(0.1*18) = 1
    assertThat(groups.lines()).containsExactly(new LineBox(8, 52, 8, 32), new LineBox(59, 101, 11, 31));
  }

  @Test
  void tiltedBoxesBecomeFreeQuadsWidenedAlongTheirSlope() {
    var groups = grouper.group(List.of(new int[] {100, 200, 200, 150, 210, 170, 110, 220}));
    assertThat(groups.lines()).isEmpty();
    assertThat(groups.free()).hasSize(1);
    // margin int(1.44*0.1*min(|(10,20)|, |(100,-50)|)) = 3, theta13 = atan(30/10), theta24 = atan(70/90)
    double[] expected = {99.05131670194949, 197.15395010584845, 202.36805665212898, 148.15817815945525,
        210.94868329805053, 172.84604989415155, 107.63194334787102, 221.84182184054475};
    List<Point> corners = groups.free().get(0).points();
    for (int i = 0; i < 4; i++) {
      assertThat((double) corners.get(i).x()).isCloseTo(expected[2 * i], within(1e-4));
      assertThat((double) corners.get(i).y()).isCloseTo(expected[2 * i + 1], within(1e-4));
    }
  }

  @Test
  void noBoxesGiveNoLines() {
    var groups = grouper.group(List.of());
    assertThat(groups.lines()).isEmpty();
    assertThat(groups.free()).isEmpty();
  }
}
