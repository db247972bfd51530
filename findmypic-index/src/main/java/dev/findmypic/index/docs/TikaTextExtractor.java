package dev.findmypic.index.docs;

import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.Picture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Reads PDF, DOCX, PPTX, XLSX, ODT, TXT, Markdown and HTML files with Apache Tika's auto-detecting parser.
 *
 * <p>Tika's own OCR (which would shell out to a {@code tesseract} binary if one is installed) is switched off, and
 * at most {@value #MAX_CHARACTERS} characters are read from one file. A PDF with no text layer (a scan) is read by
 * the {@link OcrEngine} given to {@link #TikaTextExtractor(OcrEngine)}: each page (at most {@value #MAX_OCR_PAGES})
 * is rendered at {@value #OCR_DPI} dpi with PDFBox and read; without an engine such a PDF gives empty text, with a
 * warning in the log. Thread-safe.
 */
public final class TikaTextExtractor implements TextExtractor {
  /** The most characters read from one document. */
  public static final int MAX_CHARACTERS = 5_000_000;
  /** The most pages of a scanned PDF sent to OCR. */
  public static final int MAX_OCR_PAGES = 50;
  /** The resolution at which scanned pages are rendered for OCR. */
  public static final int OCR_DPI = 200;

  private static final Logger LOG = LoggerFactory.getLogger(TikaTextExtractor.class);
  private static final Set<String> EXTENSIONS =
      Set.of("pdf", "docx", "pptx", "xlsx", "odt", "txt", "md", "markdown", "html", "htm");
  /** Fewer non-blank characters than this per page, and a PDF is taken as a scan without a text layer. */
  private static final int MIN_CHARACTERS_PER_PAGE = 16;

  private final AutoDetectParser parser = new AutoDetectParser();
  private final Optional<OcrEngine> ocr;

  /** Creates an extractor that leaves scanned PDFs empty. */
  public TikaTextExtractor() {
    this.ocr = Optional.empty();
  }

  /**
   * Creates an extractor that reads scanned PDFs with an OCR engine. The caller keeps ownership of the engine.
   *
   * @param ocr the OCR engine
   */
  public TikaTextExtractor(OcrEngine ocr) {
    this.ocr = Optional.of(ocr);
  }

  @Override
  public boolean supports(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  @Override
  public String extract(Path file) {
    Metadata metadata = new Metadata();
    String text = parse(file, metadata);
    if ("application/pdf".equals(metadata.get(Metadata.CONTENT_TYPE)) && lacksTextLayer(text, metadata)) {
      if (ocr.isPresent()) {
        return readScannedPdf(file, ocr.get());
      }
      LOG.warn("{} has no text layer and no OCR engine is configured; it is indexed without text", file);
    }
    return text;
  }

  private String parse(Path file, Metadata metadata) {
    BodyContentHandler handler = new BodyContentHandler(MAX_CHARACTERS);
    ParseContext context = new ParseContext();
    TesseractOCRConfig noTesseract = new TesseractOCRConfig();
    noTesseract.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, noTesseract);
    try (InputStream in = TikaInputStream.get(file, metadata)) {
      parser.parse(in, handler, metadata, context);
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new DocumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
      LOG.info("{} holds more than {} characters; the rest is not indexed", file, MAX_CHARACTERS);
    } catch (IOException | TikaException | RuntimeException e) {
      throw new DocumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return handler.toString();
  }

  private static boolean lacksTextLayer(String text, Metadata metadata) {
    String pages = metadata.get("xmpTPg:NPages");
    int pageCount = pages == null ? 1 : Math.max(1, Integer.parseInt(pages));
    long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    return visible < (long) MIN_CHARACTERS_PER_PAGE * pageCount;
  }

  private static String readScannedPdf(Path file, OcrEngine ocr) {
    StringBuilder text = new StringBuilder();
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      PDFRenderer renderer = new PDFRenderer(document);
      int pages = Math.min(document.getNumberOfPages(), MAX_OCR_PAGES);
      for (int page = 0; page < pages; page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, OCR_DPI, ImageType.RGB);
        text.append(ocr.read(toPicture(image)).text()).append('\n');
      }
      if (document.getNumberOfPages() > MAX_OCR_PAGES) {
        LOG.info("{}: OCR read the first {} of {} pages", file, MAX_OCR_PAGES, document.getNumberOfPages());
      }
    } catch (IOException | RuntimeException e) {
      throw new DocumentException("cannot OCR the scanned PDF " + file + ": " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static Picture toPicture(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] rgb = new byte[width * height * 3];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 3;
        rgb[i] = (byte) (row[x] >> 16);
        rgb[i + 1] = (byte) (row[x] >> 8);
        rgb[i + 2] = (byte) row[x];
      }
    }
    return Picture.ofRgb(width, height, rgb);
  }
}
