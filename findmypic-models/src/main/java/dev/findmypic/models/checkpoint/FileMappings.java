package dev.findmypic.models.checkpoint;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory mappings a checkpoint made, each unmapped when its tensor is released, the rest when the checkpoint
 * closes.
 *
 * <p>Java unmaps a {@link MappedByteBuffer} only when the garbage collector finds it unreachable, and after a model
 * is built nothing may trigger a collection for a long time: every page of the file that was read stays mapped and
 * counts in the process's resident memory, beside the copy the model owns (600 MB for CLIP ViT-B/32). Unmapping each
 * tensor once it is copied returns it at once. This uses {@code sun.misc.Unsafe.invokeCleaner} (module {@code jdk.unsupported}); where
 * that is missing, the mappings are left to the garbage collector as before.
 */
final class FileMappings {
  private static final Logger LOG = LoggerFactory.getLogger(FileMappings.class);
  private static final Unmapper UNMAPPER = Unmapper.find();

  private final Map<ByteBuffer, MappedByteBuffer> mappingOfView = new IdentityHashMap<>();

  /**
   * Maps part of a file read-only and remembers the mapping.
   *
   * @param channel the file
   * @param position where the part starts
   * @param size its length in bytes
   * @return a little-endian, read-only view of the mapping, valid until it is released
   * @throws IOException if the file cannot be mapped
   */
  synchronized ByteBuffer map(FileChannel channel, long position, long size) throws IOException {
    MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, position, size);
    ByteBuffer view = Tensors.littleEndian(mapping);
    mappingOfView.put(view, mapping);
    return view;
  }

  /**
   * Unmaps the mapping behind a view that {@link #map} returned; any other buffer is ignored.
   *
   * @param view the view, which must not be read afterwards
   */
  synchronized void release(ByteBuffer view) {
    MappedByteBuffer mapping = mappingOfView.remove(view);
    if (mapping != null && UNMAPPER != null) {
      UNMAPPER.unmap(mapping);
    }
  }

  /** Unmaps every mapping; no view may be read afterwards. */
  synchronized void unmapAll() {
    if (UNMAPPER != null) {
      mappingOfView.values().forEach(UNMAPPER::unmap);
    }
    mappingOfView.clear();
  }

  /** {@code sun.misc.Unsafe.invokeCleaner}, found by reflection. */
  private record Unmapper(Object unsafe, Method invokeCleaner) {
    static Unmapper find() {
      try {
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        return new Unmapper(field.get(null), type.getMethod("invokeCleaner", ByteBuffer.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("cannot unmap checkpoint files promptly ({}); the garbage collector will", e.toString());
        return null;
      }
    }

    void unmap(MappedByteBuffer buffer) {
      try {
        invokeCleaner.invoke(unsafe, buffer);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("cannot unmap a checkpoint mapping ({}); the garbage collector will", e.toString());
      }
    }
  }
}
