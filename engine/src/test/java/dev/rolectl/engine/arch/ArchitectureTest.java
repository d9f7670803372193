package dev.rolectl.engine.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.rolectl.engine.model.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package rules of docs/architecture.md ("The engine's stages"), enforced: which stage may use
 * which, which library stays in which package, and that the engine never prints or exits.
 */
class ArchitectureTest {
  private static final String ENGINE = "dev.rolectl.engine";
  private static JavaClasses engine;

  @BeforeAll
  static void importEngine() throws Exception {
    // Import the engine's own class directory (or jar) only: scanning the whole class path for
    // the package would walk every AWS SDK jar.
    Path classes =
        Path.of(Stack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(classes);
  }

  private static String pkg(String stage) {
    return ENGINE + "." + stage + "..";
  }

  /** A stage and the stages (besides itself) it may use. */
  private record Stage(String name, List<String> mayUse) {}

  private static final List<Stage> STAGES =
      List.of(
          new Stage("model", List.of()),
          new Stage("input", List.of("model")),
          new Stage("policy", List.of("model")),
          new Stage("config", List.of("model", "policy")),
          new Stage("graph", List.of("model", "policy")),
          new Stage("live", List.of("model", "input", "policy")),
          new Stage("access", List.of("model", "policy", "live")),
          new Stage("plan", List.of("model", "input", "policy", "graph", "live", "access")),
          new Stage("safety", List.of("model", "policy", "plan", "live", "access")),
          new Stage("apply",
              List.of("model", "policy", "config", "graph", "live", "plan", "safety", "access")),
          new Stage(
              "api",
              List.of("model", "input", "policy", "config", "graph", "live", "plan", "safety",
                  "apply", "access")));

  @TestFactory
  Stream<DynamicTest> stagesDependOnlyOnEarlierStages() {
    return STAGES.stream()
        .map(
            stage ->
                DynamicTest.dynamicTest(
                    stage.name() + " uses only " + stage.mayUse(),
                    () -> {
                      List<String> allowed = new ArrayList<>();
                      allowed.add(pkg(stage.name()));
                      stage.mayUse().forEach(s -> allowed.add(pkg(s)));
                      noClasses()
                          .that()
                          .resideInAPackage(pkg(stage.name()))
                          .should()
                          .dependOnClassesThat(
                              resideInAPackage("dev.rolectl..")
                                  .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
                          .allowEmptyShould(true)
                          .check(engine);
                    }));
  }

  @Test
  void engineNeverDependsOnTheCli() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.rolectl.cli..").check(engine);
  }

  @Test
  void engineHasNoPicocli() {
    noClasses().should().dependOnClassesThat().resideInAPackage("picocli..").check(engine);
  }

  @Test
  void engineNeverPrints() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(engine);
  }

  @Test
  void engineNeverExitsTheProcess() {
    ArchRule rule =
        noClasses()
            .should()
            .callMethod(System.class, "exit", int.class)
            .orShould()
            .callMethod(Runtime.class, "exit", int.class)
            .orShould()
            .callMethod(Runtime.class, "halt", int.class)
            .because("the engine returns values; only the CLI decides the exit code");
    rule.check(engine);
  }

  @Test
  void engineNeverReadsStdin() {
    noClasses().should().accessField(System.class, "in").check(engine);
  }

  @Test
  void jgraphtOnlyInGraph() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("graph"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jgrapht..")
        .check(engine);
  }

  @Test
  void awsSdkOnlyInLive() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("live"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(engine);
  }

  @Test
  void noJacksonInModelOrGraph() {
    noClasses()
        .that()
        .resideInAnyPackage(pkg("model"), pkg("graph"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson..")
        .check(engine);
  }

  @Test
  void libraryTypesDoNotLeakThroughPublicSignatures() {
    for (String library : List.of("org.jgrapht..", "com.fasterxml.jackson..")) {
      noMethods()
          .that()
          .arePublic()
          .and()
          .areDeclaredInClassesThat()
          .arePublic()
          .should()
          .haveRawReturnType(resideInAPackage(library))
          .orShould()
          .haveRawParameterTypes(
              com.tngtech.archunit.base.DescribedPredicate.anyElementThat(resideInAPackage(library)))
          .check(engine);
    }
  }
}
