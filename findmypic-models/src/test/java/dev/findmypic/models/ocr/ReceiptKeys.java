package dev.findmypic.models.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SROIE key fields a user would search a receipt by: its date and its total, from {@code NNN.key.json}. */
public final class ReceiptKeys {
  private static final Pattern FIELD = Pattern.compile("\"(date|total)\"\\s*:\\s*\"([^\"]*)\"");

  private ReceiptKeys() {}

  /** @return the date and total of the receipt image, or an empty list when it has no key file */
  public static List<String> of(Path image) {
    Path keys = image.resolveSibling(image.getFileName().toString().replaceFirst("\\.jpg$", ".key.json"));
    if (!Files.exists(keys) || keys.equals(image)) {
      return List.of();
    }
    try {
      Matcher m = FIELD.matcher(Files.readString(keys));
      List<String> out = new java.util.ArrayList<>();
      while (m.find()) {
        out.add(m.group(2).replace("$", ""));
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + keys, e);
    }
  }
}
