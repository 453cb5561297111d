package io.vgtx.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Dependencies point one way: hashing, index ← core ← formats ← server, cli (DESIGN.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vgtx");

    @Test
    void hashingKnowsNothingOfTheLayersAboveIt() {
        noClasses().that().resideInAPackage("io.vgtx.hashing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vgtx.index..", "io.vgtx.core..", "io.vgtx.formats..",
                        "io.vgtx.server..", "io.vgtx.cli..", "io.vgtx.bench..")
                .check(CLASSES);
    }

    @Test
    void indexDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("io.vgtx.index..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.vgtx.index..", "java..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void coreKnowsNothingOfHttpOrTheCli() {
        noClasses().that().resideInAPackage("io.vgtx.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vgtx.formats..", "io.vgtx.server..", "io.vgtx.cli..",
                        "io.vgtx.bench..", "io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
                .check(CLASSES);
    }

    @Test
    void formatsDoNotDependOnTheServer() {
        noClasses().that().resideInAPackage("io.vgtx.formats..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vgtx.server..", "io.vgtx.cli..")
                .check(CLASSES);
    }

    @Test
    void serverDependsOnTheDomainButNotOnTheCli() {
        noClasses().that().resideInAPackage("io.vgtx.server..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vgtx.cli..", "io.vgtx.bench..")
                .check(CLASSES);
    }

    @Test
    void benchmarksDoNotDependOnTheCli() {
        noClasses().that().resideInAPackage("io.vgtx.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.vgtx.cli..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.vgtx.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
