package dev.notionconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layering the brief asks for: the toolkit only in ui, standard output only in cli. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.notionconsole");
    }

    @Test
    void onlyUiUsesJavaFxOrUiLibraries() {
        noClasses().that().resideOutsideOfPackage("dev.notionconsole.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "atlantafx..", "org.fxmisc..", "org.kordamp..", "com.sun.javafx..")
                .because("everything below the UI is tested without a toolkit")
                .check(classes);
    }

    @Test
    void nothingBelowTheUiDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackage("dev.notionconsole.ui..")
                .and().doNotHaveFullyQualifiedName("dev.notionconsole.Launcher")
                .should().dependOnClassesThat().resideInAPackage("dev.notionconsole.ui..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("dev.notionconsole.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("output goes through SLF4J (redacted) or the command line's writers")
                .check(classes);
    }

    @Test
    void uiLibrariesAreNotUsedByViewModelsThroughSwingOrAwt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.swing..")
                .check(classes);
    }
}
