package dev.findmypic.index.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.TextLine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every supported format, written here with the libraries that Tika itself reads them with (POI, PDFBox) or by hand
 * (ODT, HTML, Markdown, TXT), so that the fixtures are tiny and nothing binary is committed.
 */
class TikaTextExtractorTest {
  private static final String PHRASE = "Quarterly report on heron migration";
  private static TikaTextExtractor extractor;

  @TempDir
  Path dir;

  @BeforeAll
  static void createExtractor() {
    extractor = new TikaTextExtractor();
  }

  @Test
  void readsPdf() throws IOException {
    assertThat(extractor.extract(textPdf(dir.resolve("a.pdf")))).contains(PHRASE);
  }

  @Test
  void readsDocx() throws IOException {
    Path file = dir.resolve("a.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      doc.createParagraph().createRun().setText(PHRASE);
      doc.write(out);
    }
    assertThat(extractor.extract(file)).contains(PHRASE);
  }

  @Test
  void readsPptx() throws IOException {
    Path file = dir.resolve("a.pptx");
    try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
      XSLFTextBox box = show.createSlide().createTextBox();
      box.setText(PHRASE);
      show.write(out);
    }
    assertThat(extractor.extract(file)).contains(PHRASE);
  }

  @Test
  void readsXlsx() throws IOException {
    Path file = dir.resolve("a.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      book.createSheet("s").createRow(0).createCell(0).setCellValue(PHRASE);
      book.write(out);
    }
    assertThat(extractor.extract(file)).contains(PHRASE);
  }

  @Test
  void readsOdt() throws IOException {
    Path file = dir.resolve("a.odt");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      ZipEntry mimetype = new ZipEntry("mimetype");
      zip.putNextEntry(mimetype);
      zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
          + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
          + "<manifest:file-entry manifest:full-path=\"/\" "
          + "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
          + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
          + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
          + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
          + "<office:body><office:text><text:p>" + PHRASE + "</text:p></office:text></office:body>"
          + "</office:document-content>").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(extractor.extract(file)).contains(PHRASE);
  }

  @Test
  void readsHtmlWithoutMarkupOrScripts() throws IOException {
    Path file = Files.writeString(dir.resolve("a.html"), "<html><head><title>t</title><script>var secret = 1;"
        + "</script></head><body><h1>Herons</h1><p>" + PHRASE + "</p></body></html>");
    String text = extractor.extract(file);
    assertThat(text).contains(PHRASE).doesNotContain("<p>").doesNotContain("secret");
  }

  @Test
  void readsMarkdownAndPlainTextInUtf8() throws IOException {
    assertThat(extractor.extract(Files.writeString(dir.resolve("a.md"), "# Title\n\n" + PHRASE + " — naïve café")))
        .contains(PHRASE + " — naïve café");
    assertThat(extractor.extract(Files.writeString(dir.resolve("a.txt"), PHRASE))).contains(PHRASE);
  }

  @Test
  void supportsTheDocumentExtensionsOnly() {
    assertThat(List.of("a.pdf", "b.DOCX", "c.pptx", "d.xlsx", "e.odt", "f.txt", "g.md", "h.markdown", "i.html",
        "j.htm")).allMatch(n -> extractor.supports(Path.of(n)));
    assertThat(List.of("photo.jpg", "archive.rar", "noextension", ".pdf", "x.exe"))
        .noneMatch(n -> extractor.supports(Path.of(n)));
  }

  @Test
  void aCorruptFileGivesADocumentExceptionNamingIt() throws IOException {
    Path file = Files.write(dir.resolve("bad.pdf"), "%PDF-1.7\n garbage without objects".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> extractor.extract(file)).isInstanceOf(DocumentException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aScannedPdfIsReadByTheOcrEngine() throws IOException {
    Path file = scannedPdf(dir.resolve("scan.pdf"));
    RecordingOcr ocr = new RecordingOcr("INVOICE 42 total due");

    assertThat(new TikaTextExtractor(ocr).extract(file)).contains("INVOICE 42 total due");
    // one US Letter page (612 x 792 pt) rendered at 200 dpi; PDFBox rounds the float scale down by a pixel or not
    assertThat(ocr.pictures).hasSize(1);
    assertThat(ocr.pictures.get(0).width()).isBetween(1699, 1700);
    assertThat(ocr.pictures.get(0).height()).isBetween(2199, 2200);
    // without an engine the scan has no text, and a PDF with a text layer never reaches OCR
    assertThat(extractor.extract(file)).isBlank();
    RecordingOcr unused = new RecordingOcr("never");
    assertThat(new TikaTextExtractor(unused).extract(textPdf(dir.resolve("text.pdf")))).contains(PHRASE);
    assertThat(unused.pictures).isEmpty();
  }

  private static Path textPdf(Path file) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(PHRASE);
        content.endText();
      }
      doc.save(file.toFile());
    }
    return file;
  }

  private static Path scannedPdf(Path file) throws IOException {
    BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawImage(LosslessFactory.createFromImage(doc, scan), 72, 500);
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** An OCR engine that answers one text and keeps the pictures it was given. */
  private static final class RecordingOcr implements OcrEngine {
    final List<Picture> pictures = new ArrayList<>();
    private final String text;

    RecordingOcr(String text) {
      this.text = text;
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("test/recording-ocr", "1", 0, Set.of());
    }

    @Override
    public synchronized OcrResult read(Picture picture) {
      pictures.add(picture);
      return new OcrResult(List.of(new TextLine(text, List.of(), 1f)));
    }

    @Override
    public void close() {}
  }
}
