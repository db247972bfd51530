package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.models.EngineReport;
import dev.findmypic.models.hardware.HardwareProfile;
import dev.findmypic.models.hardware.ModelConfig;
import dev.findmypic.models.hardware.ModelSetup;
import dev.findmypic.models.store.ModelChoice;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doctor}: what FindMyPic found and chose, and why. */
@Command(name = "doctor", description = "Show the hardware found, the tier chosen, config.json, the caches, which "
    + "model each role uses (and where it came from), and the engines' natives.")
final class DoctorCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    GlobalOptions global = main.global;
    ModelSetup setup = ModelSetups.open(global);
    ModelConfig config = setup.config();
    HardwareProfile hw = config.hardware();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("hardware", hw.gpus().isEmpty()
        ? String.format(Locale.ROOT, "CPU only, %d cores, %.1f GiB RAM", hw.cores(), hw.ramBytes() / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d GPU(s), largest %.1f GiB, %d cores, %.1f GiB RAM", hw.gpus().size(),
            hw.maxVramBytes() / (double) (1L << 30), hw.cores(), hw.ramBytes() / (double) (1L << 30)));
    report.put("tier", config.tier().name().toLowerCase(Locale.ROOT) + " (CLIP " + config.tier().clip().repoId() + ")");
    report.put("config.json", global.dataDir().resolve("config.json").toString());
    report.put("hub cache", setup.store().settings().hubCache().toString());
    report.put("torch home", setup.store().settings().torchHome().toString());
    report.put("EasyOCR models", setup.store().settings().easyOcrModelDir().toString());
    report.put("offline", String.valueOf(setup.store().settings().offline()));
    for (ModelRole role : ModelRole.values()) {
      ModelChoice choice = setup.resolver().choose(role);
      report.put("model " + role.key(), choice.available()
          ? choice.models().name() + " [" + choice.source().name().toLowerCase(Locale.ROOT) + "] " + choice.message()
          : "off: " + choice.message());
    }
    report.put("java", System.getProperty("java.version") + " " + System.getProperty("os.arch"));
    report.put("engines", EngineReport.describe());
    Printer printer = new Printer(spec.commandLine().getOut(), global.json);
    if (printer.json()) {
      printer.printJson(report);
    } else {
      report.forEach((k, v) -> printer.println(String.format(Locale.ROOT, "%-16s %s", k + ":", v)));
    }
  }
}
