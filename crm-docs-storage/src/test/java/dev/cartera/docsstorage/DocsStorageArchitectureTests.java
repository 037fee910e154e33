package dev.cartera.docsstorage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.cartera.docsstorage", importOptions = ImportOption.DoNotIncludeTests.class)
class DocsStorageArchitectureTests {

    @ArchTest
    static final ArchRule plainJava = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..")
            .because("stores are plain Java and know nothing of the database");
}
