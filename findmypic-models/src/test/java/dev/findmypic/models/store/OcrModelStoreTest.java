package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ModelRef.UrlFile;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import dev.findmypic.models.ocr.ppocr.PpOcrEngine;
import dev.findmypic.models.ocr.ppocr.PpOcrModel;
import dev.findmypic.models.ocr.ppocr.PpOcrOptions;
import dev.findmypic.models.ocr.tesseract.TesseractEngine;
import dev.findmypic.models.ocr.tesseract.TesseractOptions;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCR entries of {@link ModelCatalog} through the store, against a fake server on 127.0.0.1: tessdata_fast's
 * {@code eng.traineddata} (the real file, from {@code ../shared}) and PP-OCRv5's three files. There are no PP-OCRv5
 * weights here, so the v5 wiring is run with PP-OCRv4's real files served under v5's names.
 */
class OcrModelStoreTest {
  private static final Path SHARED_ENG = SharedData.path("models/tesseract/eng.traineddata");

  @TempDir Path tmp;
  FakeHub server;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeHub();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  DefaultModelStore store(boolean offline) {
    return TestStores.store(TestStores.settings(tmp, server.endpoint(), offline));
  }

  /** The catalogue's URL model, with its pinned hashes, its file names and its cache, served from the fake server. */
  ModelRef.Url servedFromFake(ModelRef.Url ref) {
    List<UrlFile> files = new ArrayList<>();
    for (UrlFile f : ref.files()) {
      files.add(new UrlFile(server.staticUri(f.fileName()), f.fileName(), f.sha256(), f.md5()));
    }
    return new ModelRef.Url(ref.id(), files, ref.cache());
  }

  @Test
  void debiansEngTraineddataIsByteForByteThePinnedTessdataFastFile() throws Exception {
    assertThat(FakeHub.sha256(Files.readAllBytes(SHARED_ENG)))
        .isEqualTo(ModelCatalog.TESSERACT_ENG_FAST.files().get(0).sha256());
  }

  @Test
  void engTraineddataIsFetchedVerifiedCachedAndThenReadOffline() throws Exception {
    byte[] eng = Files.readAllBytes(SHARED_ENG);
    server.addStatic("eng.traineddata", eng);

    ResolvedModel m = store(false).resolve(servedFromFake(ModelCatalog.TESSERACT_ENG_FAST));

    assertThat(m.source()).isEqualTo(ResolvedModel.Source.DOWNLOADED);
    assertThat(m.file("eng.traineddata")).isEqualTo(tmp.resolve("data/models/eng.traineddata"));
    assertThat(Files.readAllBytes(m.file("eng.traineddata"))).isEqualTo(eng);
    assertThat(m.revision()).isEqualTo(ModelCatalog.TESSERACT_ENG_FAST.files().get(0).sha256());
    int requests = server.requests.size();

    // the catalogue's own entry (its URL is github's) now comes from the cache, with no request at all
    Picture page = new OpenCvPhotoDecoder()
        .decode(SharedData.path("fixtures/ocr/tesseract_pages/HelloGoogle.tif"), 0).picture();
    try (TesseractEngine engine = TesseractEngine.open(store(true), TesseractOptions.defaults())) {
      OcrResult r = engine.read(page);
      assertThat(r.text()).containsIgnoringCase("hello");
    }
    assertThat(server.requests).hasSize(requests);
  }

  @Test
  void tamperedEngTraineddataIsRefusedInTheCacheAndOnTheWire() throws Exception {
    byte[] eng = Files.readAllBytes(SHARED_ENG);
    server.addStatic("eng.traineddata", eng);
    ModelRef.Url ref = servedFromFake(ModelCatalog.TESSERACT_ENG_FAST);
    store(false).resolve(ref);
    Path cached = tmp.resolve("data/models/eng.traineddata");
    byte[] altered = eng.clone();
    altered[eng.length / 2] ^= 1;
    Files.write(cached, altered);

    assertThatThrownBy(() -> TesseractEngine.open(store(true), TesseractOptions.defaults()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining(cached.toString());

    // online, the damaged copy is fetched again
    assertThat(store(false).resolve(ref).source()).isEqualTo(ResolvedModel.Source.DOWNLOADED);
    assertThat(Files.readAllBytes(cached)).isEqualTo(eng);

    // a server that sends altered bytes is refused, and nothing is left behind
    Files.delete(cached);
    server.addStatic("eng.traineddata", altered);
    assertThatThrownBy(() -> store(false).resolve(ref))
        .isInstanceOfSatisfying(ModelDownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY))
        .hasMessageContaining("sha256 is " + FakeHub.sha256(altered));
    assertThat(cached).doesNotExist();
  }

  @Test
  void tesseractStoreHasEnglishOnly() {
    assertThatThrownBy(() -> TesseractEngine.open(store(true), new TesseractOptions("deu", 3, 0.5f, 1)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("'deu'");
  }

  @Test
  void ocrChoicesByNameAreTheCatalogueSets() {
    ModelSet easyOcr = ModelCatalog.seed(ModelRole.OCR, ModelCatalog.CLIP_VIT_BASE_PATCH32);
    assertThat(ModelResolver.parseOverride(ModelRole.OCR, "tesseract", easyOcr))
        .isEqualTo(ModelCatalog.TESSERACT_ENGLISH);
    assertThat(ModelResolver.parseOverride(ModelRole.OCR, " ppocr-v5 ", easyOcr))
        .isEqualTo(ModelCatalog.PPOCR_V5_MOBILE);
    assertThatThrownBy(() -> ModelResolver.parseOverride(ModelRole.FACES, "tesseract", ModelCatalog.FACES))
        .isInstanceOf(ModelException.class);
    assertThatThrownBy(() -> ModelResolver.parseOverride(ModelRole.OCR, "tesseract-5", easyOcr))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("takes a directory or ppocr-v5 or tesseract)");
    assertThat(ModelCatalog.all()).contains(ModelCatalog.TESSERACT_ENG_FAST, ModelCatalog.PPOCR_V5_MOBILE_DET,
        ModelCatalog.PPOCR_V5_MOBILE_REC, ModelCatalog.PPOCR_V5_DICT);
  }

  /** Serves PP-OCRv5's two Hub repositories at their pinned commits, with the given files as inference.onnx. */
  private void serveV5(Path det, Path rec) throws Exception {
    for (var e : List.of(java.util.Map.entry(ModelCatalog.PPOCR_V5_MOBILE_DET, det),
        java.util.Map.entry(ModelCatalog.PPOCR_V5_MOBILE_REC, rec))) {
      server.addRepo(e.getKey().repoId(), e.getKey().revision());
      server.addFile(e.getKey().repoId(), e.getKey().revision(), "inference.onnx", Files.readAllBytes(e.getValue()),
          true);
    }
  }

  /** PP-OCRv5's dictionary entry served from the fake server with the given content (and that content's hash). */
  private ModelRef.Url dictionary(byte[] content) {
    server.addStatic(PpOcrModel.V5_DICTIONARY, content);
    UrlFile pinned = ModelCatalog.PPOCR_V5_DICT.files().get(0);
    return new ModelRef.Url(ModelCatalog.PPOCR_V5_DICT.id(), List.of(new UrlFile(
        server.staticUri(pinned.fileName()), pinned.fileName(), FakeHub.sha256(content))),
        ModelCatalog.PPOCR_V5_DICT.cache());
  }

  private List<ResolvedModel> resolveV5(DefaultModelStore store, ModelRef.Url dictionary) {
    return List.of(store.resolve(ModelCatalog.PPOCR_V5_MOBILE_DET), store.resolve(ModelCatalog.PPOCR_V5_MOBILE_REC),
        store.resolve(dictionary));
  }

  @Test
  void ppOcrV5FilesComeFromTheirPinnedHubCommitsAndOpenAsOneEngine() throws Exception {
    Path v4 = SharedData.path("models/ppocr-v4");
    serveV5(v4.resolve(PpOcrModel.V4_DETECTOR), v4.resolve(PpOcrModel.V4_RECOGNIZER));
    ModelRef.Url dictionary = dictionary(Files.readAllBytes(v4.resolve(PpOcrModel.V4_DICTIONARY)));

    List<ResolvedModel> resolved = resolveV5(store(false), dictionary);
    PpOcrModel model = PpOcrModel.find(resolved).orElseThrow();

    Path hub = tmp.resolve("home/.cache/huggingface/hub");
    assertThat(model.detector()).isEqualTo(hub.resolve("models--PaddlePaddle--PP-OCRv5_mobile_det_onnx/snapshots/"
        + ModelCatalog.PPOCR_V5_MOBILE_DET.revision() + "/inference.onnx"));
    assertThat(model.recognizer()).isEqualTo(hub.resolve("models--PaddlePaddle--PP-OCRv5_mobile_rec_onnx/snapshots/"
        + ModelCatalog.PPOCR_V5_MOBILE_REC.revision() + "/inference.onnx"));
    assertThat(model.dictionary()).isEqualTo(tmp.resolve("data/models/ppocrv5_dict.txt"));
    assertThat(model.classifier()).isEmpty();
    assertThat(model.name()).isEqualTo("paddleocr/PP-OCRv5-mobile");

    // offline, the same three come from the cache, and the engine reads through them
    List<ResolvedModel> cached = resolveV5(store(true), dictionary);
    assertThat(cached).extracting(ResolvedModel::source).containsOnly(ResolvedModel.Source.CACHE);
    Picture page = new OpenCvPhotoDecoder()
        .decode(SharedData.path("fixtures/ocr/tesseract_pages/HelloGoogle.tif"), 0).picture();
    try (PpOcrEngine engine = PpOcrEngine.open(PpOcrModel.find(cached).orElseThrow(),
        PpOcrOptions.defaults().withThreads(2))) {
      assertThat(engine.info().id()).isEqualTo("paddleocr/PP-OCRv5-mobile");
      assertThat(engine.read(page).text()).containsIgnoringCase("hello");
    }
  }

  @Test
  void aDictionaryThatDoesNotFitTheRecogniserFailsWhenTheEngineOpens() throws Exception {
    Path v4 = SharedData.path("models/ppocr-v4");
    serveV5(v4.resolve(PpOcrModel.V4_DETECTOR), v4.resolve(PpOcrModel.V4_RECOGNIZER));
    ModelRef.Url dictionary = dictionary("a\nb\nc\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    PpOcrModel model = PpOcrModel.find(resolveV5(store(false), dictionary)).orElseThrow();

    assertThatThrownBy(() -> PpOcrEngine.open(model, PpOcrOptions.defaults().withThreads(1)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("6625 classes")
        .hasMessageContaining("gives 5")
        .hasMessageContaining(model.dictionary().toString());
  }
}
