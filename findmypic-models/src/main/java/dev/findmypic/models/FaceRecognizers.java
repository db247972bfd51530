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
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens a face recogniser from the files a role's resolved models hold: a detector (MTCNN's {@code pnet.pt}, or a
 * YuNet {@code face_detection_yunet*.onnx}) and an embedder (facenet-pytorch's InceptionResnetV1, else dlib's ResNet
 * as face-api.js publishes it).
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
    Optional<Path> dlib = files.dirWith(DLIB_MANIFEST);
    if (faceNet.isEmpty() && dlib.isEmpty()) {
      throw new ModelException("no face embedder in " + files.directories() + ": expected facenet-pytorch's "
          + FACENET_FILES + " or dlib's ResNet as face-api.js publishes it (" + DLIB_MANIFEST + " and its .bin)");
    }
    FaceDetector detector = detector(files);
    try {
      return faceNet.isPresent() ? faceNet(faceNet.get(), detector) : DlibResnetRecognizer.open(dlib.get(), detector);
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

  private static FaceDetector detector(ModelFiles files) {
    Optional<Path> mtcnn = files.dirWith("pnet.pt");
    if (mtcnn.isPresent()) {
      return MtcnnDetector.open(mtcnn.get(), MtcnnOptions.defaults());
    }
    return files.file(name -> name.startsWith("face_detection_yunet") && name.endsWith(".onnx"))
        .<FaceDetector>map(yunet -> YuNetDetector.open(yunet, YuNetOptions.defaults()))
        .orElseThrow(() -> new ModelException("no face detector in " + files.directories()
            + ": expected MTCNN's pnet.pt, rnet.pt and onet.pt, or a face_detection_yunet*.onnx"));
  }
}
