package dev.findmypic.cli;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.Picture;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.people.EnrolledFace;
import dev.findmypic.index.people.FaceGallery;
import dev.findmypic.index.people.IdentifiedFace;
import dev.findmypic.index.people.Identification;
import dev.findmypic.index.people.Person;
import dev.findmypic.index.people.PersonMatch;
import dev.findmypic.index.search.FaceReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code people enroll|identify|list|forget}: the gallery of named faces ("which known person is this"). */
@Command(name = "people", description = "Name people once, then tell who is in any photo: a gallery of reference "
    + "faces in the data directory.", subcommands = {
      PeopleCommand.Enroll.class, PeopleCommand.Identify.class, PeopleCommand.ListPeople.class,
      PeopleCommand.Forget.class})
final class PeopleCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private void withGallery(BiConsumer<FaceGallery, Printer> work) {
    try (PhotoLibrary library = Libraries.open(main.global, EnumSet.of(ModelRole.FACES))) {
      FaceGallery people = library.people()
          .orElseThrow(() -> new IllegalArgumentException("no face model is available; see findmypic doctor"));
      work.accept(people, new Printer(spec.commandLine().getOut(), main.global.json));
    }
  }

  private static Picture decode(Path photo) {
    return ModelProvider.load().photoDecoder().decode(photo, 0).picture();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A reference as printed in JSON. */
  record EnrolledJson(long id, String person, String source, BoundingBox box, String modelKey, String enrolled) {
    static EnrolledJson of(EnrolledFace f) {
      return new EnrolledJson(f.id(), f.person(), f.source(), f.box(), f.modelKey(), f.enrolled().toString());
    }
  }

  /** A face as printed in JSON. */
  record FaceJson(Path photo, int face, BoundingBox box, String person, double distance, double threshold,
      List<PersonMatch> nearest) {}

  /** {@code people enroll NAME PHOTO…}. */
  @Command(name = "enroll", description = "Add reference faces of a person: the largest face of each photo, or the "
      + "face --pick names. Several photos (angles, ages) make identification surer.")
  static final class Enroll implements Runnable {
    @ParentCommand PeopleCommand people;

    @Parameters(index = "0", paramLabel = "NAME", description = "The person's name.")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PHOTO", description = "Photos of the person.")
    List<Path> photos;

    @Option(names = "--pick", paramLabel = "N",
        description = "Use face N (1-based, as `findmypic faces` numbers them) of each photo instead of the largest.")
    Integer pick;

    @Override
    public void run() {
      people.withGallery((gallery, printer) -> {
        List<EnrolledFace> added = new ArrayList<>();
        for (Path photo : photos) {
          Picture picture = decode(photo);
          BoundingBox box = pick == null ? null : pickedBox(gallery, photo, picture);
          added.add(gallery.enroll(name, new FaceReference(picture, box), photo.toAbsolutePath().toString()));
        }
        if (printer.json()) {
          printer.printJson(added.stream().map(EnrolledJson::of).toList());
          return;
        }
        for (EnrolledFace f : added) {
          printer.println("enrolled " + f.person() + " from " + f.source() + " (reference " + f.id() + ")");
        }
      });
    }

    private BoundingBox pickedBox(FaceGallery gallery, Path photo, Picture picture) {
      List<IdentifiedFace> faces = gallery.identify(picture);
      if (pick < 1 || pick > faces.size()) {
        throw new IllegalArgumentException("--pick " + pick + " but " + photo + " has " + faces.size() + " faces");
      }
      return faces.get(pick - 1).box();
    }
  }

  /** {@code people identify PHOTO…}. */
  @Command(name = "identify", description = "Tell who each face in the photos is, or that it is unknown (with the "
      + "nearest enrolled people as suggestions).")
  static final class Identify implements Runnable {
    @ParentCommand PeopleCommand people;

    @Parameters(arity = "1..*", paramLabel = "PHOTO", description = "The photos.")
    List<Path> photos;

    @Override
    public void run() {
      people.withGallery((gallery, printer) -> {
        List<FaceJson> faces = new ArrayList<>();
        for (Path photo : photos) {
          List<IdentifiedFace> found = gallery.identify(decode(photo));
          for (int i = 0; i < found.size(); i++) {
            Identification id = found.get(i).identification();
            faces.add(new FaceJson(photo, i + 1, found.get(i).box(), id.person().orElse(null), id.distance(),
                id.threshold(), id.nearest()));
          }
        }
        if (printer.json()) {
          printer.printJson(faces);
          return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("photo", "#", "x", "y", "width", "height", "person", "distance", "nearest"));
        for (FaceJson f : faces) {
          String nearest = String.join(", ", f.nearest().stream()
              .map(m -> m.person() + " " + fmt(m.distance())).toList());
          rows.add(List.of(f.photo().toString(), String.valueOf(f.face()), String.format(Locale.ROOT, "%.0f",
              f.box().x()), String.format(Locale.ROOT, "%.0f", f.box().y()), String.format(Locale.ROOT, "%.0f",
              f.box().width()), String.format(Locale.ROOT, "%.0f", f.box().height()),
              f.person() == null ? "unknown" : f.person(), Double.isInfinite(f.distance()) ? "-"
                  : fmt(f.distance()), nearest));
        }
        printer.printTable(rows);
        printer.println(faces.size() + (faces.size() == 1 ? " face" : " faces") + "; a face is a person when its"
            + " distance is at most " + fmt(gallery.threshold()));
      });
    }
  }

  /** {@code people list}. */
  @Command(name = "list", description = "List the enrolled people and how many reference faces each has.")
  static final class ListPeople implements Runnable {
    @ParentCommand PeopleCommand people;

    @Override
    public void run() {
      people.withGallery((gallery, printer) -> {
        List<Person> all = gallery.people();
        if (printer.json()) {
          printer.printJson(all);
          return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("person", "references"));
        all.forEach(p -> rows.add(List.of(p.name(), String.valueOf(p.references()))));
        printer.printTable(rows);
        printer.println(all.size() + (all.size() == 1 ? " person" : " people"));
      });
    }
  }

  /** {@code people forget NAME}. */
  @Command(name = "forget", description = "Remove a person and all their reference faces.")
  static final class Forget implements Runnable {
    @ParentCommand PeopleCommand people;

    @Parameters(paramLabel = "NAME", description = "The person's name.")
    String name;

    @Override
    public void run() {
      people.withGallery((gallery, printer) -> {
        int removed = gallery.forget(name);
        if (removed == 0) {
          throw new IllegalArgumentException("nobody named \"" + name + "\" is enrolled; see findmypic people list");
        }
        printer.println("forgot " + name.strip() + " (" + removed + (removed == 1 ? " reference)" : " references)"));
      });
    }
  }
}
