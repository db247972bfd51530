package dev.findmypic.models;

import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.dlib.DlibResnetRecognizer;
import dev.findmypic.models.face.facenet.FaceNetEmbedder;
import dev.findmypic.models.face.facenet.MtcnnFaceNetRecognizer;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import dev.findmypic.models.face.sface.SFaceEmbedder;
import dev.findmypic.models.face.sface.SFaceRecognizer;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens a face recogniser from the files a role's resolved models hold: an embedder (facenet-pytorch's
 * InceptionResnetV1, else OpenCV Zoo's SFace {@code face_recognition_sface*.onnx}, else dlib's ResNet as face-api.js
 * publishes it) and a detector (MTCNN's {@code pnet.pt}, or a YuNet {@code face_detection_yunet*.onnx}). Where both
 * detectors are present, FaceNet gets MTCNN, since its crops are defined on MTCNN's boxes; SFace and dlib's ResNet get
 * YuNet, which OpenCV Zoo pairs with SFace and which found people better for dlib's ResNet on {@code fixtures/faces}
 * (person search micro precision / recall 0.964 / 0.981 against 0.768 / 0.889 with MTCNN, at a sixth of the CPU time).
 */
final class FaceRecognizers {
  private static final String DLIB_MANIFEST = "face_recognition_model-weights_manifest.json";
  private static final List<String> FACENET_FILES =
      List.of("20180402-114759-vggface2.pt", "20180408-102900-casia-webface.pt");

  private FaceRecognizers() {}

  static FaceRecognizer open(List<ResolvedModel> models) {
    ModelFiles files = new ModelFiles(models);
    Optional<ResolvedModel> faceNet = FACENET_FILES.stream().map(files::modelWith).flatMap(Optional::stream)
        .findFirst();
    Optional<Path> sface = faceNet.isPresent() ? Optional.empty() : files.file(FaceRecognizers::isSFace);
    Optional<Path> dlib = files.dirWith(DLIB_MANIFEST);
    if (faceNet.isEmpty() && sface.isEmpty() && dlib.isEmpty()) {
      throw new ModelException("no face embedder in " + files.directories() + ": expected facenet-pytorch's "
          + FACENET_FILES + ", OpenCV Zoo's face_recognition_sface_2021dec.onnx, or dlib's ResNet as face-api.js"
          + " publishes it (" + DLIB_MANIFEST + " and its .bin)");
    }
    FaceDetector detector = detector(files, faceNet.isEmpty());
    try {
      if (faceNet.isPresent()) {
        return faceNet(faceNet.get(), detector);
      }
      return sface.isPresent() ? sface(sface.get(), detector) : DlibResnetRecognizer.open(dlib.get(), detector);
    } catch (RuntimeException e) {
      detector.close();
      throw e;
    }
  }

  private static FaceRecognizer faceNet(ResolvedModel model, FaceDetector detector) {
    String file = FACENET_FILES.stream().filter(f -> Files.isRegularFile(model.directory().resolve(f))).findFirst()
        .orElseThrow();
    ModelInfo info = new ModelInfo("facenet-pytorch/" + file.replace(".pt", ""), model.revision(),
        512, Set.of());
    return new MtcnnFaceNetRecognizer(detector, FaceNetEmbedder.open(model.directory().resolve(file), 0), info,
        MtcnnFaceNetRecognizer.DEFAULT_THRESHOLD);
  }

  private static boolean isSFace(String name) {
    return name.startsWith("face_recognition_sface") && name.endsWith(".onnx");
  }

  private static FaceRecognizer sface(Path onnx, FaceDetector detector) {
    SFaceEmbedder embedder = SFaceEmbedder.open(onnx);
    ModelInfo info = new ModelInfo("opencv-zoo/" + onnx.getFileName().toString().replace(".onnx", ""),
        embedder.revision(), SFaceEmbedder.DIMENSION, Set.of());
    return new SFaceRecognizer(detector, embedder, info, SFaceRecognizer.DEFAULT_THRESHOLD);
  }

  private static FaceDetector detector(ModelFiles files, boolean yunetFirst) {
    Optional<Path> mtcnn = files.dirWith("pnet.pt");
    Optional<Path> yunet = files.file(name -> name.startsWith("face_detection_yunet") && name.endsWith(".onnx"));
    if (mtcnn.isPresent() && (yunet.isEmpty() || !yunetFirst)) {
      return MtcnnDetector.open(mtcnn.get(), MtcnnOptions.defaults());
    }
    return yunet.<FaceDetector>map(file -> YuNetDetector.open(file, YuNetOptions.defaults()))
        .orElseThrow(() -> new ModelException("no face detector in " + files.directories()
            + ": expected MTCNN's pnet.pt, rnet.pt and onet.pt, or a face_detection_yunet*.onnx"));
  }
}
