package dev.cartera.rules.internal;

import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleErrorCode;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.RuleValidationException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Checks a version, generates its DRL and builds a KieBase with Drools' classic (MVEL) compiler. Every problem
 * comes back by rule name: structural ones from {@link RuleChecks}, compiler messages mapped from DRL lines back to
 * the structured rule or to the raw DRL rule they belong to.
 */
public final class RuleCompiler {
    private static final String GENERATED_PATH = "src/main/resources/dev/cartera/rules/generated/rules.drl";
    private static final String RAW_PATH = "src/main/resources/dev/cartera/rules/generated/raw.drl";
    private static final Pattern RAW_RULE = Pattern.compile("^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    public static CompiledRuleSet compile(String tenantId, UUID ruleSetId, UUID versionId, RuleSetKind kind,
            RuleSetContent content, String rawDrl) {
        List<RuleError> errors = RuleChecks.check(kind, content);
        if (!errors.isEmpty()) {
            throw new RuleValidationException(errors);
        }
        DrlGenerator.Generated generated = DrlGenerator.generate(kind, content);
        List<String> names = kind == RuleSetKind.ASSIGNMENT
                ? content.assignment().stream().map(AssignmentRule::name).map(RuleChecks::display).toList()
                : content.automation().stream().map(AutomationRule::name).map(RuleChecks::display).toList();
        boolean hasRaw = rawDrl != null && !rawDrl.isBlank();

        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("dev.cartera.rules", "ruleset-" + versionId, "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        kfs.write(GENERATED_PATH, generated.drl());
        if (hasRaw) {
            kfs.write(RAW_PATH, DrlGenerator.HEADER + rawDrl);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        boolean located = messages.stream().anyMatch(m -> m.getLine() > 0);
        for (Message m : messages) {
            if (located && m.getLine() <= 0) {
                continue; // follow-ups like "Parser returned a null Package" say nothing the located errors don't
            }
            String path = m.getPath() == null ? "" : m.getPath();
            if (path.endsWith("raw.drl")) {
                int line = m.getLine() - lineCount(DrlGenerator.HEADER);
                String drlRule = rawRuleAt(rawDrl, line);
                errors.add(drlRule == null ? RuleError.of(RuleError.RAW_DRL, RuleErrorCode.RAW_DRL_DOES_NOT_COMPILE, line, m.getText())
                        : RuleError.of(RuleError.RAW_DRL, RuleErrorCode.RAW_DRL_RULE_DOES_NOT_COMPILE, drlRule, line, m.getText()));
            } else {
                errors.add(RuleError.of(generatedRuleAt(generated.firstLine(), m.getLine(), names), RuleErrorCode.DOES_NOT_COMPILE,
                        m.getText()));
            }
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleValidationException(errors);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        var kieBase = container.getKieBase();
        // The KieBase lives on in our cache; the repository entry would only pile up one module per build.
        ks.getRepository().removeKieModule(releaseId);
        return new CompiledRuleSet(tenantId, ruleSetId, versionId, kind, content, kieBase, new Params(generated.criteria()), names);
    }

    private static String generatedRuleAt(int[] firstLine, int line, List<String> names) {
        String name = RuleError.RULE_SET;
        for (int i = 0; i < firstLine.length; i++) {
            if (line >= firstLine[i]) {
                name = names.get(i);
            }
        }
        return name;
    }

    /** The name of the raw DRL rule a line belongs to (null before the first rule), for messages the admin can act on. */
    static String rawRuleAt(String raw, int line) {
        String name = null;
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            Matcher m = RAW_RULE.matcher(lines[i]);
            if (m.find()) {
                String found = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                name = found;
            }
        }
        return name;
    }

    private static int lineCount(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }
}
