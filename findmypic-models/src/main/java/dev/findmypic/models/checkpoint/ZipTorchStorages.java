package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The zip {@code torch.save} format: {@code <archive>/data.pkl} holds the pickled object, {@code <archive>/data/<key>}
 * each storage's raw bytes, usually stored uncompressed, so they are memory-mapped in place.
 */
final class ZipTorchStorages implements TorchStorages {
  private static final long MAX_PICKLE_BYTES = 1L << 30;

  private final Path file;
  private final ZipFile zip;
  private final FileChannel channel;
  private final String prefix;

  private ZipTorchStorages(Path file, ZipFile zip, FileChannel channel, String prefix) {
    this.file = file;
    this.zip = zip;
    this.channel = channel;
    this.prefix = prefix;
  }

  static ZipTorchStorages open(Path file) {
    ZipFile zip;
    try {
      zip = ZipFile.builder().setPath(file).get();
    } catch (IOException | RuntimeException e) {
      // commons-compress throws IllegalArgumentException and friends on hostile central-directory offsets
      throw new ModelFormatException(file + ": corrupt torch.save zip: " + e.getMessage(), e);
    }
    try {
      String prefix = archivePrefix(file, zip);
      checkByteOrder(file, zip, prefix);
      return new ZipTorchStorages(file, zip, FileChannel.open(file, StandardOpenOption.READ), prefix);
    } catch (IOException | RuntimeException e) {
      Checkpoints.closeQuietly(file, zip);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String archivePrefix(Path file, ZipFile zip) {
    for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
      String name = e.getName();
      if (name.endsWith("data.pkl") && name.indexOf('/') == name.length() - "data.pkl".length() - 1) {
        return name.substring(0, name.length() - "data.pkl".length());
      }
    }
    throw new ModelFormatException(file + ": a zip file without <archive>/data.pkl is not a torch.save checkpoint");
  }

  private static void checkByteOrder(Path file, ZipFile zip, String prefix) throws IOException {
    ZipArchiveEntry order = zip.getEntry(prefix + "byteorder");
    if (order != null) {
      String value = new String(read(file, zip, order), StandardCharsets.US_ASCII).trim();
      if (!value.equals("little")) {
        throw new ModelFormatException(file + ": byte order '" + value + "' is not supported, only little-endian");
      }
    }
  }

  /** @return the pickled object and the storages it names */
  TorchUnpickler.Result unpickle() {
    ZipArchiveEntry pkl = zip.getEntry(prefix + "data.pkl");
    try {
      byte[] bytes = read(file, zip, pkl);
      return TorchUnpickler.load(file, new CountingInput(new ByteArrayInputStream(bytes), 0, bytes.length));
    } catch (IOException e) {
      throw new ModelFormatException(file + ": corrupt data.pkl: " + e.getMessage(), e);
    }
  }

  @Override
  public ByteBuffer bytes(String key) {
    ZipArchiveEntry entry = zip.getEntry(prefix + "data/" + key);
    if (entry == null) {
      throw new ModelFormatException(file + ": storage " + key + " is named by the pickle but absent from the zip");
    }
    String where = file + ": storage " + key;
    try {
      if (entry.getMethod() == ZipArchiveEntry.STORED && entry.getDataOffset() >= 0) {
        long end = entry.getDataOffset() + entry.getSize();
        if (entry.getSize() < 0 || end > channel.size()) {
          throw new ModelFormatException(where + " lies past the end of the file; the file is truncated");
        }
        int size = Tensors.bufferSize(where, entry.getSize());
        return Tensors.littleEndian(channel.map(FileChannel.MapMode.READ_ONLY, entry.getDataOffset(), size));
      }
      return Tensors.littleEndian(ByteBuffer.wrap(read(file, zip, entry)));
    } catch (IOException e) {
      throw new ModelFormatException(where + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file, ZipFile zip, ZipArchiveEntry entry) throws IOException {
    long size = entry.getSize();
    if (size < 0 || size > MAX_PICKLE_BYTES) {
      throw new ModelFormatException(file + ": zip entry " + entry.getName() + " has an impossible size " + size);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) size);
      if (bytes.length != size) {
        throw new ModelFormatException(file + ": zip entry " + entry.getName() + " is truncated");
      }
      return bytes;
    }
  }

  @Override
  public void close() {
    Checkpoints.closeQuietly(file, channel);
    Checkpoints.closeQuietly(file, zip);
  }
}
