package dev.findmypic.core.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where a model comes from. Each kind of source is a record; a {@link ModelStore} turns one into local files. */
public sealed interface ModelRef permits ModelRef.Hub, ModelRef.Url, ModelRef.Local, ModelRef.Classpath {
  /** @return a short, human-readable id, used in messages and listings */
  String id();

  /**
   * A Hugging Face Hub repository, cached exactly as {@code huggingface_hub} caches it.
   *
   * @param repoId for example {@code openai/clip-vit-base-patch32}
   * @param revision a branch or tag (resolved to a commit hash) or a 40-hex commit hash
   * @param files the repository paths needed, for example {@code config.json} and {@code model.safetensors}
   */
  record Hub(String repoId, String revision, List<String> files) implements ModelRef {
    /** Checks and copies the arguments. */
    public Hub {
      Objects.requireNonNull(repoId, "repoId");
      Objects.requireNonNull(revision, "revision");
      files = List.copyOf(files);
      if (!repoId.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?") || repoId.contains("..")) {
        throw new IllegalArgumentException("not a Hub repository id: '" + repoId + "'");
      }
    }

    @Override
    public String id() {
      return repoId;
    }
  }

  /**
   * Files published at plain URLs, cached where the Python tool that uses them caches them.
   *
   * @param id a name for the model, for example {@code facenet-pytorch/vggface2}
   * @param files the files
   * @param cache which cache directory the files go to
   */
  record Url(String id, List<UrlFile> files, UrlCache cache) implements ModelRef {
    /** Checks and copies the arguments. */
    public Url {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(cache, "cache");
      files = List.copyOf(files);
    }
  }

  /**
   * One file at a URL. Where the URL names a {@code .zip} archive and the file name does not, the file is the
   * archive's entry of that name, extracted (as EasyOCR publishes its weights).
   *
   * @param uri where to download it from
   * @param fileName the name to store it under (a plain name, no directories)
   * @param sha256 the published sha256 of the stored file in lower-case hex, or null where none is published (then
   *     the sha256 is recorded on first download and checked afterwards, besides any published md5)
   * @param md5 the published md5 of the stored file in lower-case hex (EasyOCR's {@code config.py} publishes these),
   *     or null
   */
  record UrlFile(URI uri, String fileName, String sha256, String md5) {
    /** Checks the file name. */
    public UrlFile {
      Objects.requireNonNull(uri, "uri");
      if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
        throw new IllegalArgumentException("not a plain file name: '" + fileName + "'");
      }
    }

    /**
     * A file with a published sha256, or none.
     *
     * @param uri where to download it from
     * @param fileName the name to store it under
     * @param sha256 the published sha256, or null
     */
    public UrlFile(URI uri, String fileName, String sha256) {
      this(uri, fileName, sha256, null);
    }

    /** @return true if the URL names a zip archive that holds the file */
    public boolean fromZip() {
      return uri.getPath() != null && uri.getPath().endsWith(".zip") && !fileName.endsWith(".zip");
    }
  }

  /** Which cache a {@link Url} model's files live in. */
  enum UrlCache {
    /** {@code $TORCH_HOME/hub/checkpoints}, where {@code torch.hub} keeps downloaded weights. */
    TORCH_HUB_CHECKPOINTS,
    /** {@code $TORCH_HOME/checkpoints}, where facenet-pytorch keeps its weights. */
    TORCH_CHECKPOINTS,
    /** EasyOCR's model directory ({@code ~/.EasyOCR/model} by default). */
    EASYOCR,
    /** {@code models/} under the library's data directory. */
    DATA_DIR
  }

  /**
   * A directory on disk that already holds the files, laid out as the model's Hub repository is.
   *
   * @param directory the directory
   */
  record Local(Path directory) implements ModelRef {
    /** Checks the argument. */
    public Local {
      Objects.requireNonNull(directory, "directory");
    }

    @Override
    public String id() {
      return directory.toString();
    }
  }

  /**
   * A model that a Maven dependency put on the class path, with a sha256 per file.
   *
   * @param id a name for the model, for example {@code all-minilm-l6-v2-q}
   * @param version the artifact's version, used as the revision
   * @param files the files, each with its resource path and sha256
   */
  record Classpath(String id, String version, List<ClasspathFile> files) implements ModelRef {
    /** Checks and copies the arguments. */
    public Classpath {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
      files = List.copyOf(files);
    }
  }

  /**
   * One file of a {@link Classpath} model.
   *
   * @param resource the class-path resource, for example {@code all-minilm-l6-v2-q.onnx}
   * @param fileName the name it is extracted as
   * @param sha256 its sha256 in lower-case hex
   */
  record ClasspathFile(String resource, String fileName, String sha256) {}
}
