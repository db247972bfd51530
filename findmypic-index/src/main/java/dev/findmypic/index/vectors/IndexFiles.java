package dev.findmypic.index.vectors;

import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import dev.findmypic.index.catalogue.VectorSetId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.FilterOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads HNSW index files, which are caches of the catalogue's vectors.
 *
 * <p>A file is a header (magic, format version, vector set, its generation, dimension and size), a CRC32C of the
 * payload, and the payload: hnswlib's own save format, which is Java serialisation. Java serialisation of an untrusted file can run code, so
 * the payload is read only through an {@link ObjectInputFilter} that allows exactly the classes an hnswlib index of
 * {@link VectorItem}s is made of, and bounds depth, references and array sizes. Anything else (a foreign or older
 * file, another set, a stale generation, a truncated or tampered file, a hostile object) makes {@link #load} return
 * empty so the caller rebuilds the index from the catalogue.
 */
final class IndexFiles {
  static final int FORMAT_VERSION = 2;
  private static final long ABANDONED_AFTER_MS = 3_600_000;
  private static final long MAGIC = 0x464d50564944585fL; // "FMPVIDX_"
  private static final Logger LOG = LoggerFactory.getLogger(IndexFiles.class);
  private static final Set<String> ALLOWED_CLASSES = Set.of(
      "com.github.jelmerk.hnswlib.core.hnsw.HnswIndex",
      "com.github.jelmerk.hnswlib.core.DistanceFunctions$FloatInnerProduct",
      "com.github.jelmerk.hnswlib.core.JavaObjectSerializer",
      "java.util.Comparators$NaturalOrderComparator",
      "dev.findmypic.index.vectors.VectorItem",
      "java.lang.Long",
      "java.lang.Number",
      "java.lang.Enum",
      "[F");

  private IndexFiles() {}

  /**
   * The header that a file must carry to be used.
   *
   * @param set the vector set
   * @param generation the set's generation in the catalogue
   * @param dimension the vectors' length
   * @param size the number of vectors
   */
  record Header(VectorSetId set, long generation, int dimension, int size) {}

  /**
   * Writes a graph to a new temporary file beside {@code file}, then moves it over {@code file} atomically, so that
   * a reader (in this or another process) sees the old file or the new one, never a partial one. A failed write (a
   * full disk, say) removes its temporary file and leaves the old file as it was.
   */
  static void save(HnswVectorIndex index, Header header, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      write(index, header, tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    deleteAbandonedTemporaries(file);
  }

  /**
   * Deletes the temporary files of {@code file} that a killed process left: those older than an hour, which no save
   * still writes.
   */
  private static void deleteAbandonedTemporaries(Path file) {
    String prefix = file.getFileName().toString();
    long before = System.currentTimeMillis() - ABANDONED_AFTER_MS;
    try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(file.getParent(), prefix + "*.tmp")) {
      for (Path tmp : temporaries) {
        if (Files.getLastModifiedTime(tmp).toMillis() < before) {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot clear old temporary files of {}: {}", file, e.toString());
    }
  }

  private static void write(HnswVectorIndex index, Header header, Path tmp) throws IOException {
    CRC32C crc = new CRC32C();
    try (OutputStream raw = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
      out.writeLong(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(header.set().kind().name());
      out.writeUTF(header.set().modelKey());
      out.writeLong(header.generation());
      out.writeInt(header.dimension());
      out.writeInt(header.size());
      out.writeLong(0); // the payload's checksum, filled in below
      out.flush();
      OutputStream payload = new CheckedOutputStream(new BufferedOutputStream(new NonClosing(raw), 1 << 16), crc);
      index.graph().save(payload);
      payload.flush();
    }
    try (SeekableByteChannel channel = Files.newByteChannel(tmp, StandardOpenOption.WRITE)) {
      channel.position(payloadOffset(header) - Long.BYTES);
      ByteBuffer checksum = ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).flip();
      while (checksum.hasRemaining()) {
        channel.write(checksum);
      }
    }
  }

  /** A stream that leaves its target open, because hnswlib closes the stream it saves to. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  static Optional<HnswVectorIndex> load(Path file, Header expected) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      Header found = readHeader(in, expected.set());
      if (!found.equals(expected)) {
        LOG.info("index file {} is stale ({} but the catalogue has {}); rebuilding", file, found, expected);
        return Optional.empty();
      }
      long stored = in.readLong();
      if (stored != checksum(file, payloadOffset(found))) {
        throw new IOException("its checksum does not match: the file is damaged");
      }
      HnswIndex<Long, float[], VectorItem, Float> graph = readGraph(in, expected.size());
      if (graph.size() != expected.size() || graph.getDimensions() != expected.dimension()) {
        LOG.warn("index file {} holds {} vectors of {} elements, its header says {}; rebuilding",
            file, graph.size(), graph.getDimensions(), expected);
        return Optional.empty();
      }
      return Optional.of(new HnswVectorIndex(graph));
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      LOG.warn("index file {} is unreadable or foreign ({}); rebuilding it from the catalogue", file, e.toString());
      return Optional.empty();
    }
  }

  /** The size of everything before the payload: the header and the checksum. */
  private static long payloadOffset(Header h) {
    return Long.BYTES + Integer.BYTES + utfLength(h.set().kind().name()) + utfLength(h.set().modelKey()) + Long.BYTES
        + 2 * Integer.BYTES + Long.BYTES;
  }

  private static int utfLength(String s) {
    return 2 + s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** CRC32C of a file from an offset to its end. */
  private static long checksum(Path file, long from) throws IOException {
    CRC32C crc = new CRC32C();
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(from);
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static Header readHeader(DataInputStream in, VectorSetId set) throws IOException {
    if (in.readLong() != MAGIC) {
      throw new IOException("not a FindMyPic vector index file");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException("format version " + version + ", expected " + FORMAT_VERSION);
    }
    String kind = in.readUTF();
    String key = in.readUTF();
    long generation = in.readLong();
    int dimension = in.readInt();
    int size = in.readInt();
    VectorSetId found = kind.equals(set.kind().name()) && key.equals(set.modelKey()) ? set : null;
    if (found == null) {
      throw new IOException("the file holds the vector set " + kind + "/" + key + ", not " + set);
    }
    return new Header(found, generation, dimension, size);
  }

  @SuppressWarnings("unchecked")
  private static HnswIndex<Long, float[], VectorItem, Float> readGraph(InputStream in, int size)
      throws IOException, ClassNotFoundException {
    ObjectInputStream objects = new ObjectInputStream(in);
    objects.setObjectInputFilter(filter(size));
    Object graph = objects.readObject();
    if (!(graph instanceof HnswIndex)) {
      throw new IOException("the payload is a " + graph.getClass().getName() + ", not an HNSW index");
    }
    return (HnswIndex<Long, float[], VectorItem, Float>) graph;
  }

  /** The allow-list: listed classes only, with limits scaled to the expected number of vectors. */
  static ObjectInputFilter filter(int size) {
    long maxReferences = 16L * size + 1_000;
    return info -> {
      if (info.depth() > 20 || info.references() > maxReferences || info.arrayLength() > 1 << 16) {
        return ObjectInputFilter.Status.REJECTED;
      }
      Class<?> c = info.serialClass();
      if (c == null) {
        return ObjectInputFilter.Status.UNDECIDED;
      }
      return ALLOWED_CLASSES.contains(c.getName())
          ? ObjectInputFilter.Status.ALLOWED
          : ObjectInputFilter.Status.REJECTED;
    };
  }
}
