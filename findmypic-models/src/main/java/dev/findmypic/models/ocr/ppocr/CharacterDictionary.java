package dev.findmypic.models.ocr.ppocr;

import dev.findmypic.core.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recogniser's classes as PaddleOCR lays them out: index 0 is the CTC blank, then one class per line of the
 * dictionary file, then the space. Spaces in the dictionary itself (PP-OCRv5's U+3000) read as ASCII spaces.
 */
final class CharacterDictionary {
  private final String[] symbols;

  private CharacterDictionary(String[] symbols) {
    this.symbols = symbols;
  }

  static CharacterDictionary load(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> all = new ArrayList<>(lines.size() + 2);
      all.add("");
      for (String line : lines) {
        all.add(symbolOf(line.replace("\r", "")));
      }
      all.add(" ");
      return new CharacterDictionary(all.toArray(String[]::new));
    } catch (IOException e) {
      throw new ModelException("cannot read the PP-OCR dictionary " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * PP-OCRv5's dictionary has the ideographic space U+3000 as a character; it is read as a plain space, so that the
   * engine's whitespace handling and the word spacer see a word break.
   */
  private static String symbolOf(String line) {
    return line.length() == 1 && Character.getType(line.charAt(0)) == Character.SPACE_SEPARATOR ? " " : line;
  }

  /** @return the number of classes, blank and space included */
  int size() {
    return symbols.length;
  }

  /** @return the text of class {@code index}; "" for the blank */
  String symbol(int index) {
    return symbols[index];
  }
}
