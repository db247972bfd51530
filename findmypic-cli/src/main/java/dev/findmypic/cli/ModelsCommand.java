package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.CachedModel;
import dev.findmypic.core.store.ModelPlan;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.store.VerifyReport;
import dev.findmypic.models.hardware.ModelSetup;
import dev.findmypic.models.store.ModelCatalog;
import dev.findmypic.models.store.ModelChoice;
import dev.findmypic.models.store.StoreSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code models plan|pull|list|verify|clear|where}: the model store from the command line. */
@Command(name = "models", description = "Plan, download, list, verify and clear models, and show where they live.",
    subcommands = {
      ModelsCommand.Plan.class,
      ModelsCommand.Pull.class,
      ModelsCommand.ListModels.class,
      ModelsCommand.Verify.class,
      ModelsCommand.Clear.class,
      ModelsCommand.Where.class,
    })
final class ModelsCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The parts every models subcommand shares. */
  abstract static class Sub implements Runnable {
    @ParentCommand ModelsCommand models;
    @Spec CommandSpec spec;

    GlobalOptions global() {
      return models.main.global;
    }

    Printer printer() {
      return new Printer(spec.commandLine().getOut(), global().json);
    }
  }

  /** A models subcommand that works on a list of roles. */
  abstract static class RoleSub extends Sub {
    @Parameters(paramLabel = "ROLE", arity = "0..*", description = "Roles (clip, text, faces, ocr); default all.")
    List<String> roles;
  }

  @Command(name = "plan", description = "Show which files each role needs, their sizes and what is cached; "
      + "downloads nothing.")
  static final class Plan extends RoleSub {
    @Override
    public void run() {
      ModelSetup setup = ModelSetups.open(global());
      List<Map<String, Object>> out = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      List<String> off = new ArrayList<>();
      rows.add(List.of("role", "model", "file", "bytes", "cached"));
      for (ModelRole role : ModelSetups.roles(roles)) {
        ModelChoice choice = setup.resolver().choose(role);
        if (!choice.available()) {
          off.add(choice.message());
          out.add(Map.of("role", role.key(), "message", choice.message()));
          continue;
        }
        for (ModelRef ref : choice.models().refs()) {
          ModelPlan plan = setup.store().plan(ref);
          out.add(Map.of("role", role.key(), "source", choice.source().name().toLowerCase(Locale.ROOT),
              "plan", plan));
          for (ModelPlan.PlannedFile f : plan.files()) {
            rows.add(List.of(role.key(), ref.id(), f.path(), f.bytes() < 0 ? "?" : String.valueOf(f.bytes()),
                f.cached() ? "yes" : "no"));
          }
        }
      }
      if (global().json) {
        printer().printJson(out);
      } else {
        printer().printTable(rows);
        off.forEach(printer()::println);
      }
    }
  }

  @Command(name = "pull", description = "Download each role's model now (while online), with progress.")
  static final class Pull extends RoleSub {
    @Override
    public void run() {
      ModelSetup setup = ModelSetups.open(global());
      PrintWriter err = spec.commandLine().getErr();
      Map<String, Object> out = new LinkedHashMap<>();
      for (ModelRole role : ModelSetups.roles(roles)) {
        ModelChoice choice = setup.resolve(role, (file, done, total) -> {
          if (!global().json) {
            err.printf(Locale.ROOT, "\r%s %s: %d%s", role.key(), file, done / 1_000_000,
                total > 0 ? "/" + total / 1_000_000 + " MB" : " MB");
            err.flush();
          }
        });
        String line = role.key() + ": " + (choice.available()
            ? choice.models().name() + " (" + choice.source().name().toLowerCase(Locale.ROOT) + ") in "
                + choice.resolved().stream().map(ResolvedModel::directory).toList()
            : choice.message());
        out.put(role.key(), line);
        if (!global().json) {
          err.print("\r");
          printer().println(line);
        }
      }
      if (global().json) {
        printer().printJson(out);
      }
    }
  }

  @Command(name = "list", description = "List the models in the caches, with their sizes.")
  static final class ListModels extends Sub {
    @Override
    public void run() {
      List<CachedModel> cached = ModelSetups.open(global()).store().list();
      if (global().json) {
        printer().printJson(cached);
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("model", "bytes", "location"));
      cached.forEach(m -> rows.add(List.of(m.id(), String.valueOf(m.bytes()), m.location().toString())));
      printer().printTable(rows);
    }
  }

  @Command(name = "verify", description = "Re-hash every cached model's files, without network.")
  static final class Verify extends Sub {
    @Override
    public void run() {
      ModelSetup setup = ModelSetups.open(global());
      List<VerifyReport> reports = new ArrayList<>();
      for (ModelRef ref : ModelCatalog.all()) {
        if (setup.store().findLocally(ref).isPresent()) {
          reports.add(setup.store().verify(ref));
        }
      }
      if (global().json) {
        printer().printJson(reports);
      } else {
        reports.forEach(r -> printer().println(r.ref().id() + ": " + (r.ok() ? "ok" : String.join("; ", r.problems()))));
      }
      if (reports.stream().anyMatch(r -> !r.ok())) {
        throw new IllegalArgumentException("some cached models do not match their hashes; run findmypic models pull");
      }
    }
  }

  @Command(name = "clear", description = "Delete FindMyPic's models from the caches (other tools' models stay).")
  static final class Clear extends Sub {
    @Option(names = "--yes", required = true, description = "Confirm the deletion.")
    boolean yes;

    @Override
    public void run() {
      ModelSetups.open(global()).store().clear();
      printer().println(global().json ? "{\"cleared\":true}" : "cleared");
    }
  }

  @Command(name = "where", description = "Show the cache directories and the environment variables that move them.")
  static final class Where extends Sub {
    @Override
    public void run() {
      StoreSettings s = ModelSetups.open(global()).store().settings();
      Map<String, String> where = new LinkedHashMap<>();
      where.put("hub cache (HF_HUB_CACHE, HF_HOME)", s.hubCache().toString());
      where.put("torch (TORCH_HOME)", s.torchHome().toString());
      where.put("EasyOCR (EASYOCR_MODULE_PATH)", s.easyOcrModelDir().toString());
      where.put("data directory (--data-dir, FINDMYPIC_HOME)", s.dataDir().toString());
      where.put("endpoint (HF_ENDPOINT)", s.endpoint().toString());
      where.put("offline (HF_HUB_OFFLINE, --offline)", String.valueOf(s.offline()));
      if (global().json) {
        printer().printJson(where);
      } else {
        List<List<String>> rows = new ArrayList<>();
        where.forEach((k, v) -> rows.add(List.of(k, v)));
        printer().printTable(rows);
      }
    }
  }
}
