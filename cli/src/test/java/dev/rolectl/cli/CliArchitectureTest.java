package dev.rolectl.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rolectl.cli.command.GraphCommand;
import dev.rolectl.cli.command.ValidateCommand;
import dev.rolectl.engine.api.StackCheck;
import dev.rolectl.engine.config.StackLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the CLI is layered: commands parse and orchestrate, renderers only turn data into text. */
class CliArchitectureTest {
  private static JavaClasses cli;

  @BeforeAll
  static void importCli() throws Exception {
    // The CLI's classes and the engine's, so transitive rules follow calls into the engine.
    cli =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPaths(classesOf(Main.class), classesOf(StackLoader.class));
  }

  private static Path classesOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void renderersKnowNeitherCommandsNorPicocli() {
    noClasses()
        .that()
        .resideInAPackage("dev.rolectl.cli.render..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rolectl.cli.command..", "picocli..")
        .check(cli);
  }

  @Test
  void onlyTheEntryPointsTouchTheProcessStreamsAndExitCode() {
    // Everything else writes to the injected writers, so in-process tests see all output. The
    // entry points: Main, and the launcher's CDS training run (which runs Main in-process).
    noClasses()
        .that()
        .resideInAPackage("dev.rolectl.cli..")
        .and()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(dev.rolectl.cli.training.CdsTraining.class.getName())
        .should(ACCESS_STANDARD_STREAMS)
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .check(cli);
  }

  @Test
  void graphLibraryStaysInTheEngine() {
    noClasses().that().resideInAPackage("dev.rolectl.cli..").should().dependOnClassesThat().resideInAPackage("org.jgrapht..").check(cli);
  }

  /**
   * What of the engine the CLI may use: the {@code api} operations and the data they take and
   * return (model, plan and policy records, apply results, the target to open). The pipeline's
   * stages themselves (loading, graphing, lint, reading and writing live IAM, the differ, the
   * safety rules, the executor) are reached only through {@code dev.rolectl.engine.api}, so a
   * second front end needs nothing the CLI has.
   */
  @Test
  void cliUsesThePipelineOnlyThroughTheEngineApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.rolectl.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rolectl.engine.config..",
            "dev.rolectl.engine.graph..",
            "dev.rolectl.engine.safety..",
            "dev.rolectl.engine.policy.lint..",
            "dev.rolectl.engine.live.aws..",
            "dev.rolectl.engine.live.local..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            dev.rolectl.engine.plan.Differ.class,
            dev.rolectl.engine.plan.PolicyDeletes.class,
            dev.rolectl.engine.plan.PolicyReferences.class,
            dev.rolectl.engine.plan.LiveResources.class,
            dev.rolectl.engine.apply.Applier.class,
            dev.rolectl.engine.apply.SafetyGates.class,
            dev.rolectl.engine.apply.StalePlan.class,
            dev.rolectl.engine.live.IamAccount.class,
            dev.rolectl.engine.live.IamWriter.class,
            dev.rolectl.engine.live.EcsDeployments.class)
        .check(cli);
  }

  /**
   * Offline commands do not use live targets. (Every command is reachable from the command tree,
   * so a transitive rule cannot tell them apart; NoAwsOnOfflineCommandsTest checks at run time
   * that no AWS SDK class is loaded.)
   */
  @Test
  void offlineCommandsDoNotUseLiveTargets() {
    noClasses()
        .that()
        .belongToAnyOf(ValidateCommand.class, GraphCommand.class, StackCheck.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon.awssdk..", "dev.rolectl.engine.live..")
        .check(cli);
  }
}
