package dev.rolectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {

  @Test
  void everyNameCreatesTheCommandOfThatName() {
    for (String name : Commands.NAMES) {
      assertEquals(name, new CommandLine(Commands.create(name)).getCommandName());
    }
  }

  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    assertEquals(List.of("validate"), Commands.needed("validate", "x", "--format", "json"));
    assertEquals(Commands.NAMES, Commands.needed());
    assertEquals(Commands.NAMES, Commands.needed("--help"));
    assertEquals(Commands.NAMES, Commands.needed("help", "validate"));
    assertEquals(Commands.NAMES, Commands.needed("valdate"));
  }

  @Test
  void commandsThatLoadAStackAskForTheSchemaEarly() {
    assertTrue(Commands.loadsStack("validate", "x"));
    assertTrue(Commands.loadsStack("plan", "x", "--target", "aws"));
    assertTrue(Commands.loadsStack("apply", "stacks/x", "--auto-approve"));
    assertTrue(!Commands.loadsStack("apply", "plan.json", "--auto-approve"), "a saved plan loads no stack");
    assertTrue(!Commands.loadsStack("show", "plan.json"));
    assertTrue(!Commands.loadsStack("version"));
    assertTrue(!Commands.loadsStack());
  }

  @Test
  void rootHelpListsEveryCommand() {
    CliRun r = CliRun.run("--help");
    for (String name : Commands.NAMES) {
      assertTrue(r.out().contains("\n  " + name + " "), name + " in\n" + r.out());
    }
    CliRun help = CliRun.run("help", "graph");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Usage: rolectl graph"), help.out());
  }

  @Test
  void misspelledCommandGetsASuggestion() {
    CliRun r = CliRun.run("valdate", "x");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().contains("validate"), r.err());
  }
}
