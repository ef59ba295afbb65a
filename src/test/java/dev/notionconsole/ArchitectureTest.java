package dev.notionconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (decision 0082): no package cycles, the layers below, the toolkit only in {@code ui},
 * no JavaFX scene graph in ViewModels, standard output only in {@code cli}.
 *
 * <pre>
 *   entry      dev.notionconsole (Launcher)
 *   ui         ui..                                  the JavaFX app: views, ViewModels, the composition root
 *   cli        cli..                                 the command line
 *   features   request.., explorer.., diagnostics.., bundle.., sandbox.., settings.., wiring..
 *   accounts   connections.., oauth..                saved connections, the one caller, OAuth
 *   api        notion.., secrets..                   the HTTP client, the endpoint catalog, secret stores
 *   core       core..                                redaction, JSON, files, background tasks
 * </pre>
 * A layer uses only the layers below it (and itself); cycles inside a layer are caught by the slices rule.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.notionconsole";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.notionconsole.(*)..").should().beFreeOfCycles()
                .because("a package is understood, tested and moved without the ones that depend on it")
                .check(classes);
    }

    @Test
    void noCyclesBetweenSubpackagesEither() {
        slices().matching("dev.notionconsole.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry").definedBy(ROOT)
                .layer("ui").definedBy(ROOT + ".ui..")
                .layer("cli").definedBy(ROOT + ".cli..")
                .layer("features").definedBy(ROOT + ".request..", ROOT + ".explorer..", ROOT + ".diagnostics..", ROOT + ".bundle..",
                        ROOT + ".sandbox..", ROOT + ".settings..", ROOT + ".wiring..")
                .layer("accounts").definedBy(ROOT + ".connections..", ROOT + ".oauth..")
                .layer("api").definedBy(ROOT + ".notion..", ROOT + ".secrets..")
                .layer("core").definedBy(ROOT + ".core..")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("entry", "ui")
                .whereLayer("features").mayOnlyBeAccessedByLayers("entry", "ui", "cli")
                .whereLayer("accounts").mayOnlyBeAccessedByLayers("entry", "ui", "cli", "features")
                .whereLayer("api").mayOnlyBeAccessedByLayers("entry", "ui", "cli", "features", "accounts")
                .check(classes);
    }

    @Test
    void theSandboxIsIndependentOfTheClientItChecks() {
        noClasses().that().resideInAPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".notion..", ROOT + ".connections..",
                        ROOT + ".oauth..", ROOT + ".request..", ROOT + ".secrets..", ROOT + ".wiring..",
                        ROOT + ".explorer..", ROOT + ".diagnostics..")
                .because("a simulator that shares code with the client cannot catch the client's mistakes")
                .check(classes);
    }

    @Test
    void onlyUiUsesJavaFxOrUiLibraries() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "atlantafx..", "org.fxmisc..", "org.kordamp..", "com.sun.javafx..", "com.sun.prism..")
                .because("everything below the UI is tested without a toolkit")
                .check(classes);
    }

    @Test
    void onlyTheRenderWarmupUsesTheToolkitsInternals() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".ui.RenderWarmup")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.javafx..", "com.sun.prism..", "com.sun.glass..")
                .because("JavaFX may change its internal classes in any update; one class, with its own test, keeps that risk small")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        classes().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
                .because("a ViewModel is tested without a toolkit; nodes, stages and scenes belong to its View")
                .check(classes);
    }

    @Test
    void nothingBelowTheUiDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".ui..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".Launcher")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".ui..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("output goes through SLF4J (redacted) or the command line's writers")
                .check(classes);
    }

    @Test
    void neitherSwingNorAwt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .because("the UI is JavaFX only: one toolkit, one UI thread")
                .check(classes);
    }
}
