package dev.findmypic.models.checkpoint;

/** The element types a checkpoint tensor may have, with their sizes in bytes. */
public enum TensorType {
  /** 32-bit IEEE float. */
  F32(4),
  /** 16-bit IEEE float. */
  F16(2),
  /** bfloat16: the top 16 bits of an F32. */
  BF16(2),
  /** 64-bit signed integer. */
  I64(8),
  /** 32-bit signed integer. */
  I32(4),
  /** 16-bit signed integer. */
  I16(2),
  /** 8-bit signed integer. */
  I8(1),
  /** 8-bit unsigned integer. */
  U8(1),
  /** Boolean, one byte each. */
  BOOL(1),
  /** 64-bit IEEE float. */
  F64(8);

  private final int bytes;

  TensorType(int bytes) {
    this.bytes = bytes;
  }

  /** @return the size of one element in bytes */
  public int bytes() {
    return bytes;
  }
}
