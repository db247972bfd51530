package dev.findmypic.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {
  @Test
  void intersectionAreaIsTheSharedRectangle() {
    BoundingBox a = new BoundingBox(0, 0, 10, 10);
    assertThat(a.intersectionArea(new BoundingBox(5, 5, 10, 10))).isEqualTo(25f);
    assertThat(a.intersectionArea(new BoundingBox(2, 3, 4, 5))).isEqualTo(20f);
    assertThat(new BoundingBox(2, 3, 4, 5).intersectionArea(a)).isEqualTo(20f);
  }

  @Test
  void boxesThatOnlyTouchOrAreApartShareNothing() {
    BoundingBox a = new BoundingBox(0, 0, 10, 10);
    assertThat(a.intersectionArea(new BoundingBox(10, 0, 5, 5))).isZero();
    assertThat(a.intersectionArea(new BoundingBox(20, 20, 5, 5))).isZero();
  }

  @Test
  void cornersAndAreaAgree() {
    BoundingBox b = BoundingBox.ofCorners(1, 2, 4, 8);
    assertThat(b.width()).isEqualTo(3f);
    assertThat(b.bottom()).isEqualTo(8f);
    assertThat(b.area()).isEqualTo(18f);
    assertThatThrownBy(() -> new BoundingBox(0, 0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
