package dev.cartera.rules.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.cartera.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesArchitectureTests {

    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses().that().resideInAPackage("dev.cartera.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("crm-rules is embedded by hosts without Spring (B-1)");

    @ArchTest
    static final ArchRule coreInternalsStayInCore = noClasses().that().resideInAPackage("dev.cartera.rules..")
            .should().dependOnClassesThat().resideInAPackage("dev.cartera.core..internal..")
            .because("other modules use crm-core's public API only");

    @ArchTest
    static final ArchRule onlyTheCompilerAndEngineTouchDrools = noClasses().that().resideInAPackage("dev.cartera.rules")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("the public API speaks about rules, never about Drools, so the engine can change behind it");
}
