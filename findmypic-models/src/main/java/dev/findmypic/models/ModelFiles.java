package dev.findmypic.models;

import dev.findmypic.core.store.ResolvedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finds a model's files among the directories of a role's resolved models, by name. */
final class ModelFiles {
  private final List<ResolvedModel> models;

  ModelFiles(List<ResolvedModel> models) {
    this.models = List.copyOf(models);
  }

  /** @return the first directory that holds a file of this name */
  Optional<Path> dirWith(String fileName) {
    return modelWith(fileName).map(ResolvedModel::directory);
  }

  /** @return the first model whose directory holds a file of this name */
  Optional<ResolvedModel> modelWith(String fileName) {
    return models.stream().filter(m -> Files.isRegularFile(m.directory().resolve(fileName))).findFirst();
  }

  /** @return the first file, in any of the directories, whose name passes the test */
  Optional<Path> file(Predicate<String> name) {
    for (ResolvedModel model : models) {
      try (Stream<Path> files = Files.list(model.directory())) {
        Optional<Path> found = files.filter(p -> name.test(p.getFileName().toString()))
            .filter(Files::isRegularFile).findFirst();
        if (found.isPresent()) {
          return found;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the model directory " + model.directory(), e);
      }
    }
    return Optional.empty();
  }

  /** @return the directories searched, for messages */
  List<Path> directories() {
    return models.stream().map(ResolvedModel::directory).toList();
  }
}
