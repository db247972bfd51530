package dev.findmypic.models.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Hand-made hostile EXIF blocks: the reader returns what it can and never loops or allocates what a field claims. */
class ExifReaderTest {
  /** Big-endian TIFF header followed by IFD0 at offset 8 with the given 12-byte entries. */
  private static byte[] tiff(int declaredCount, int[]... entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    out.write(declaredCount >> 8);
    out.write(declaredCount);
    for (int[] e : entries) { // tag, type, count, value
      out.write(e[0] >> 8);
      out.write(e[0]);
      out.write(e[1] >> 8);
      out.write(e[1]);
      for (int v : new int[] {e[2], e[3]}) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
      }
    }
    out.writeBytes(new byte[4]);
    return out.toByteArray();
  }

  private static ExifData read(byte[] data) {
    return ExifReader.read(new ByteReader(data, 0, data.length, true));
  }

  @Test
  void readsOrientationStoredInTheEntry() {
    // SHORT orientation 6 is left-aligned in the 4-byte value field
    assertThat(read(tiff(1, new int[] {0x0112, 3, 1, 6 << 16})).orientation()).isEqualTo(6);
  }

  @Test
  void anExifPointerBackToIfd0DoesNotLoop() {
    ExifData exif = read(tiff(2, new int[] {0x0112, 3, 1, 3 << 16}, new int[] {0x8769, 4, 1, 8}));
    assertThat(exif.orientation()).isEqualTo(3);
    assertThat(exif.takenAt()).isNull();
  }

  @Test
  void aHugeEntryCountIsRefusedWithoutReadingIt() {
    assertThat(read(tiff(60000, new int[] {0x0112, 3, 1, 6 << 16}))).isEqualTo(ExifData.NONE);
  }

  @Test
  void aStringClaimingFourGigabytesIsIgnored() {
    ExifData exif = read(tiff(2, new int[] {0x010F, 2, -1, 100}, new int[] {0x0112, 3, 1, 8 << 16}));
    assertThat(exif.make()).isNull();
    assertThat(exif.orientation()).isEqualTo(8);
  }

  @Test
  void anOutOfRangeOrientationCountsAsUpright() {
    assertThat(read(tiff(1, new int[] {0x0112, 3, 1, 9 << 16})).orientation()).isEqualTo(1);
  }

  @Test
  void garbageIsNone() {
    assertThat(read(new byte[] {1, 2, 3})).isEqualTo(ExifData.NONE);
    assertThat(read(new byte[0])).isEqualTo(ExifData.NONE);
  }
}
