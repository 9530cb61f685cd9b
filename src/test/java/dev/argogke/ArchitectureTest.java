package dev.argogke;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules docs/architecture.md states, checked on the compiled production classes. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.argogke");
    }

    @Test
    void noPackageDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.argogke.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.argogke.cli..").check(production);
    }

    @Test
    void opsAndMigrateNeedNoPulumi() {
        noClasses().that().resideInAnyPackage("dev.argogke.ops..", "dev.argogke.migrate..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi..").check(production);
    }

    @Test
    void theLinterNeedsNeitherPulumiNorACluster() {
        noClasses().that().resideInAnyPackage("dev.argogke.workflows.lint..", "dev.argogke.workflows.cron..",
                        "dev.argogke.workflows.manifest..", "dev.argogke.names..", "dev.argogke.tree..")
                .should().dependOnClassesThat().resideInAnyPackage("com.pulumi..", "io.fabric8..").check(production);
    }

    /** Pulumi's mock engine belongs to the offline tools (plan, check, cost, diff) only. */
    @Test
    void onlyTheOfflinePlanUsesPulumisMockEngine() {
        noClasses().that().resideOutsideOfPackage("dev.argogke.plan..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.test..").check(production);
        noClasses().that().resideInAPackage("dev.argogke.plan..")
                .and().haveNameNotMatching("dev\\.argogke\\.plan\\.(OfflinePlan|FreshStackPreviewMonitor|EngineNamingMonitor)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.test..").check(production);
    }

    /**
     * What {@code pulumi up} runs (App, deploy.CheckedRun) never reaches the mock engine, however
     * indirectly: the program is composed once, under the real engine.
     */
    @Test
    void theDeployPathNeverReachesPulumisMockEngine() {
        noClasses().that().resideInAPackage("dev.argogke.deploy..").or().haveFullyQualifiedName("dev.argogke.App")
                .should().transitivelyDependOnClassesThat().resideInAPackage("com.pulumi.test..").check(production);
    }

    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching("dev.argogke.(*)..").should().beFreeOfCycles().check(production);
    }
}
