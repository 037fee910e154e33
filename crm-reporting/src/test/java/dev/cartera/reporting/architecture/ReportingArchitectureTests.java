package dev.cartera.reporting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.cartera.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingArchitectureTests {

    @ArchTest
    static final ArchRule plainJava = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("crm-reporting is used from plain Java hosts");

    /** Every statement is prepared with bound values; a plain Statement would invite concatenated input. */
    @ArchTest
    static final ArchRule onlyPreparedStatements = noClasses().should().callMethod(java.sql.Connection.class, "createStatement")
            .orShould().callMethod(java.sql.Statement.class, "executeQuery", String.class)
            .orShould().callMethod(java.sql.Statement.class, "execute", String.class)
            .orShould().callMethod(java.sql.Statement.class, "executeUpdate", String.class)
            .because("reporting SQL is fixed text plus bound parameters");

    @ArchTest
    static final ArchRule noEntityManagerQueriesFromStrings = noClasses().should()
            .callMethod(jakarta.persistence.EntityManager.class, "createNativeQuery", String.class)
            .because("reporting SQL goes through the Sql builder");

    @ArchTest
    static final ArchRule coreInternalsUntouched = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.cartera.core..internal..");
}
