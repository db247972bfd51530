package dev.findmypic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end on a small folder, offline, with the embedded models. */
class CliTest {
  @TempDir static Path dataDir;
  @TempDir static Path photos;
  static CliRunner cli;

  @BeforeAll
  static void indexAFolder() throws IOException {
    for (String f : new String[] {"fixtures/ocr/tesseract_pages/phototest.tif", "fixtures/photos/skimage/chelsea.png"}) {
      Path source = SharedData.path(f);
      Files.copy(source, photos.resolve(source.getFileName()));
    }
    cli = new CliRunner(dataDir);
    CliRunner.Result index = cli.run("index", photos.toString());
    assertThat(index.exitCode()).as(index.err()).isZero();
    assertThat(index.out()).contains("2 added").contains("visual search is off").contains("findmypic models pull clip")
        .containsPattern("time per stage: hash [0-9.]+ % \\([0-9.]+ s\\), decode [0-9.]+ %");
  }

  @Test
  void searchPrintsJsonThatParsesAndRanksThePageFirst() {
    CliRunner.Result r = cli.run("search", "quick brown fox", "--json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonArray hits = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("hits");
    assertThat(hits).isNotEmpty();
    JsonObject first = hits.get(0).getAsJsonObject();
    assertThat(first.get("path").getAsString()).endsWith("phototest.tif");
    assertThat(first.getAsJsonObject("signals").has("OCR_TEXT")).isTrue();
  }

  @Test
  void theContactSheetReferencesEveryResult() throws IOException {
    Path html = dataDir.resolve("sheet.html");
    CliRunner.Result r = cli.run("search", "fox", "--json", "--html", html.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    String sheet = Files.readString(html);
    for (JsonElement hit : JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("hits")) {
      Path path = Path.of(hit.getAsJsonObject().get("path").getAsString());
      assertThat(sheet).contains(path.toUri().toString());
    }
  }

  @Test
  void wordsInPhotosWithAPrefix() {
    CliRunner.Result r = cli.run("text", "--prefix", "jump");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("phototest.tif").doesNotContain("chelsea.png");
  }

  @Test
  void statsAndDoctorAndModelsPlanAnswerAsJson() {
    for (String[] command : new String[][] {{"stats"}, {"doctor"}, {"models", "plan"}, {"models", "where"}}) {
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--json";
      CliRunner.Result r = cli.run(args);
      assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.err()).isZero();
      assertThat(JsonParser.parseString(r.out()).isJsonNull()).isFalse();
    }
  }

  @Test
  void aMissingModelOfflineIsOneClearLine() {
    CliRunner.Result r = cli.run("embed", "--text", "a cat");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("openai/clip-vit-base-patch32").contains("findmypic models pull clip")
        .doesNotContain("Exception");
  }

  @Test
  void aBadPathIsOneClearLine(@TempDir Path emptyData) {
    CliRunner.Result r = new CliRunner(emptyData).run("index", "/no/such/folder");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("/no/such/folder").contains("not a folder");
  }

  @Test
  void anEmptyLibraryIsOneClearLine(@TempDir Path emptyData) {
    CliRunner.Result r = new CliRunner(emptyData).run("search", "anything");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no indexed photos yet").contains("findmypic index");
  }

  @Test
  void aUsageErrorExitsTwo() {
    assertThat(cli.run("search").exitCode()).isEqualTo(2);
    assertThat(cli.run("no-such-command").exitCode()).isEqualTo(2);
  }
}
