package dev.findmypic.models.face.facenet;

import java.nio.file.Path;
import java.util.Map;

/**
 * The two published InceptionResnetV1 weight files of facenet-pytorch, with where facenet-pytorch caches them:
 * {@code $TORCH_HOME/checkpoints/<file>}, {@code TORCH_HOME} defaulting to {@code $XDG_CACHE_HOME/torch} and that to
 * {@code ~/.cache/torch} (facenet-pytorch's {@code get_torch_home}; not {@code hub/checkpoints}).
 */
public enum FaceNetWeights {
  /** Trained on VGGFace2 (facenet-pytorch's {@code pretrained='vggface2'}), the default. */
  VGGFACE2("https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/20180402-114759-vggface2.pt"),
  /** Trained on CASIA-WebFace ({@code pretrained='casia-webface'}). */
  CASIA_WEBFACE(
      "https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/20180408-102900-casia-webface.pt");

  private final String url;

  FaceNetWeights(String url) {
    this.url = url;
  }

  /** @return the download address facenet-pytorch uses */
  public String url() {
    return url;
  }

  /** @return the file name, for example {@code 20180402-114759-vggface2.pt} */
  public String fileName() {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /**
   * Where facenet-pytorch keeps this file, given an environment.
   *
   * @param env environment variables ({@code System.getenv()})
   * @param userHome the user's home directory
   * @return {@code <torch home>/checkpoints/<file>}
   */
  public Path cachedFile(Map<String, String> env, Path userHome) {
    String torchHome = env.get("TORCH_HOME");
    Path home;
    if (torchHome != null && !torchHome.isEmpty()) {
      home = expandTilde(torchHome, userHome);
    } else {
      String xdg = env.get("XDG_CACHE_HOME");
      home = (xdg != null && !xdg.isEmpty() ? expandTilde(xdg, userHome) : userHome.resolve(".cache")).resolve("torch");
    }
    return home.resolve("checkpoints").resolve(fileName());
  }

  private static Path expandTilde(String path, Path userHome) {
    if (path.equals("~")) {
      return userHome;
    }
    return path.startsWith("~/") ? userHome.resolve(path.substring(2)) : Path.of(path);
  }
}
